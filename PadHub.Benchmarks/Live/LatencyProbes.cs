namespace PadHub.Benchmarks.Live;

/// <summary>The scripts <see cref="LatencyCommand"/> installs in the pages to stamp keystrokes, characters, frames and notices.</summary>
internal static class LatencyProbes
{
    // Page A: the time of every keydown on the editor, from the event's own timestamp.
    public const string KeydownProbe = """
        () => {
          window.__padhubKeydowns = [];
          document.addEventListener('keydown', e => {
            if (e.key.length === 1) window.__padhubKeydowns.push(performance.timeOrigin + e.timeStamp);
          }, { capture: true });
        }
        """;

    // Page B: the time each new character of A's line first appears in the editor's DOM (a MutationObserver callback
    // runs as a microtask right after the DOM change, before the next paint).
    public const string AppearProbe = """
        (prefix) => {
          // The editor lives in .padhub-cm's shadow root (older builds: in the page itself).
          const content = (document.querySelector('.padhub-editor .padhub-cm')?.shadowRoot ?? document).querySelector('.cm-content');
          window.__padhubAppear = [];
          const count = () => {
            for (const line of content.querySelectorAll('.cm-line')) {
              const text = line.textContent;
              if (text.startsWith(prefix)) return text.length - prefix.length;
            }
            return -1;
          };
          let seen = Math.max(0, count());
          new MutationObserver(() => {
            const now = performance.timeOrigin + performance.now();
            const n = count();
            while (seen < n) { window.__padhubAppear.push(now); seen++; }
          }).observe(content, { childList: true, subtree: true, characterData: true });
        }
        """;

    // Every page: when each WebSocket message reached the page's event loop (a listener registered before the circuit's
    // own), to split B's part into "server to B's event loop" and "B's event loop to its DOM".
    public const string FrameProbe = """
        (() => {
          const Native = window.WebSocket;
          window.__padhubFrames = [];
          window.WebSocket = class extends Native {
            constructor(...args) {
              super(...args);
              this.addEventListener('message', () => window.__padhubFrames.push(performance.timeOrigin + performance.now()));
            }
          };
        })();
        """;

    // Page A: every notice the editor shows in its status line ("Your last edit was refused (...)", ...).
    public const string NoticeProbe = """
        () => {
          window.__padhubNotices = [];
          const status = document.querySelector('.padhub-editor .padhub-sync');
          let last = '';
          new MutationObserver(() => {
            const text = status.textContent;
            const at = text.indexOf('·');
            const notice = at < 0 ? '' : text.slice(at + 1).trim();
            if (notice !== last && notice !== '') window.__padhubNotices.push(notice);
            last = notice;
          }).observe(status, { childList: true, subtree: true, characterData: true });
        }
        """;
}
