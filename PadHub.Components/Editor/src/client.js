// The ot.js client state machine, with no browser or CodeMirror in it (node tests drive it directly).
//
//   Synchronized ──local edit──▶ AwaitingConfirm(outstanding) ──local edit──▶ AwaitingWithBuffer(outstanding, buffer)
//        ▲                              │ ack                                        │ ack: the buffer is sent
//        └──────────────────────────────┘                                            ▼
//                                                                           AwaitingConfirm(buffer)
//
// At most one operation is in flight; local edits made while waiting are composed into the buffer. Every event the
// server reports carries the revision it produced: a remote operation, or the acknowledgement of our own operation.
// Events are applied in strict revision order: one that arrives early waits in `early` until the revisions before it
// have been applied, and one at or below the current revision is a duplicate (history replayed after a reconnect) and
// is dropped. A remote operation r is rebased over our pending work exactly as the server rebases incoming operations
// with transform(incoming, committed): [outstanding', r'] = transform(outstanding, r), then
// [buffer', r''] = transform(buffer, r'), and r'' is applied to the local document.
//
// A committed operation from our own client id with the outstanding seq is our acknowledgement, however it arrives:
// as the reply to a submit, or inside history fetched after a reconnect (the submit of an earlier circuit landed).

import { TextOperation } from './ot.js';
import { isHighSurrogate, isLowSurrogate } from './changes.js';

/**
 * @typedef {{ revision: number, kind: 'ack', seq: number }} AckEvent
 * @typedef {{ revision: number, kind: 'remote', op: TextOperation, authorId: string, clientTag: string, seq: number }} RemoteEvent
 * @typedef {{ seq: number, op: TextOperation, edits: number }} Outstanding
 */

export class OtClient {
  /**
   * @param {object} o
   * @param {number} o.revision the revision the document is at
   * @param {string} o.clientTag the public tag of our client id (Join's clientTag): our own committed operations carry it
   * @param {() => number} o.allocateSeq next sequence number (strictly increasing per client id, across reloads)
   * @param {(outstanding: Outstanding, baseRevision: number) => void} o.send submit an operation
   * @param {(op: TextOperation, event: RemoteEvent) => void} o.applyRemote apply a rebased remote op to the local document
   * @param {(op: TextOperation) => TextOperation[]} [o.split] splits an op into consecutive parts small enough to send
   */
  constructor({ revision, clientTag, allocateSeq, send, applyRemote, split }) {
    this.revision = revision;
    this.clientTag = clientTag;
    this.allocateSeq = allocateSeq;
    this.sendFn = send;
    this.applyRemote = applyRemote;
    this.split = split ?? ((op) => [op]);
    /** @type {Outstanding | null} */
    this.outstanding = null;
    /** @type {TextOperation | null} */
    this.buffer = null;
    this.bufferEdits = 0;
    /** Text at `revision` (the server's view, without our pending edits); tracked only while edits are pending. */
    this.serverText = null;
    /** @type {Map<number, AckEvent | RemoteEvent>} */
    this.early = new Map();
    /** When false, sends are held (offline); `resend` submits the outstanding operation again. */
    this.canSend = true;
  }

  /** Unacknowledged local edits (transactions). */
  get waitingEdits() {
    return (this.outstanding?.edits ?? 0) + this.bufferEdits;
  }

  get synchronized() {
    return this.outstanding === null && this.buffer === null;
  }

  /** The lowest revision missing before the early events, or null when nothing waits. */
  get gap() {
    return this.early.size === 0 ? null : this.revision + 1;
  }

  /**
   * Restores pending work saved before a reload; `serverText` is the text at `revision`.
   * @param {{ revision: number, serverText: string, outstanding: Outstanding | null, buffer: TextOperation | null, bufferEdits: number }} s
   */
  restore(s) {
    this.revision = s.revision;
    this.serverText = s.serverText;
    this.outstanding = s.outstanding;
    this.buffer = s.buffer;
    this.bufferEdits = s.bufferEdits;
    if (this.outstanding === null && this.buffer !== null) this.promoteBuffer();
  }

  /** A local edit, made against the current local document (`textBefore` is that document, needed when synchronized). */
  applyLocal(op, textBefore) {
    if (op.isNoop()) return;
    if (this.synchronized) {
      this.serverText = textBefore;
      this.buffer = op;
      this.bufferEdits = 1;
      this.promoteBuffer();
    } else {
      this.buffer = this.buffer === null ? op : this.buffer.compose(op);
      this.bufferEdits += 1;
    }
  }

  /** Moves the buffer (or its first small-enough part) into flight and sends it. */
  promoteBuffer() {
    const parts = this.split(this.buffer);
    const first = parts[0];
    let rest = null;
    for (let i = 1; i < parts.length; i++) rest = rest === null ? parts[i] : rest.compose(parts[i]);
    this.outstanding = { seq: this.allocateSeq(), op: first, edits: rest === null ? this.bufferEdits : 0 };
    this.buffer = rest;
    this.bufferEdits = rest === null ? 0 : this.bufferEdits;
    this.send();
  }

  send() {
    if (this.outstanding !== null && this.canSend) this.sendFn(this.outstanding, this.revision);
  }

  /** Submits the outstanding operation again under the same seq (after a reconnect; the server deduplicates). */
  resend() {
    this.send();
  }

  /**
   * An event at a revision: a remote operation or an acknowledgement. Returns false when the event cannot be
   * interpreted (an acknowledgement of nothing we sent): the caller must resync from history.
   * @param {AckEvent | RemoteEvent} event
   */
  receive(event) {
    if (event.revision <= this.revision) return true; // a duplicate: already applied
    if (!this.early.has(event.revision)) this.early.set(event.revision, event);
    let ok = true;
    for (let next = this.early.get(this.revision + 1); next !== undefined; next = this.early.get(this.revision + 1)) {
      this.early.delete(next.revision);
      ok = this.apply(next) && ok;
      if (!ok) break;
    }
    return ok;
  }

  /** @param {AckEvent | RemoteEvent} event */
  apply(event) {
    const o = this.outstanding;
    const mine = o !== null && (event.kind === 'ack'
      ? event.seq === o.seq
      : event.clientTag === this.clientTag && event.seq === o.seq);
    if (mine) {
      this.revision = event.revision;
      if (this.serverText !== null) this.serverText = o.op.apply(this.serverText);
      this.outstanding = null;
      if (this.buffer !== null) this.promoteBuffer();
      else this.serverText = null;
      return true;
    }
    if (event.kind === 'ack') {
      // An acknowledgement at a revision we have not applied, for a seq that is not in flight: the revision's
      // operation is unknown here. Put it back and let the caller fetch history.
      this.early.set(event.revision, event);
      return false;
    }
    let op = event.op;
    if (o !== null) {
      const [o2, r2] = TextOperation.transform(o.op, op);
      o.op = o2;
      op = r2;
    }
    if (this.buffer !== null) {
      const [b2, r3] = TextOperation.transform(this.buffer, op);
      this.buffer = b2;
      op = r3;
    }
    if (this.serverText !== null) this.serverText = event.op.apply(this.serverText);
    this.revision = event.revision;
    this.applyRemote(op, event);
    return true;
  }

  /**
   * The server is behind us: it no longer has revisions we applied (its machine crashed before they reached its disk).
   * `text` is its document at `revision`. Our pending edits (made on our server text) are rebased onto its text as if
   * a remote operation had turned the one into the other; returns that operation rebased over our pending edits, to
   * apply to the local document. Only our own unacknowledged edits survive; the lost revisions of others are dropped.
   */
  rebaseOnto(revision, text) {
    let op = replaceOp(this.serverText ?? '', text);
    if (this.outstanding !== null) {
      const [o2, r2] = TextOperation.transform(this.outstanding.op, op);
      this.outstanding.op = o2;
      op = r2;
    }
    if (this.buffer !== null) {
      const [b2, r3] = TextOperation.transform(this.buffer, op);
      this.buffer = b2;
      op = r3;
    }
    this.serverText = this.synchronized ? null : text;
    this.revision = revision;
    this.early.clear();
    return op;
  }

  /** Drops an outstanding operation the server refused for good, returning the op that reverts it locally. */
  abandonOutstanding() {
    const o = this.outstanding;
    if (o === null || this.serverText === null) return null;
    // invert(o) and the buffer are both made against o applied to the server text: transform them against each other.
    let revert = o.op.invert(this.serverText);
    this.outstanding = null;
    if (this.buffer !== null) {
      const [revert2, buffer2] = TextOperation.transform(revert, this.buffer);
      revert = revert2;
      this.buffer = buffer2;
      this.promoteBuffer();
    } else {
      this.serverText = null;
    }
    return revert;
  }

  /** The serialisable pending state (null when synchronized). */
  snapshot() {
    if (this.synchronized) return null;
    return {
      revision: this.revision,
      serverText: this.serverText,
      outstanding: this.outstanding && { seq: this.outstanding.seq, op: this.outstanding.op.toJSON(), edits: this.outstanding.edits },
      buffer: this.buffer && this.buffer.toJSON(),
      bufferEdits: this.bufferEdits,
    };
  }

  /** The inverse of `snapshot`. */
  static parseSnapshot(s) {
    return {
      revision: s.revision,
      serverText: s.serverText,
      outstanding: s.outstanding && { seq: s.outstanding.seq, op: TextOperation.fromJSON(s.outstanding.op), edits: s.outstanding.edits },
      buffer: s.buffer && TextOperation.fromJSON(s.buffer),
      bufferEdits: s.bufferEdits,
    };
  }

  /** The local document is the server text with the outstanding op and the buffer applied. */
  localTextFrom(serverText) {
    let t = serverText;
    if (this.outstanding) t = this.outstanding.op.apply(t);
    if (this.buffer) t = this.buffer.apply(t);
    return t;
  }
}

/**
 * A committed operation as the circuit sends it, live or in history ({ revision, operation: ot.js JSON text, authorId,
 * clientTag, seq }), as the client's RemoteEvent.
 * @returns {RemoteEvent}
 */
export function remoteEvent(e) {
  return { kind: 'remote', revision: e.revision, op: TextOperation.fromJSON(JSON.parse(e.operation)), authorId: e.authorId, clientTag: e.clientTag, seq: e.seq };
}

/** The operation that turns `from` into `to`: keep the common prefix and suffix, replace the middle (never inside a surrogate pair). */
export function replaceOp(from, to) {
  const max = Math.min(from.length, to.length);
  let prefix = 0;
  while (prefix < max && from.charCodeAt(prefix) === to.charCodeAt(prefix)) prefix++;
  if (prefix > 0 && isHighSurrogate(from.charCodeAt(prefix - 1))) prefix--;
  let suffix = 0;
  while (suffix < max - prefix && from.charCodeAt(from.length - 1 - suffix) === to.charCodeAt(to.length - 1 - suffix)) suffix++;
  if (suffix > 0 && isLowSurrogate(from.charCodeAt(from.length - suffix))) suffix--;
  return new TextOperation()
    .retain(prefix)
    .delete(from.length - prefix - suffix)
    .insert(to.slice(prefix, to.length - suffix))
    .retain(suffix);
}
