// Downloads with progress: a click on a results file link fetches it, shows how much has arrived (a percentage when the
// server sends a length; the streamed export.zip has none, so bytes received and a moving bar), then saves it.
// Its texts come from the component in the page's language (attach's strings); these English ones only fill gaps.
const states = new WeakMap();

const englishStrings = Object.freeze({
    preparing: 'Preparing {0}…',
    percent: '{0}: {1}% ({2} of {3})',
    received: '{0}: {1} received…',
    done: '{0}: done ({1}).',
    failed: '{0} could not be downloaded: {1}',
    serverAnswered: 'the server answered {0}',
    connectionFailed: 'the connection failed',
    bytes: '{0} B',
    kilobytes: '{0} KB',
    megabytes: '{0} MB',
});

function format(template, ...args) {
    return template.replace(/\{(\d+)\}/g, (match, index) => (Number(index) < args.length ? String(args[Number(index)]) : match));
}

// Numbers as the page's language writes them (1 234,5 in French).
function number(value, digits) {
    return new Intl.NumberFormat(document.documentElement.lang || undefined, { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(value);
}

function formatBytes(bytes, strings) {
    if (bytes < 1024) return format(strings.bytes, number(bytes, 0));
    if (bytes < 1024 * 1024) return format(strings.kilobytes, number(bytes / 1024, 0));
    return format(strings.megabytes, number(bytes / (1024 * 1024), 1));
}

class HttpError extends Error {}

async function download(root, link, state) {
    const strings = state.strings;
    const progress = root.querySelector('[data-results-progress]');
    const bar = progress.querySelector('progress');
    const text = progress.querySelector('[data-results-progress-text]');
    const name = link.getAttribute('download') || 'download';
    state.busy = true;
    progress.hidden = false;
    progress.dataset.file = name;
    progress.dataset.state = 'running';
    bar.removeAttribute('value');
    text.textContent = format(strings.preparing, name);
    try {
        const response = await fetch(link.href, { signal: state.abort.signal, credentials: 'same-origin' });
        if (!response.ok) throw new HttpError(format(strings.serverAnswered, response.status));
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
                text.textContent = format(strings.percent, name, number(Math.round((received / total) * 100), 0), formatBytes(received, strings), formatBytes(total, strings));
            } else {
                text.textContent = format(strings.received, name, formatBytes(received, strings));
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
        text.textContent = format(strings.done, name, formatBytes(received, strings));
        progress.dataset.state = 'done';
        progress.dataset.bytes = String(received);
    } catch (error) {
        if (error.name === 'AbortError') return;
        // The browser's own network errors are English: say it in the page's language.
        text.textContent = format(strings.failed, name, error instanceof HttpError ? error.message : strings.connectionFailed);
        progress.dataset.state = 'failed';
    } finally {
        state.busy = false;
    }
}

export function attach(root, strings) {
    if (states.has(root)) return;
    const state = { busy: false, abort: new AbortController(), strings: { ...englishStrings } };
    for (const [key, value] of Object.entries(strings ?? {})) {
        if (typeof value === 'string' && value.length > 0 && key in englishStrings) state.strings[key] = value;
    }
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
