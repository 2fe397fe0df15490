// The timeouts of one editor. A named timer exists at most once (a watchdog, a retry, the caret throttle); all of them
// are cancelled together when the editor goes away, so no callback ever runs against a destroyed view.

export class Timers {
  /** @param {{ setTimeout: Function, clearTimeout: Function }} [clock] the browser's by default; tests pass a fake one */
  constructor(clock = globalThis) {
    this.clock = clock;
    this.ids = new Set();
    /** @type {Map<string, unknown>} */
    this.named = new Map();
    this.disposed = false;
  }

  /** Runs `fn` once after `ms`, unless the timers are disposed first. */
  later(fn, ms) {
    const id = this.clock.setTimeout(() => {
      this.ids.delete(id);
      if (!this.disposed) fn();
    }, ms);
    this.ids.add(id);
    return id;
  }

  /** Runs `fn` after `ms` under `name`, unless a timer of that name is already waiting (which then stays as it is). */
  once(name, fn, ms) {
    if (!this.named.has(name)) this.start(name, fn, ms);
  }

  /** Runs `fn` after `ms` under `name`, replacing a timer of that name that is still waiting. */
  restart(name, fn, ms) {
    this.clear(name);
    this.start(name, fn, ms);
  }

  isWaiting(name) {
    return this.named.has(name);
  }

  clear(name) {
    const id = this.named.get(name);
    if (id === undefined) return;
    this.clock.clearTimeout(id);
    this.ids.delete(id);
    this.named.delete(name);
  }

  dispose() {
    this.disposed = true;
    for (const id of this.ids) this.clock.clearTimeout(id);
    this.ids.clear();
    this.named.clear();
  }

  start(name, fn, ms) {
    // The name is free again before `fn` runs, so `fn` may start the next timer of the same name.
    this.named.set(name, this.later(() => {
      this.named.delete(name);
      fn();
    }, ms));
  }
}
