// What the editor keeps in the browser.
//   sessionStorage (per tab, survives a reload of that tab; a new tab starts empty):
//     padhub.clientId   the tab's client id (a secret: only its one-way tag is ever shown to others), sent with every
//                       join so the server recognises resent edits
//     padhub.clientId.other  a second id, for a pad that knows the first one under the other role (editor / viewer)
//     padhub.seq        the last sequence number this client id used (seqs only ever grow)
//   localStorage (per browser):
//     padhub.name                       the display name asked for on the first visit
//     padhub.pending.<padId>.<clientId> unacknowledged edits: { revision, serverText, outstanding, buffer, ... }
//     padhub.recovered.<padId>          text of edits that could not be merged (kept so nothing is silently lost)

/** The keys above; the pending and recovered keys take the pad (and client) id. */
export const StorageKeys = Object.freeze({
  clientId: 'padhub.clientId',
  otherClientId: 'padhub.clientId.other',
  seq: 'padhub.seq',
  name: 'padhub.name',
  pending: (padId, client) => `padhub.pending.${padId}.${client}`,
  recovered: (padId) => `padhub.recovered.${padId}`,
});

const safe = (fn, fallback) => {
  try {
    return fn();
  } catch {
    return fallback; // storage disabled or full: the editor keeps working, only durability is lost
  }
};

// 36 characters (UUID) or 32 hex characters: the server wants 32-64 unguessable characters of A-Z a-z 0-9 - _.
function randomId() {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

const validId = (id) => typeof id === 'string' && /^[A-Za-z0-9_-]{32,64}$/.test(id);

export function clientId() {
  let id = safe(() => sessionStorage.getItem(StorageKeys.clientId), null);
  if (!validId(id)) {
    id = randomId();
    safe(() => sessionStorage.setItem(StorageKeys.clientId, id));
  }
  return id;
}

/**
 * The server knows the current id on this pad under the other role (this tab followed an edit link and a view link of
 * the same pad): swap to the tab's other id, made on first need, and return it. Swapping back finds the first one, with
 * its pending edits, again.
 */
export function swapClientId() {
  const current = clientId();
  let other = safe(() => sessionStorage.getItem(StorageKeys.otherClientId), null);
  if (!validId(other)) other = randomId();
  safe(() => {
    sessionStorage.setItem(StorageKeys.clientId, other);
    sessionStorage.setItem(StorageKeys.otherClientId, current);
  });
  return other;
}

const lastSeq = () => Number(safe(() => sessionStorage.getItem(StorageKeys.seq), 0)) || 0;

/** Raises the tab's seq counter to at least `seq`. */
export function ensureSeqAtLeast(seq) {
  if (seq > lastSeq()) safe(() => sessionStorage.setItem(StorageKeys.seq, String(seq)));
}

export function allocateSeq() {
  const next = lastSeq() + 1;
  safe(() => sessionStorage.setItem(StorageKeys.seq, String(next)));
  return next;
}

export const displayName = () => safe(() => localStorage.getItem(StorageKeys.name), null);
export const rememberName = (name) => safe(() => localStorage.setItem(StorageKeys.name, name));

export function loadPending(padId, client) {
  const raw = safe(() => localStorage.getItem(StorageKeys.pending(padId, client)), null);
  if (!raw) return null;
  return safe(() => JSON.parse(raw), null);
}

/** Saves (or with null clears) the pending edits; false when the browser refused to store them. */
export function savePending(padId, client, snapshot) {
  const key = StorageKeys.pending(padId, client);
  if (snapshot === null) return safe(() => { localStorage.removeItem(key); return true; }, false);
  return safe(() => { localStorage.setItem(key, JSON.stringify({ v: 1, savedAt: Date.now(), ...snapshot })); return true; }, false);
}

export function saveRecovered(padId, text) {
  safe(() => localStorage.setItem(StorageKeys.recovered(padId), JSON.stringify({ savedAt: Date.now(), text })));
}
