// Carets: ours shared at most once per CARET_THROTTLE in server coordinates, theirs shown at our revision.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextOperation } from '../src/ot.js';
import { OtClient } from '../src/client.js';
import { CARET_THROTTLE, CaretShare, RemoteCarets, toLocalPositions, toServerPositions } from '../src/carets.js';
import { Timers } from '../src/timers.js';
import { FakeClock } from '../testing/fakes.mjs';

const newClient = (revision = 5) => new OtClient({ revision, clientTag: 'me', allocateSeq: (() => { let s = 0; return () => ++s; })(), send: () => {}, applyRemote: () => {} });

/** A client at revision 5 on "hello" with "XY" typed at the start, not yet acknowledged. */
function clientWithPendingInsert() {
  const client = newClient();
  client.applyLocal(TextOperation.fromJSON(['XY', 5]), 'hello');
  return client;
}

function sharing({ client = newClient(), canShare = true, online = true } = {}) {
  const clock = new FakeClock();
  const state = { client, canShare, online, selection: { anchor: 0, head: 0 } };
  const sent = [];
  const share = new CaretShare({
    timers: new Timers(clock),
    client: () => state.client,
    canShare: () => state.canShare,
    online: () => state.online,
    selection: () => state.selection,
    send: (revision, anchor, head) => sent.push([revision, anchor, head]),
  });
  return { clock, state, sent, share };
}

test('schedule_manyMovesWithinTheThrottle_sendsOnceWithTheLatestSelection', () => {
  const { clock, state, sent, share } = sharing();
  share.schedule();
  state.selection = { anchor: 1, head: 1 };
  clock.advance(CARET_THROTTLE - 1);
  share.schedule();
  state.selection = { anchor: 2, head: 4 };
  assert.deepEqual(sent, []);
  clock.advance(1);
  assert.deepEqual(sent, [[5, 2, 4]]);
  share.schedule();
  clock.advance(CARET_THROTTLE);
  assert.equal(sent.length, 2);
});

test('schedule_cannotWriteOrOffline_sendsNothing', () => {
  const readOnly = sharing({ canShare: false });
  readOnly.share.schedule();
  readOnly.clock.advance(1000);
  assert.deepEqual(readOnly.sent, []);
  assert.equal(readOnly.clock.pending, 0);

  const offline = sharing({ online: false });
  offline.share.schedule();
  offline.clock.advance(1000);
  assert.deepEqual(offline.sent, []);
});

test('share_editsPending_sendsPositionsBeforeThemAndSharesAgainOnceCommitted', () => {
  const client = clientWithPendingInsert();
  const { clock, state, sent, share } = sharing({ client });
  state.selection = { anchor: 4, head: 4 }; // after "XYhe": "he" in the server's text
  share.schedule();
  clock.advance(CARET_THROTTLE);
  assert.deepEqual(sent, [[5, 2, 2]]);

  share.refresh(); // still pending: nothing new to say
  clock.advance(CARET_THROTTLE);
  assert.equal(sent.length, 1);

  assert.ok(client.receive({ kind: 'ack', revision: 6, seq: client.outstanding.seq }));
  share.refresh();
  clock.advance(CARET_THROTTLE);
  assert.deepEqual(sent[1], [6, 4, 4]);
  share.refresh(); // shared after the commit: not stale any more
  clock.advance(CARET_THROTTLE);
  assert.equal(sent.length, 2);
});

test('toServerPositions_and_toLocalPositions_pendingInsert_areInverse', () => {
  const client = clientWithPendingInsert();
  assert.deepEqual(toServerPositions(client, 0, 2, 7), [0, 0, 5]);
  assert.deepEqual(toLocalPositions(client, 0, 3, 5), [2, 5, 7]);
  const synced = newClient();
  assert.deepEqual(toServerPositions(synced, 3, 4), [3, 4]);
  assert.deepEqual(toLocalPositions(synced, 3, 4), [3, 4]);
});

function remote(client) {
  const shown = [];
  const carets = new RemoteCarets({ participantId: 'p-me', client: () => client, show: (c, anchor, head) => shown.push([c.participantId, anchor, head]) });
  return { carets, shown };
}

test('move_caretAheadOfOurRevision_shownOnlyOnceThatRevisionIsApplied', () => {
  const client = newClient(5);
  const { carets, shown } = remote(client);
  carets.move({ participantId: 'p-1', revision: 6, anchor: 1, head: 2 });
  carets.flush();
  assert.deepEqual(shown, []);
  assert.ok(client.receive({ kind: 'remote', revision: 6, op: TextOperation.fromJSON([5, '!']), clientTag: 'x', seq: 1 }));
  carets.flush();
  carets.flush(); // shown once: it left the waiting list
  assert.deepEqual(shown, [['p-1', 1, 2]]);
});

test('move_ourOwnCaretOrAnOlderOne_ignoredOrShownAsItIs', () => {
  const client = clientWithPendingInsert();
  const { carets, shown } = remote(client);
  carets.move({ participantId: 'p-me', revision: 5, anchor: 1, head: 1 });
  carets.move({ participantId: 'p-2', revision: 4, anchor: 1, head: 1 });
  carets.move({ participantId: 'p-3', revision: 5, anchor: 1, head: 3 }); // at our revision: moved over "XY"
  assert.deepEqual(shown, [['p-2', 1, 1], ['p-3', 3, 5]]);
});
