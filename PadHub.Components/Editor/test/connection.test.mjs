// Connection: offline handling (held sends, retry), the ack and gap watchdogs, and Blazor's reconnect states.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextOperation } from '../src/ot.js';
import { OtClient } from '../src/client.js';
import { Connection } from '../src/connection.js';
import { Timers } from '../src/timers.js';
import { FakeClock } from '../testing/fakes.mjs';

function setup({ detached = false } = {}) {
  const clock = new FakeClock();
  const client = new OtClient({ revision: 0, clientTag: 'me', allocateSeq: () => 1, send: () => {}, applyRemote: () => {} });
  const resyncs = [];
  const invoked = [];
  let renders = 0;
  const connection = new Connection({
    dotNet: { invokeMethodAsync: (method, ...args) => { invoked.push([method, ...args]); return Promise.resolve('answer'); } },
    timers: new Timers(clock),
    detached: () => detached,
    client: () => client,
    resync: (options) => resyncs.push(options ?? {}),
    render: () => { renders++; },
    reconnectModal: null,
  });
  return { clock, client, resyncs, invoked, connection, renders: () => renders };
}

test('goOffline_repeated_holdsSendsRendersOnceAndRetriesOnce', () => {
  const { clock, client, resyncs, connection, renders } = setup();
  connection.goOffline();
  connection.goOffline();
  assert.equal(client.canSend, false);
  assert.equal(connection.online, false);
  assert.equal(renders(), 1);
  clock.advance(2999);
  assert.equal(resyncs.length, 0);
  clock.advance(1);
  assert.equal(resyncs.length, 1);
});

test('goOffline_backOnlineBeforeTheRetry_doesNotResync', () => {
  const { clock, resyncs, connection } = setup();
  connection.goOffline();
  connection.setOnline(true);
  clock.advance(10000);
  assert.equal(resyncs.length, 0);
});

test('reconnectStateChanged_hideResyncsOtherStatesGoOfflineWithoutRetry', () => {
  const { clock, resyncs, connection } = setup();
  connection.reconnectStateChanged('show');
  assert.equal(connection.online, false);
  clock.advance(10000);
  assert.equal(resyncs.length, 0); // Blazor is reconnecting: its 'hide' brings the resync
  connection.reconnectStateChanged(undefined);
  assert.equal(connection.online, false);
  connection.reconnectStateChanged('hide');
  assert.equal(connection.online, true);
  assert.equal(resyncs.length, 1);
});

test('armAckWatchdog_operationStillUnacknowledged_resyncsAfterFifteenSeconds', () => {
  const { clock, client, resyncs, connection } = setup();
  client.applyLocal(TextOperation.fromJSON(['a']), '');
  connection.armAckWatchdog();
  clock.advance(10000);
  connection.armAckWatchdog(); // a resend: the watchdog starts again
  clock.advance(14999);
  assert.equal(resyncs.length, 0);
  clock.advance(1);
  assert.deepEqual(resyncs, [{}]);
});

test('watch_acknowledged_stopsTheAckWatchdog', () => {
  const { clock, client, resyncs, connection } = setup();
  client.applyLocal(TextOperation.fromJSON(['a']), '');
  connection.armAckWatchdog();
  assert.ok(client.receive({ kind: 'ack', revision: 1, seq: 1 }));
  connection.watch();
  clock.advance(60000);
  assert.equal(resyncs.length, 0);
});

test('watch_missingRevisionStaysMissing_fetchesHistoryWithoutResend', () => {
  const { clock, client, resyncs, connection } = setup();
  client.receive({ kind: 'remote', revision: 2, op: TextOperation.fromJSON(['b']), clientTag: 'x', seq: 2 });
  connection.watch();
  clock.advance(1000);
  connection.watch(); // still missing: the first deadline stands
  clock.advance(1000);
  assert.deepEqual(resyncs, [{ resend: false }]);
});

test('watch_missingRevisionArrives_noHistoryFetch', () => {
  const { clock, client, resyncs, connection } = setup();
  client.receive({ kind: 'remote', revision: 2, op: TextOperation.fromJSON(['b']), clientTag: 'x', seq: 2 });
  connection.watch();
  client.receive({ kind: 'remote', revision: 1, op: TextOperation.fromJSON(['a']), clientTag: 'x', seq: 1 });
  connection.watch();
  clock.advance(10000);
  assert.equal(resyncs.length, 0);
});

test('call_attached_invokesTheComponent; detached_rejectsWithoutCalling', async () => {
  const live = setup();
  assert.equal(await live.connection.call('GetHistory', [3]), 'answer');
  assert.deepEqual(live.invoked, [['GetHistory', 3]]);

  const gone = setup({ detached: true });
  await assert.rejects(gone.connection.call('GetHistory', [3]), /detached/);
  assert.deepEqual(gone.invoked, []);
  gone.connection.goOffline();
  assert.equal(gone.connection.online, true); // a detached editor changes nothing
});
