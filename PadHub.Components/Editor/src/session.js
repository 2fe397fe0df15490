// One live pad editor: composes CodeMirror (view.js), the ot.js client (client.js), the circuit through the
// component's DotNetObjectReference (connection.js), the browser's copy of unacknowledged edits (pending.js), the
// catch-up after a reload or reconnect (recovery.js), carets (carets.js) and the sync indicator (status.js).
//
// Durability and reconnect algorithm
// ----------------------------------
// Whenever edits are pending, localStorage holds { revision R, serverText T (the pad at R), outstanding O (seq s,
// made against R), buffer B (made after O, not yet sent) } under (pad id, client id). It is written before O is
// submitted and after every event, so it never lags the server: whatever the server committed from us is either
// still O (unacknowledged, maybe committed) or already folded into R and T.
//
// Rejoin (a reload or a new circuit after a server restart; the tab keeps its client id in sessionStorage):
//   1. The server's join returns the head (H, Rh). A stored record means the editor starts from it instead: the
//      document shown is B(O(T)), the client is at R with O outstanding and B buffered.
//   2. Fetch history from R, page by page until the server says there is no more, and feed every entry through the
//      same state machine as live events, in revision order: an entry with our client tag (Join's clientTag, a
//      one-way derivation of our client id, which no one else ever sees) and seq s is the acknowledgement of O (its
//      commit landed before the circuit died), so O leaves flight and B is promoted; any other entry is rebased against O and B exactly as the server rebases
//      with transform(incoming, committed), and applied. The document is then at the head with our edits on top.
//   3. If O is still outstanding it was never committed (or is in flight from the dead circuit): resubmit it, rebased,
//      under the SAME seq s. The server commits it once: a duplicate (client id, s) returns its original revision, and
//      if that commit reaches us as a live event instead, it carries (client tag, s) and acknowledges O just the same.
//      Events at revisions already applied are duplicates and are dropped, so history and live events can overlap.
//   4. B is sent under a new seq only after O is acknowledged: nothing is lost and nothing is applied twice.
// Reconnect of the same circuit (Blazor's reconnection) runs steps 2-3 from the client's current revision: calls
// in either direction may have been lost while the socket was down.
// If the server is behind R (Rh < R: it lost revisions we had seen, its machine crashed before they reached its disk)
// the editor starts from H and replays only O and B on it: they are rebased over the operation that turns T into H.
// Otherwise, if the history no longer reaches back to R (stale-revision) the edits cannot be merged: their text is
// kept in localStorage (padhub.recovered.<pad>) and the editor starts again from the head.

import { OtClient, remoteEvent } from './client.js';
import { changeSetToOp, splitOp } from './changes.js';
import { fromServerRuns } from './authorship.js';
import { fallbackColor, remoteAuthor, setAuthorship, setRemoteCaret, keepRemoteCarets } from './presence.js';
import * as storage from './storage.js';
import { EditorErrorCodes, PadErrorCodes } from './errors.js';
import { Timers } from './timers.js';
import { Access, applyOperation, createView } from './view.js';
import { markConclusion } from './conclusions.js';
import { PendingEdits } from './pending.js';
import { SyncStatus, syncState } from './status.js';
import { Connection } from './connection.js';
import { Recovery } from './recovery.js';
import { CaretShare, RemoteCarets, toLocalPositions, toServerPositions } from './carets.js';
import { format, withDefaults } from './strings.js';

export class PadSession {
  constructor(element, dotNet, options) {
    this.element = element;
    this.dotNet = dotNet;
    this.padId = options.padId;
    this.clientId = options.clientId; // our secret: only keys this tab's stored edits, never compared with events
    this.clientTag = options.clientTag; // public: marks our own committed operations (with their seq)
    this.participantId = options.participantId; // public: this connection in presence and carets
    this.authorId = options.authorId;
    // readOnly: the link can never write (nothing is stored or sent). canWrite: the pad takes edits now (a locked pad
    // or a revoked link turns it off live, see setReadOnly).
    this.readOnly = options.readOnly === true;
    this.strings = withDefaults(options.strings);
    this.access = new Access(!this.readOnly && options.canWrite !== false, this.strings);
    this.detached = false;
    this.persistQueued = false;
    this.timers = new Timers();
    this.participants = new Map();
    this.authors = new Map();
    this.setAuthors(options.authors, options.participants);

    this.pending = new PendingEdits(this.padId, this.clientId, this.readOnly);
    this.status = new SyncStatus(element, this.timers, () => this.render(), this.strings);
    this.connection = new Connection({
      dotNet,
      timers: this.timers,
      detached: () => this.detached,
      client: () => this.client,
      resync: (o) => this.resync(o),
      render: () => this.render(),
    });
    this.carets = new CaretShare({
      timers: this.timers,
      client: () => this.client,
      canShare: () => this.canWrite,
      online: () => this.connection.online,
      selection: () => this.view.state.selection.main,
      send: (revision, anchor, head) => { this.connection.call('UpdateCaret', [revision, anchor, head]).catch(() => {}); },
    });
    this.remoteCarets = new RemoteCarets({
      participantId: this.participantId,
      client: () => this.client,
      show: (caret, anchor, head) => this.showCaret(caret, anchor, head),
    });
    this.client = this.freshClient(options.revision);

    // Step 1 of the rejoin algorithm: start from the stored pending edits if there are any.
    let text = options.text;
    let runs = fromServerRuns(options.authorship ?? []);
    let head = null;
    try {
      const restored = this.pending.load();
      if (restored !== null) {
        this.client.canSend = false; // nothing is sent until history has been replayed over it
        this.client.restore(restored);
        text = this.client.localTextFrom(restored.serverText);
        runs = [{ a: '', n: text.length }];
        head = { headRevision: options.revision, headText: options.text, headRuns: options.authorship ?? [] };
      }
    } catch (e) {
      console.warn('PadHub: stored edits could not be read', e);
      this.client = this.freshClient(options.revision);
    }
    this.recovery = new Recovery(this, head);

    this.view = createView({
      parent: element.querySelector('.padhub-cm') ?? element,
      doc: text,
      access: this.access,
      onUpdate: (update) => this.onUpdate(update),
    });
    this.view.dispatch({
      effects: setAuthorship.of({ runs, authors: this.authors, visible: options.showAuthorship !== false, localAuthor: this.authorId }),
    });
    // While the document has no selection at all (a page that only watches, never clicked), CodeMirror reads the DOM
    // selection on every update, a forced layout per remote edit. A collapsed selection at the start of the page, where
    // reading and tabbing start anyway, ends that without focusing the editor or showing anything.
    const selection = document.getSelection();
    if (selection && selection.rangeCount === 0) selection.collapse(document.body, 0);

    this.onPageHide = () => this.persist();
    window.addEventListener('pagehide', this.onPageHide);

    this.render();
    if (head !== null) this.resync();
  }

  get canWrite() {
    return this.access.canWrite;
  }

  freshClient(revision) {
    return new OtClient({
      revision,
      clientTag: this.clientTag,
      allocateSeq: storage.allocateSeq,
      send: (outstanding, baseRevision) => this.submit(outstanding, baseRevision),
      applyRemote: (op, event) => applyOperation(this.view, op, event.authorId ?? '', true),
      split: (op) => splitOp(op),
    });
  }

  // ---- local edits -------------------------------------------------------------------------------------------

  onUpdate(update) {
    let local = false;
    for (const tr of update.transactions) {
      if (!tr.docChanged || tr.annotation(remoteAuthor) !== undefined) continue;
      const op = changeSetToOp(tr.changes, tr.startState.doc.length);
      this.client.applyLocal(op, this.client.synchronized ? tr.startState.doc.toString() : null);
      local = true;
    }
    if (local) {
      this.persistSoon();
      this.render();
    }
    if (local || update.selectionSet) this.carets.schedule();
  }

  submit(outstanding, baseRevision) {
    this.persistSoon(); // durable before it leaves the browser: the call below is queued behind the write
    this.connection.armAckWatchdog();
    // No timeout here: the reply only says the call finished (the acknowledgement comes through `acknowledge`), and
    // a commit can take a while. A lost reply is the ack watchdog's business.
    if (this.detached) return;
    // Serialise now, with the revision it was made against: the client rebases `outstanding.op` in place when a remote
    // event is applied, and one receive() can apply an ack (which sends the buffer) and the next remote event before
    // the deferred call runs. Reading the op later paired a rebased op with the old base revision: the server refused
    // it as invalid-op and the editor reverted those keystrokes.
    const { seq } = outstanding;
    const opJson = JSON.stringify(outstanding.op.ops);
    Promise.resolve()
      .then(() => this.dotNet.invokeMethodAsync('SubmitOperation', seq, baseRevision, opJson))
      .catch(() => this.connection.goOffline());
  }

  // ---- events from the server (through .NET) -----------------------------------------------------------------

  receive(event) {
    this.feed(remoteEvent(event));
  }

  acknowledge(seq, revision) {
    this.feed({ kind: 'ack', revision, seq });
  }

  feed(event) {
    const ok = this.client.receive(event);
    this.afterEvents();
    if (!ok) this.resync({ resend: false });
  }

  afterEvents() {
    this.persistSoon();
    this.remoteCarets.flush();
    this.carets.refresh();
    this.connection.watch();
    this.render();
  }

  /** The server refused an operation: nothing was committed. */
  reject(seq, code, message) {
    const o = this.client.outstanding;
    if (o === null || o.seq !== seq) return;
    switch (code) {
      case PadErrorCodes.RateLimited:
        this.timers.later(() => this.client.resend(), 1000);
        break;
      case PadErrorCodes.StaleRevision:
        this.recovery.staleRevision(seq);
        break;
      case PadErrorCodes.InvalidOp:
      case PadErrorCodes.TooLarge:
      case PadErrorCodes.Forbidden: {
        // Undo the refused edit locally (outside the undo history), keep what was typed after it.
        const revert = this.client.abandonOutstanding();
        if (revert !== null && !revert.isNoop()) applyOperation(this.view, revert, '');
        this.status.showNotice(code === PadErrorCodes.TooLarge ? this.strings.tooLarge : format(this.strings.refused, code));
        this.afterEvents();
        break;
      }
      case EditorErrorCodes.Unavailable:
      default:
        this.status.showNotice(message || code);
        this.connection.goOffline();
    }
  }

  /** Steps 2-3 of the algorithm: replay history from the current revision, then resend what is still in flight. */
  resync(options) {
    return this.recovery.resync(options);
  }

  // ---- presence ----------------------------------------------------------------------------------------------

  setAuthors(authors, participants) {
    for (const a of authors ?? []) this.authors.set(a.authorId, { name: a.displayName, color: a.color });
    if (participants) {
      this.participants = new Map(participants.map((p) => [p.participantId, p]));
      for (const p of participants) this.authors.set(p.authorId, { name: p.displayName, color: p.color });
    }
  }

  setParticipants(participants, authors) {
    this.setAuthors(authors, participants);
    this.view.dispatch({
      effects: [keepRemoteCarets.of(new Set(this.participants.keys())), setAuthorship.of({ authors: new Map(this.authors) })],
    });
  }

  moveCaret(caret) {
    this.remoteCarets.move(caret);
  }

  showCaret(caret, anchor, head) {
    const p = this.participants.get(caret.participantId);
    const author = this.authors.get(caret.authorId);
    this.view.dispatch({
      effects: setRemoteCaret.of({
        participantId: caret.participantId,
        caret: { anchor, head, name: p?.displayName ?? author?.name ?? 'Someone', color: p?.color ?? author?.color ?? fallbackColor },
      }),
    });
  }

  /** The pad was locked or unlocked, or the link revoked: editing stops or resumes without a reload. */
  setReadOnly(readOnly) {
    this.access.set(this.view, !this.readOnly && readOnly !== true);
  }

  /** The toolbar's "Mark as conclusion": an ordinary local edit (onUpdate submits it); the editor keeps the focus. */
  markConclusion() {
    if (this.canWrite) markConclusion(this.view);
    this.view.focus();
  }

  /** The selection to comment on, at our revision (before our unacknowledged edits): { revision, from, to }, or null. */
  commentSelection() {
    const { from, to } = this.view.state.selection.main;
    if (from === to) return null;
    const [a, b] = toServerPositions(this.client, from, to);
    return { revision: this.client.revision, from: Math.min(a, b), to: Math.max(a, b) };
  }

  /** Selects a comment's passage, given at our revision, and scrolls it into view. */
  selectPassage(from, to) {
    const length = this.view.state.doc.length;
    const [a, b] = toLocalPositions(this.client, from, to).map((p) => Math.max(0, Math.min(p, length)));
    this.view.dispatch({ selection: { anchor: a, head: b }, scrollIntoView: true });
    this.view.focus();
  }

  setAuthorshipVisible(visible) {
    this.view.dispatch({ effects: setAuthorship.of({ visible }) });
  }

  // ---- storage, the sync indicator, teardown -----------------------------------------------------------------

  persist() {
    this.persistQueued = false;
    if (!this.pending.save(this.client)) this.status.showNotice(this.strings.noStorage);
  }

  /**
   * Persists once the current task's synchronous work is done (a microtask): a keystroke that is also submitted, or an
   * acknowledgement that sends the buffer, writes the record once, not twice. `submit` queues its call to the server
   * after this, so the record still reaches storage before the operation leaves the browser.
   */
  persistSoon() {
    if (this.persistQueued) return;
    this.persistQueued = true;
    queueMicrotask(() => {
      if (this.persistQueued && !this.detached) this.persist();
    });
  }

  render() {
    const c = this.client;
    const state = syncState({ online: this.connection.online, synchronized: c.synchronized, recovering: this.recovery.recovering });
    this.status.render(state, c.revision, c.waitingEdits);
  }

  destroy() {
    this.persist();
    this.detached = true;
    this.timers.dispose();
    this.connection.dispose();
    window.removeEventListener('pagehide', this.onPageHide);
    this.view.destroy();
  }
}
