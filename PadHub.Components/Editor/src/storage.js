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
  let id = safe(() => sessionStorage.getItem('padhub.clientId'), null);
  if (!validId(id)) {
    id = randomId();
    safe(() => sessionStorage.setItem('padhub.clientId', id));
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
  let other = safe(() => sessionStorage.getItem('padhub.clientId.other'), null);
  if (!validId(other)) other = randomId();
  safe(() => {
    sessionStorage.setItem('padhub.clientId', other);
    sessionStorage.setItem('padhub.clientId.other', current);
  });
  return other;
}

/** Raises the tab's seq counter to at least `seq`. */
export function ensureSeqAtLeast(seq) {
  const last = Number(safe(() => sessionStorage.getItem('padhub.seq'), 0)) || 0;
  if (seq > last) safe(() => sessionStorage.setItem('padhub.seq', String(seq)));
}

export function allocateSeq() {
  const next = (Number(safe(() => sessionStorage.getItem('padhub.seq'), 0)) || 0) + 1;
  safe(() => sessionStorage.setItem('padhub.seq', String(next)));
  return next;
}

export const displayName = () => safe(() => localStorage.getItem('padhub.name'), null);
export const rememberName = (name) => safe(() => localStorage.setItem('padhub.name', name));

const pendingKey = (padId, client) => `padhub.pending.${padId}.${client}`;

export function loadPending(padId, client) {
  const raw = safe(() => localStorage.getItem(pendingKey(padId, client)), null);
  if (!raw) return null;
  return safe(() => JSON.parse(raw), null);
}

/** Saves (or with null clears) the pending edits; false when the browser refused to store them. */
export function savePending(padId, client, snapshot) {
  const key = pendingKey(padId, client);
  if (snapshot === null) return safe(() => { localStorage.removeItem(key); return true; }, false);
  return safe(() => { localStorage.setItem(key, JSON.stringify({ v: 1, savedAt: Date.now(), ...snapshot })); return true; }, false);
}

export function saveRecovered(padId, text) {
  safe(() => localStorage.setItem(`padhub.recovered.${padId}`, JSON.stringify({ savedAt: Date.now(), text })));
}
