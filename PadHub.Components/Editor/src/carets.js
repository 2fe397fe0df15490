// Carets in server coordinates. Ours is shared at most once per CARET_THROTTLE, at the client's revision (before our
// unacknowledged edits); theirs arrive at a revision and are shown once we are there, moved over our pending edits.

export const CARET_THROTTLE = 120;

/** Local positions to positions at the client's revision (before our unacknowledged edits). */
export function toServerPositions(client, ...positions) {
  if (client.synchronized || client.serverText === null) return positions;
  let pending = client.outstanding.op;
  if (client.buffer) pending = pending.compose(client.buffer);
  const inverse = pending.invert(client.serverText);
  return positions.map((p) => inverse.transformCaret(p, true));
}

/** Positions at the client's revision to local positions: moved over our unacknowledged edits. */
export function toLocalPositions(client, ...positions) {
  let result = positions;
  for (const op of [client.outstanding?.op, client.buffer]) {
    if (!op) continue;
    result = result.map((p) => op.transformCaret(Math.min(p, op.baseLength)));
  }
  return result;
}

/** Shares our caret: trailing, at most once per CARET_THROTTLE, with the selection as it is when the time comes. */
export class CaretShare {
  /**
   * @param {object} o
   * @param {import('./timers.js').Timers} o.timers
   * @param {() => import('./client.js').OtClient} o.client the current client (it is replaced when edits are given up)
   * @param {() => boolean} o.canShare whether this editor may share a caret at all (it can write)
   * @param {() => boolean} o.online
   * @param {() => { anchor: number, head: number }} o.selection the local selection now
   * @param {(revision: number, anchor: number, head: number) => void} o.send
   */
  constructor({ timers, client, canShare, online, selection, send }) {
    Object.assign(this, { timers, client, canShare, online, selection, send });
    this.stale = false;
  }

  schedule() {
    if (!this.canShare()) return;
    this.timers.once('caret', () => this.share(), CARET_THROTTLE);
  }

  /** A caret sent while edits were pending was mapped before them; share it again once they are committed. */
  refresh() {
    if (this.stale && this.client().synchronized) this.schedule();
  }

  share() {
    if (!this.online()) return;
    const client = this.client();
    const { anchor, head } = this.selection();
    const [a, h] = toServerPositions(client, anchor, head);
    this.stale = !client.synchronized;
    this.send(client.revision, a, h);
  }
}

/** The others' carets: one ahead of our revision waits until that revision has been applied. */
export class RemoteCarets {
  /**
   * @param {object} o
   * @param {string} o.participantId ours: our own caret coming back is ignored
   * @param {() => import('./client.js').OtClient} o.client
   * @param {(caret: object, anchor: number, head: number) => void} o.show shows `caret` at local positions
   */
  constructor({ participantId, client, show }) {
    Object.assign(this, { participantId, client, show });
    this.pending = new Map();
  }

  move(caret) {
    if (caret.participantId === this.participantId) return;
    const client = this.client();
    if (caret.revision > client.revision) {
      this.pending.set(caret.participantId, caret); // shown once its revision has been applied
      return;
    }
    this.pending.delete(caret.participantId);
    // Server coordinates at our revision are moved over our unacknowledged edits; older ones are shown as they are.
    const [anchor, head] = caret.revision === client.revision
      ? toLocalPositions(client, caret.anchor, caret.head)
      : [caret.anchor, caret.head];
    this.show(caret, anchor, head);
  }

  /** Shows the carets whose revision has now been applied. */
  flush() {
    const revision = this.client().revision;
    for (const caret of [...this.pending.values()]) {
      if (caret.revision <= revision) this.move(caret);
    }
  }
}
