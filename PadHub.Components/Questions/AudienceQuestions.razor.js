// AudienceQuestions' collocated module: the browser's participant id for questions and votes. A secret like the
// editor's client id (whoever knows it votes as this browser): random, kept in localStorage so one browser keeps one
// vote per question across reloads, never shown. Without storage (private modes) the page gets one for its lifetime.
const storageKey = 'padhub.participantId';
const valid = /^[A-Za-z0-9_-]{32,64}$/;
let fallback;

function newId() {
    const bytes = crypto.getRandomValues(new Uint8Array(24));
    return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function participantId() {
    try {
        let id = localStorage.getItem(storageKey);
        if (!id || !valid.test(id)) {
            id = newId();
            localStorage.setItem(storageKey, id);
        }
        return id;
    } catch {
        fallback ??= newId();
        return fallback;
    }
}
