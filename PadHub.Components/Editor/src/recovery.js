// Steps 2-3 of the rejoin algorithm (see session.js): catch up from history, rebase or give up stored edits the
// server can no longer take, and resend what is still in flight.

import { PadErrorCodes } from './errors.js';
import { remoteEvent } from './client.js';
import { applyToRuns, fromServerRuns } from './authorship.js';
import { setAuthorship } from './presence.js';
import { applyOperation, replaceText } from './view.js';

export class Recovery {
  /**
   * @param {import('./session.js').PadSession} session
   * @param {{ headRevision: number, headText: string, headRuns: object[] } | null} head the join's state, while the
   *   editor shows stored edits instead of it (step 1); null otherwise
   */
  constructor(session, head) {
    this.session = session;
    this.head = head;
    this.syncing = null;
    this.syncAgain = false;
    this.resendAfterSync = false;
    this.staleSeq = null;
  }

  /** Stored edits are being replayed over the server's history. */
  get recovering() {
    return this.head !== null;
  }

  /** Replays history from the client's revision, then resends what is still in flight. */
  resync({ resend = true } = {}) {
    const s = this.session;
    if (s.detached) return Promise.resolve();
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
          let from = s.client.revision;
          let result;
          for (;;) {
            result = await s.connection.call('GetHistory', [from]);
            if (s.detached) return;
            if (result.error || !result.hasMore || result.operations.length === 0) break;
            this.receiveHistory(result.operations);
            from = result.operations[result.operations.length - 1].revision;
          }
          if (result.error) {
            if (result.error !== PadErrorCodes.StaleRevision) throw new Error(result.error);
            if (this.head !== null && this.head.headRevision < s.client.revision) {
              this.rebaseOntoHead();
              this.syncAgain = true; // then whatever others committed since the join
            } else {
              this.giveUp();
            }
          } else {
            this.receiveHistory(result.operations);
          }
          this.finish();
          s.connection.setOnline(true);
          const wasHeld = !s.client.canSend;
          s.client.canSend = true;
          // Resend (same seq) unless the outstanding op went out moments ago on a healthy circuit: the server
          // deduplicates, so resending is always safe, only wasteful.
          if (wasHeld || this.resendAfterSync) s.client.resend();
          this.resendAfterSync = false;
          s.afterEvents();
        } while (this.syncAgain);
      } catch {
        s.connection.goOffline();
      } finally {
        this.syncing = null;
      }
    })();
    return this.syncing;
  }

  /**
   * The server refused `seq` as stale. Once: history may bring us up to date. Twice for one seq: the server cannot
   * take it (history too short, or the server is behind us), so the edits cannot be merged.
   */
  staleRevision(seq) {
    if (this.staleSeq === seq) {
      this.giveUp();
    } else {
      this.staleSeq = seq;
      this.resync();
    }
  }

  receiveHistory(operations) {
    for (const e of operations) this.session.client.receive(remoteEvent(e));
  }

  finish() {
    const head = this.head;
    if (head === null) return;
    this.head = null;
    const s = this.session;
    // The restored document had no authorship: rebuild it from the join's runs once the client is at that revision.
    if (s.client.revision === head.headRevision) {
      let runs = fromServerRuns(head.headRuns);
      const pending = [s.client.outstanding?.op, s.client.buffer].filter(Boolean);
      for (const op of pending) runs = applyToRunsSafe(runs, op, s.authorId);
      s.view.dispatch({ effects: setAuthorship.of({ runs }) });
    }
  }

  /**
   * The server is behind the revision our stored edits were made at: it lost revisions we had seen (its machine
   * crashed before they reached its disk). Start from its text and replay only our own unacknowledged edits on it.
   */
  rebaseOntoHead() {
    const s = this.session;
    const op = s.client.rebaseOnto(this.head.headRevision, this.head.headText);
    applyOperation(s.view, op, '');
    s.status.showNotice(s.strings.serverLost);
  }

  /** The pending edits cannot be rebased (history too short): keep their text, start again from the head. */
  giveUp() {
    const s = this.session;
    s.pending.abandon(s.view.state.doc.toString());
    const head = this.head;
    if (head === null) {
      // A live editor this far behind has no head text to start from: a reload joins afresh.
      s.detached = true;
      s.timers.dispose();
      location.reload();
      return;
    }
    this.head = null;
    s.client = s.freshClient(head.headRevision);
    replaceText(s.view, head.headText);
    s.view.dispatch({ effects: setAuthorship.of({ runs: fromServerRuns(head.headRuns) }) });
    s.status.showNotice(s.strings.tooOld);
  }
}

function applyToRunsSafe(runs, op, authorId) {
  try {
    return applyToRuns(runs, op, authorId);
  } catch {
    return runs; // runs that do not cover the text only cost colours, never text
  }
}
