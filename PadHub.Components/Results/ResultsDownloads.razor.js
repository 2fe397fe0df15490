// Downloads with progress: a click on a results file link fetches it, shows how much has arrived (a percentage when the
// server sends a length; the streamed export.zip has none, so bytes received and a moving bar), then saves it.
const states = new WeakMap();

function formatBytes(bytes) {
    if (bytes < 1024) return `${bytes} B`;
    if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
    return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

async function download(root, link, state) {
    const progress = root.querySelector('[data-results-progress]');
    const bar = progress.querySelector('progress');
    const text = progress.querySelector('[data-results-progress-text]');
    const name = link.getAttribute('download') || 'download';
    state.busy = true;
    progress.hidden = false;
    progress.dataset.file = name;
    progress.dataset.state = 'running';
    bar.removeAttribute('value');
    text.textContent = `Preparing ${name}...`;
    try {
        const response = await fetch(link.href, { signal: state.abort.signal, credentials: 'same-origin' });
        if (!response.ok) throw new Error(`The server answered ${response.status}.`);
        const total = Number(response.headers.get('Content-Length')) || 0;
        const reader = response.body.getReader();
        const chunks = [];
        let received = 0;
        for (;;) {
            const { done, value } = await reader.read();
            if (done) break;
            chunks.push(value);
            received += value.length;
            if (total > 0) {
                bar.max = total;
                bar.value = received;
                text.textContent = `${name}: ${Math.round((received / total) * 100)}% (${formatBytes(received)} of ${formatBytes(total)})`;
            } else {
                text.textContent = `${name}: ${formatBytes(received)} received...`;
            }
        }
        const blob = new Blob(chunks, { type: response.headers.get('Content-Type') || 'application/octet-stream' });
        const url = URL.createObjectURL(blob);
        const save = document.createElement('a');
        save.href = url;
        save.download = name;
        document.body.appendChild(save);
        save.click();
        save.remove();
        setTimeout(() => URL.revokeObjectURL(url), 60000);
        bar.max = 1;
        bar.value = 1;
        text.textContent = `${name}: done (${formatBytes(received)}).`;
        progress.dataset.state = 'done';
        progress.dataset.bytes = String(received);
    } catch (error) {
        if (error.name === 'AbortError') return;
        text.textContent = `${name} could not be downloaded: ${error.message}`;
        progress.dataset.state = 'failed';
    } finally {
        state.busy = false;
    }
}

export function attach(root) {
    if (states.has(root)) return;
    const state = { busy: false, abort: new AbortController() };
    state.onClick = event => {
        const link = event.target.closest('a[data-results-download]');
        if (!link || !root.contains(link) || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey) return;
        event.preventDefault();
        if (!state.busy) download(root, link, state);
    };
    root.addEventListener('click', state.onClick);
    states.set(root, state);
}

export function detach(root) {
    const state = states.get(root);
    if (!state) return;
    root.removeEventListener('click', state.onClick);
    state.abort.abort();
    states.delete(root);
}
