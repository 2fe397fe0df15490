// PendingEdits: the browser's copy of unacknowledged edits, over fake Web Storage.
import { test, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { TextOperation } from '../src/ot.js';
import { OtClient } from '../src/client.js';
import { PendingEdits } from '../src/pending.js';
import { StorageKeys } from '../src/storage.js';
import { installStorage } from '../testing/fakes.mjs';

let stores;
beforeEach(() => { stores = installStorage(); });

const newClient = (seq = 0) => new OtClient({ revision: 3, clientTag: 'me', allocateSeq: () => ++seq, send: () => {}, applyRemote: () => {} });

function clientWithEdits() {
  const client = newClient(41);
  client.applyLocal(TextOperation.fromJSON([3, '!']), 'abc'); // outstanding, seq 42
  client.applyLocal(TextOperation.fromJSON(['>', 4]), null); // buffered
  return client;
}

test('save_thenLoadAfterAReload_restoresTheSameEditsAndRaisesTheSeqCounter', () => {
  assert.ok(new PendingEdits('pad', 'c1', false).save(clientWithEdits()));

  const restored = new PendingEdits('pad', 'c1', false).load();
  const client = newClient();
  client.restore(restored);
  assert.equal(client.localTextFrom(restored.serverText), '>abc!');
  assert.equal(client.outstanding.seq, 42);
  assert.equal(stores.session.getItem(StorageKeys.seq), '42');
  assert.equal(new PendingEdits('pad', 'other-client', false).load(), null);
});

test('save_nothingPendingAndNothingStored_skipsTheStorage', () => {
  const pending = new PendingEdits('pad', 'c1', false);
  const client = newClient();
  assert.ok(pending.save(client)); // a reload may have left a record: cleared once
  const writes = stores.local.writes;
  assert.ok(pending.save(client));
  assert.equal(stores.local.writes, writes);
});

test('save_storageRefuses_returnsFalseAndClearsAgainLater', () => {
  const pending = new PendingEdits('pad', 'c1', false);
  stores.local.failWrites = true;
  assert.equal(pending.save(clientWithEdits()), false);
  stores.local.failWrites = false;
  const writes = stores.local.writes;
  assert.ok(pending.save(newClient())); // unknown what is stored: the clear is not skipped
  assert.equal(stores.local.writes, writes + 1);
});

test('readOnlyLink_neverStoresNorRestores', () => {
  new PendingEdits('pad', 'c1', false).save(clientWithEdits());
  const readOnly = new PendingEdits('pad', 'c1', true);
  const writes = stores.local.writes;
  assert.equal(readOnly.load(), null);
  assert.ok(readOnly.save(clientWithEdits()));
  assert.equal(stores.local.writes, writes);
});

test('load_unreadableRecord_throws', () => {
  stores.local.setItem(StorageKeys.pending('pad', 'c1'), JSON.stringify({ revision: 1, serverText: 'a', outstanding: { seq: 1, op: 'garbage', edits: 1 } }));
  assert.throws(() => new PendingEdits('pad', 'c1', false).load());
});

test('abandon_keepsTheTextAndDropsTheRecord', () => {
  const pending = new PendingEdits('pad', 'c1', false);
  pending.save(clientWithEdits());
  pending.abandon('>abc!');
  assert.equal(stores.local.getItem(StorageKeys.pending('pad', 'c1')), null);
  assert.equal(JSON.parse(stores.local.getItem(StorageKeys.recovered('pad'))).text, '>abc!');
});
