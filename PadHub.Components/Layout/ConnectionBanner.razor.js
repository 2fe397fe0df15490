// Drives the non-blocking reconnect banner. Blazor retries on its own for a while; after that (state "failed") this
// keeps retrying in the background, because people go on typing offline and expect their edits to go out by
// themselves. A circuit the server no longer knows ("rejected": the server restarted) means a reload: the pad editor
// has its unacknowledged edits in localStorage and replays them on the new circuit.
const banner = document.getElementById('components-reconnect-modal');
const RETRY_EVERY = 5000;
let retryTimer = 0;

function stopRetrying() {
  clearTimeout(retryTimer);
  retryTimer = 0;
}

async function retry() {
  stopRetrying();
  try {
    if (await Blazor.reconnect()) return;
    // Reached the server, which no longer has the circuit: resume it from persisted state if possible, else reload.
    if (!(await Blazor.resumeCircuit())) location.reload();
  } catch {
    // The server is still unreachable.
    retryTimer = setTimeout(retry, RETRY_EVERY);
  }
}

async function resume() {
  try {
    if (!(await Blazor.resumeCircuit())) location.reload();
  } catch {
    banner.classList.replace('components-reconnect-paused', 'components-reconnect-resume-failed');
  }
}

if (banner) {
  banner.addEventListener('components-reconnect-state-changed', (event) => {
    const state = event.detail.state;
    if (state === 'hide') stopRetrying();
    else if (state === 'failed' || state === 'resume-failed') { if (!retryTimer) retryTimer = setTimeout(retry, RETRY_EVERY); }
    else if (state === 'rejected') location.reload();
  });
  document.getElementById('components-reconnect-button')?.addEventListener('click', retry);
  document.getElementById('components-resume-button')?.addEventListener('click', resume);
  window.addEventListener('online', () => { if (retryTimer) retry(); });
}
