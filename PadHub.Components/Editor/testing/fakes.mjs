// Fakes for the editor's node tests (test/): a clock that only moves when told, and Web Storage kept in a Map. They live
// outside test/ because node --test runs every script under that folder as a test file.

/** setTimeout/clearTimeout driven by `advance(ms)`: due callbacks run in time order, none runs early. */
export class FakeClock {
  constructor() {
    this.now = 0;
    this.nextId = 1;
    this.timers = new Map(); // id -> { at, fn }
  }

  setTimeout = (fn, ms) => {
    const id = this.nextId++;
    this.timers.set(id, { at: this.now + ms, fn });
    return id;
  };

  clearTimeout = (id) => {
    this.timers.delete(id);
  };

  get pending() {
    return this.timers.size;
  }

  advance(ms) {
    const until = this.now + ms;
    for (;;) {
      let next = null;
      for (const [id, t] of this.timers) if (t.at <= until && (next === null || t.at < next[1].at)) next = [id, t];
      if (next === null) break;
      this.timers.delete(next[0]);
      this.now = next[1].at;
      next[1].fn();
    }
    this.now = until;
  }
}

/** The Web Storage API over a Map; `failWrites` makes setItem throw as a full or disabled storage does. */
export class FakeStorage {
  constructor() {
    this.items = new Map();
    this.writes = 0;
    this.failWrites = false;
  }

  getItem(key) {
    return this.items.has(key) ? this.items.get(key) : null;
  }

  setItem(key, value) {
    this.writes++;
    if (this.failWrites) throw new Error('QuotaExceededError');
    this.items.set(key, String(value));
  }

  removeItem(key) {
    this.writes++;
    this.items.delete(key);
  }
}

/** Installs fresh localStorage and sessionStorage globals (storage.js reads them at call time). */
export function installStorage() {
  const local = new FakeStorage();
  const session = new FakeStorage();
  globalThis.localStorage = local;
  globalThis.sessionStorage = session;
  return { local, session };
}
