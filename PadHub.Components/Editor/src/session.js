// One live pad editor: CodeMirror, the ot.js client, the circuit (through the component's DotNetObjectReference),
// the browser's copy of unacknowledged edits, presence and the sync indicator.
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

import { Compartment, EditorState, Transaction } from '@codemirror/state';
import { EditorView, keymap, drawSelection, highlightSpecialChars, placeholder } from '@codemirror/view';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { syntaxHighlighting, defaultHighlightStyle } from '@codemirror/language';
import { markdown } from '@codemirror/lang-markdown';
import { TextOperation } from './ot.js';
import { OtClient } from './client.js';
import { changeSetToOp, opToChanges, normaliseNewlines, splitOp } from './changes.js';
import { applyToRuns, fromServerRuns } from './authorship.js';
import { authorship, remoteAuthor, remoteCarets, setAuthorship, setRemoteCaret, keepRemoteCarets, presenceTheme } from './presence.js';
import * as storage from './storage.js';

const CALL_TIMEOUT = 15000; // a call the circuit never answers (socket down) counts as offline after this
const ACK_WATCHDOG = 15000; // an operation unacknowledged this long is resent (same seq) after a history fetch
const GAP_WATCHDOG = 2000; // a missing revision not filled this long is fetched from history
const RETRY_OFFLINE = 3000; // while offline, how often to try the circuit again
const CARET_THROTTLE = 120;

/** Turns CRLF and CR typed or pasted into LF, so the document only ever holds what the server will hold. */
const normaliseInput = EditorState.transactionFilter.of((tr) => {
  if (!tr.docChanged || tr.annotation(remoteAuthor) !== undefined) return tr;
  let hasCr = false;
  tr.changes.iterChanges((_a, _b, _c, _d, inserted) => {
    if (!hasCr && inserted.toString().indexOf('\r') >= 0) hasCr = true;
  });
  if (!hasCr) return tr;
  const specs = [];
  tr.changes.iterChanges((fromA, toA, _c, _d, inserted) => specs.push({ from: fromA, to: toA, insert: normaliseNewlines(inserted.toString()) }));
  return [{ changes: specs, scrollIntoView: tr.scrollIntoView, userEvent: tr.annotation(Transaction.userEvent) }];
});

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
    this.canWrite = !this.readOnly && options.canWrite !== false;
    this.access = new Compartment();
    this.online = true;
    this.detached = false;
    this.syncing = null;
    this.syncAgain = false;
    this.resendAfterSync = false;
    this.notice = null;
    this.timers = new Set();
    this.ackTimer = 0;
    this.gapTimer = 0;
    this.retryTimer = 0;
    this.caretTimer = 0;
    this.caretStale = false;
    this.staleSeq = null;
    this.pendingCarets = new Map();
    this.participants = new Map();
    this.authors = new Map();
    this.setAuthors(options.authors, options.participants);

    this.client = new OtClient({
      revision: options.revision,
      clientTag: this.clientTag,
      allocateSeq: storage.allocateSeq,
      send: (outstanding, baseRevision) => this.submit(outstanding, baseRevision),
      applyRemote: (op, event) => this.applyRemote(op, event),
      split: (op) => splitOp(op),
    });

    // Step 1 of the rejoin algorithm: start from the stored pending edits if there are any.
    let text = options.text;
    let runs = fromServerRuns(options.authorship ?? []);
    this.recovering = null;
    const record = storage.loadPending(this.padId, this.clientId);
    if (record !== null && !this.readOnly) {
      try {
        const restored = OtClient.parseSnapshot(record);
        if (restored.outstanding) storage.ensureSeqAtLeast(restored.outstanding.seq);
        this.client.canSend = false; // nothing is sent until history has been replayed over it
        this.client.restore(restored);
        text = this.client.localTextFrom(restored.serverText);
        runs = [{ a: '', n: text.length }];
        this.recovering = { headRevision: options.revision, headText: options.text, headRuns: options.authorship ?? [] };
      } catch (e) {
        console.warn('PadHub: stored edits could not be read', e);
        this.client = this.freshClient(options.revision);
      }
    }

    const host = element.querySelector('.padhub-cm') ?? element;
    this.statusElement = element.querySelector('.padhub-sync');
    this.pendingStored = true; // unknown until the first persist: a reload may have left a record
    this.view = new EditorView({
      parent: host,
      state: EditorState.create({
        doc: text,
        extensions: [
          EditorState.lineSeparator.of('\n'),
          this.access.of(accessExtensions(this.canWrite)),
          highlightSpecialChars(),
          history(),
          drawSelection(),
          keymap.of([...defaultKeymap, ...historyKeymap, indentWithTab]),
          markdown(),
          syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
          EditorView.lineWrapping,
          normaliseInput,
          remoteCarets,
          authorship,
          presenceTheme,
          EditorView.contentAttributes.of({ 'aria-label': 'Pad text', spellcheck: 'true' }),
          EditorView.updateListener.of((update) => this.onUpdate(update)),
        ],
      }),
    });
    this.view.dispatch({
      effects: setAuthorship.of({ runs, authors: this.authors, visible: options.showAuthorship !== false, localAuthor: this.authorId }),
    });
    // While the document has no selection at all (a page that only watches, never clicked), CodeMirror reads the DOM
    // selection on every update, a forced layout per remote edit. A collapsed selection at the start of the page, where
    // reading and tabbing start anyway, ends that without focusing the editor or showing anything.
    const selection = document.getSelection();
    if (selection && selection.rangeCount === 0) selection.collapse(document.body, 0);

    this.reconnectModal = document.getElementById('components-reconnect-modal');
    this.onReconnectState = (e) => this.reconnectStateChanged(e.detail?.state);
    this.reconnectModal?.addEventListener('components-reconnect-state-changed', this.onReconnectState);
    this.onPageHide = () => this.persist();
    window.addEventListener('pagehide', this.onPageHide);

    this.render();
    if (this.recovering !== null) this.resync();
  }

  freshClient(revision) {
    return new OtClient({
      revision,
      clientTag: this.clientTag,
      allocateSeq: storage.allocateSeq,
      send: (outstanding, baseRevision) => this.submit(outstanding, baseRevision),
      applyRemote: (op, event) => this.applyRemote(op, event),
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
      this.persist();
      this.render();
    }
    if (local || update.selectionSet) this.scheduleCaret();
  }

  submit(outstanding, baseRevision) {
    this.persist(); // durable before it leaves the browser
    this.armAckWatchdog();
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
      .catch(() => this.goOffline());
  }

  // ---- events from the server (through .NET) -----------------------------------------------------------------

  receive(event) {
    const op = TextOperation.fromJSON(JSON.parse(event.operation));
    this.feed({ kind: 'remote', revision: event.revision, op, authorId: event.authorId, clientTag: event.clientTag, seq: event.seq });
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
    this.persist();
    this.flushCarets();
    // A caret sent while edits were pending was mapped before them; share it again once they are committed.
    if (this.caretStale && this.client.synchronized) this.scheduleCaret();
    if (this.client.outstanding === null) this.clearTimer('ackTimer');
    if (this.client.gap !== null) {
      if (!this.gapTimer) this.gapTimer = this.later(() => { this.gapTimer = 0; if (this.client.gap !== null) this.resync({ resend: false }); }, GAP_WATCHDOG);
    } else {
      this.clearTimer('gapTimer');
    }
    this.render();
  }

  applyRemote(op, event) {
    this.view.dispatch({
      changes: opToChanges(op),
      annotations: [Transaction.addToHistory.of(false), Transaction.remote.of(true), remoteAuthor.of(event.authorId ?? '')],
    });
  }

  /** The server refused an operation: nothing was committed. */
  reject(seq, code, message) {
    const o = this.client.outstanding;
    if (o === null || o.seq !== seq) return;
    switch (code) {
      case 'rate-limited':
        this.later(() => this.client.resend(), 1000);
        break;
      case 'stale-revision':
        // Once: history may bring us up to date. Twice for one seq: the server cannot take it (history too short,
        // or the server is behind us), so the edits cannot be merged.
        if (this.staleSeq === seq) this.giveUpPending();
        else {
          this.staleSeq = seq;
          this.resync();
        }
        break;
      case 'invalid-op':
      case 'too-large':
      case 'forbidden': {
        // Undo the refused edit locally (outside the undo history), keep what was typed after it.
        const revert = this.client.abandonOutstanding();
        if (revert !== null && !revert.isNoop()) {
          this.view.dispatch({ changes: opToChanges(revert), annotations: [Transaction.addToHistory.of(false), remoteAuthor.of('')] });
        }
        this.showNotice(code === 'too-large' ? 'Your last edit was too large and was not saved' : `Your last edit was refused (${code})`);
        this.afterEvents();
        break;
      }
      default:
        this.showNotice(message || code);
        this.goOffline();
    }
  }

  // ---- resync and reconnect ----------------------------------------------------------------------------------

  receiveHistory(operations) {
    for (const e of operations) {
      this.client.receive({ kind: 'remote', revision: e.revision, op: TextOperation.fromJSON(JSON.parse(e.operation)), authorId: e.authorId, clientTag: e.clientTag, seq: e.seq });
    }
  }

  /** Steps 2-3 of the algorithm: replay history from the current revision, then resend what is still in flight. */
  resync({ resend = true } = {}) {
    if (this.detached) return Promise.resolve();
    this.resendAfterSync ||= resend;
    if (this.syncing !== null) {
      this.syncAgain = true;
      return this.syncing;
    }
    this.syncing = (async () => {
      try {
        do {
          this.syncAgain = false;
          // History comes in pages (at most 1,000 operations): follow them to the head.
          let from = this.client.revision;
          let result;
          for (;;) {
            result = await this.call('GetHistory', [from]);
            if (this.detached) return;
            if (result.error || !result.hasMore || result.operations.length === 0) break;
            this.receiveHistory(result.operations);
            from = result.operations[result.operations.length - 1].revision;
          }
          if (result.error) {
            if (result.error !== 'stale-revision') throw new Error(result.error);
            if (this.recovering !== null && this.recovering.headRevision < this.client.revision) {
              this.rebaseOntoHead();
              this.syncAgain = true; // then whatever others committed since the join
            } else {
              this.giveUpPending();
            }
          } else {
            this.receiveHistory(result.operations);
          }
          this.finishRecovery();
          this.setOnline(true);
          const wasHeld = !this.client.canSend;
          this.client.canSend = true;
          // Resend (same seq) unless the outstanding op went out moments ago on a healthy circuit: the server
          // deduplicates, so resending is always safe, only wasteful.
          if (wasHeld || this.resendAfterSync) this.client.resend();
          this.resendAfterSync = false;
          this.afterEvents();
        } while (this.syncAgain);
      } catch {
        this.goOffline();
      } finally {
        this.syncing = null;
      }
    })();
    return this.syncing;
  }

  finishRecovery() {
    const r = this.recovering;
    if (r === null) return;
    this.recovering = null;
    // The restored document had no authorship: rebuild it from the join's runs once the client is at that revision.
    if (this.client.revision === r.headRevision) {
      let runs = fromServerRuns(r.headRuns);
      const pending = [this.client.outstanding?.op, this.client.buffer].filter(Boolean);
      for (const op of pending) runs = applyToRunsSafe(runs, op, this.authorId);
      this.view.dispatch({ effects: setAuthorship.of({ runs }) });
    }
  }

  /**
   * The server is behind the revision our stored edits were made at: it lost revisions we had seen (its machine
   * crashed before they reached its disk). Start from its text and replay only our own unacknowledged edits on it.
   */
  rebaseOntoHead() {
    const head = this.recovering;
    const op = this.client.rebaseOnto(head.headRevision, head.headText);
    this.view.dispatch({ changes: opToChanges(op), annotations: [Transaction.addToHistory.of(false), remoteAuthor.of('')] });
    this.showNotice('The server had lost its latest changes; your unsaved edits were applied to its text');
  }

  /** The pending edits cannot be rebased (history too short): keep their text, start again from the head. */
  giveUpPending() {
    storage.saveRecovered(this.padId, this.view.state.doc.toString());
    storage.savePending(this.padId, this.clientId, null);
    const head = this.recovering;
    if (head === null) {
      // A live editor this far behind has no head text to start from: a reload joins afresh.
      this.detached = true;
      location.reload();
      return;
    }
    this.recovering = null;
    this.client = this.freshClient(head.headRevision);
    this.view.dispatch({
      changes: { from: 0, to: this.view.state.doc.length, insert: head.headText },
      annotations: [Transaction.addToHistory.of(false), remoteAuthor.of('')],
    });
    this.view.dispatch({ effects: setAuthorship.of({ runs: fromServerRuns(head.headRuns) }) });
    this.showNotice('Edits made offline were too old to merge; their text is kept in this browser');
  }

  reconnectStateChanged(state) {
    if (state === 'hide') {
      this.setOnline(true);
      this.resync();
    } else if (state !== undefined) {
      this.goOffline(false);
    }
  }

  goOffline(retry = true) {
    if (this.detached) return;
    this.client.canSend = false;
    this.setOnline(false);
    if (retry && !this.retryTimer) {
      this.retryTimer = this.later(() => { this.retryTimer = 0; if (!this.online) this.resync(); }, RETRY_OFFLINE);
    }
  }

  setOnline(online) {
    if (this.online === online) return;
    this.online = online;
    this.render();
  }

  armAckWatchdog() {
    this.clearTimer('ackTimer');
    this.ackTimer = this.later(() => {
      this.ackTimer = 0;
      if (this.client.outstanding !== null) this.resync();
    }, ACK_WATCHDOG);
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
    if (caret.participantId === this.participantId) return;
    if (caret.revision > this.client.revision) {
      this.pendingCarets.set(caret.participantId, caret); // shown once its revision has been applied
      return;
    }
    this.pendingCarets.delete(caret.participantId);
    const p = this.participants.get(caret.participantId);
    const author = this.authors.get(caret.authorId);
    let { anchor, head } = caret;
    if (caret.revision === this.client.revision) {
      // Server coordinates at our revision: move them over our unacknowledged edits.
      for (const op of [this.client.outstanding?.op, this.client.buffer]) {
        if (!op) continue;
        anchor = op.transformCaret(Math.min(anchor, op.baseLength));
        head = op.transformCaret(Math.min(head, op.baseLength));
      }
    }
    this.view.dispatch({
      effects: setRemoteCaret.of({
        participantId: caret.participantId,
        caret: { anchor, head, name: p?.displayName ?? author?.name ?? 'Someone', color: p?.color ?? author?.color ?? '#888888' },
      }),
    });
  }

  flushCarets() {
    for (const caret of [...this.pendingCarets.values()]) {
      if (caret.revision <= this.client.revision) this.moveCaret(caret);
    }
  }

  scheduleCaret() {
    if (!this.canWrite || this.caretTimer) return;
    this.caretTimer = this.later(() => {
      this.caretTimer = 0;
      if (!this.online) return;
      const { anchor, head } = this.view.state.selection.main;
      const [a, h] = this.toServerPositions(anchor, head);
      this.caretStale = !this.client.synchronized;
      this.call('UpdateCaret', [this.client.revision, a, h]).catch(() => {});
    }, CARET_THROTTLE);
  }

  /** Local positions to positions at the client's revision (before our unacknowledged edits). */
  toServerPositions(...positions) {
    const c = this.client;
    if (c.synchronized || c.serverText === null) return positions;
    let pending = c.outstanding.op;
    if (c.buffer) pending = pending.compose(c.buffer);
    const inverse = pending.invert(c.serverText);
    return positions.map((p) => inverse.transformCaret(p, true));
  }

  /** The pad was locked or unlocked, or the link revoked: editing stops or resumes without a reload. */
  setReadOnly(readOnly) {
    const canWrite = !this.readOnly && readOnly !== true;
    if (canWrite === this.canWrite) return;
    this.canWrite = canWrite;
    this.view.dispatch({ effects: this.access.reconfigure(accessExtensions(canWrite)) });
  }

  setAuthorshipVisible(visible) {
    this.view.dispatch({ effects: setAuthorship.of({ visible }) });
  }

  // ---- state, storage and the sync indicator -----------------------------------------------------------------

  persist() {
    if (this.readOnly) return;
    const snapshot = this.client.snapshot();
    // Nothing pending and nothing stored: skip the storage call (this runs after every remote edit too).
    if (snapshot === null && this.pendingStored === false) return;
    const ok = storage.savePending(this.padId, this.clientId, snapshot);
    this.pendingStored = snapshot !== null || !ok;
    if (!ok) this.showNotice('This browser could not store unsaved edits');
  }

  get syncState() {
    if (!this.online) return 'offline';
    return this.client.synchronized && this.recovering === null ? 'saved' : 'saving';
  }

  render() {
    // Runs after every event: write only what changed, so a remote keystroke does not also invalidate the status
    // line's style and layout (a text node replaced by an equal one still costs a layout).
    const state = this.syncState;
    const data = this.element.dataset;
    const revision = String(this.client.revision);
    const waitingText = String(this.client.waitingEdits);
    if (data.revision !== revision) data.revision = revision;
    if (data.syncState !== state) data.syncState = state;
    if (data.waiting !== waitingText) data.waiting = waitingText;
    const s = this.statusElement;
    if (!s) return;
    const waiting = this.client.waitingEdits;
    let text;
    if (state === 'offline') text = waiting > 0 ? `Offline · ${waiting} ${waiting === 1 ? 'edit' : 'edits'} waiting` : 'Offline';
    else if (state === 'saving') text = 'Saving…';
    else text = 'Saved';
    if (this.notice) text += ` · ${this.notice}`;
    if (s.textContent !== text) s.textContent = text;
    if (s.dataset.state === state) return;
    s.dataset.state = state;
    s.title = state === 'offline'
      ? 'Not connected. Keep typing: your edits are kept in this browser and sent when the connection is back.'
      : state === 'saving' ? 'Sending your edits' : 'Every edit is saved';
  }

  showNotice(text) {
    this.notice = text;
    this.render();
    this.later(() => { if (this.notice === text) { this.notice = null; this.render(); } }, 8000);
  }

  // ---- plumbing ----------------------------------------------------------------------------------------------

  call(method, args) {
    if (this.detached) return Promise.reject(new Error('detached'));
    let timer = 0;
    const timeout = new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`${method} timed out`)), CALL_TIMEOUT); });
    return Promise.race([this.dotNet.invokeMethodAsync(method, ...args), timeout]).finally(() => clearTimeout(timer));
  }

  later(fn, ms) {
    const id = setTimeout(() => { this.timers.delete(id); if (!this.detached) fn(); }, ms);
    this.timers.add(id);
    return id;
  }

  clearTimer(name) {
    if (this[name]) {
      clearTimeout(this[name]);
      this.timers.delete(this[name]);
      this[name] = 0;
    }
  }

  destroy() {
    this.persist();
    this.detached = true;
    for (const id of this.timers) clearTimeout(id);
    this.timers.clear();
    this.reconnectModal?.removeEventListener('components-reconnect-state-changed', this.onReconnectState);
    window.removeEventListener('pagehide', this.onPageHide);
    this.view.destroy();
  }
}

/** What the editor allows while the pad does (`canWrite`) or does not take edits. */
function accessExtensions(canWrite) {
  return [
    EditorState.readOnly.of(!canWrite),
    EditorView.editable.of(canWrite),
    placeholder(canWrite ? 'Start typing… (Markdown)' : ''),
  ];
}

function applyToRunsSafe(runs, op, authorId) {
  try {
    return applyToRuns(runs, op, authorId);
  } catch {
    return runs; // runs that do not cover the text only cost colours, never text
  }
}
