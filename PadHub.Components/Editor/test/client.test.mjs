// The client state machine against a small in-memory authority that rebases like PadHub's (transform(incoming,
// committed)) and deduplicates (client id, seq): random concurrent editing, lost replies and a reload must converge.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextOperation } from '../src/ot.js';
import { OtClient, replaceOp } from '../src/client.js';
import { splitOp } from '../src/changes.js';
import { applyToRuns } from '../src/authorship.js';

class Authority {
  constructor(text = '') {
    this.text = text;
    this.log = []; // { revision, op, clientId, seq }
    this.seen = new Map(); // `${clientId}:${seq}` -> revision
  }
  get revision() { return this.log.length; }
  commit(clientId, seq, base, op) {
    const key = `${clientId}:${seq}`;
    if (this.seen.has(key)) return { revision: this.seen.get(key), duplicate: true };
    for (const c of this.log.slice(base)) op = TextOperation.transform(op, c.op)[0];
    this.text = op.apply(this.text);
    const entry = { revision: this.log.length + 1, op, clientId, seq };
    this.log.push(entry);
    this.seen.set(key, entry.revision);
    return { revision: entry.revision, duplicate: false, entry };
  }
  history(from) { return this.log.slice(from); }
}

function mulberry32(seed) {
  return () => {
    seed |= 0; seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomOp(rand, text) {
  const op = new TextOperation();
  const pos = Math.floor(rand() * (text.length + 1));
  op.retain(pos);
  if (rand() < 0.4 && pos < text.length) {
    const n = 1 + Math.floor(rand() * Math.min(4, text.length - pos));
    op.delete(n);
    op.retain(text.length - pos - n);
  } else {
    op.insert('abcxyz\n😀'.slice(0, 1 + Math.floor(rand() * 5)).replace(/[\ud800-\udfff]$/, 'q'));
    op.retain(text.length - pos);
  }
  return op;
}

function makeClient(name, server, network, seqs) {
  const c = { name, text: server.text };
  c.client = new OtClient({
    revision: server.revision,
    clientTag: name,
    allocateSeq: () => ++seqs[name],
    send: (o, base) => network.push({ to: 'server', from: name, seq: o.seq, base, op: o.op }),
    applyRemote: (op) => { c.text = op.apply(c.text); },
  });
  return c;
}

for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
  test(`random concurrent editing converges (seed ${seed})`, () => {
    const rand = mulberry32(seed);
    const server = new Authority('hello\nworld');
    const network = [];
    const seqs = { a: 0, b: 0, c: 0 };
    const clients = ['a', 'b', 'c'].map((n) => makeClient(n, server, network, seqs));
    const byName = Object.fromEntries(clients.map((c) => [c.name, c]));
    const deliver = (msg) => {
      if (msg.to === 'server') {
        const r = server.commit(msg.from, msg.seq, msg.base, msg.op);
        network.push({ to: msg.from, kind: 'ack', revision: r.revision, seq: msg.seq });
        if (!r.duplicate) {
          for (const c of clients) if (c.name !== msg.from) network.push({ to: c.name, kind: 'remote', revision: r.revision, op: r.entry.op, clientTag: msg.from, seq: msg.seq });
        }
      } else {
        assert.ok(byName[msg.to].client.receive(msg));
      }
    };
    for (let step = 0; step < 400; step++) {
      if (rand() < 0.45) {
        const c = clients[Math.floor(rand() * clients.length)];
        const op = randomOp(rand, c.text);
        const before = c.text;
        c.text = op.apply(c.text);
        c.client.applyLocal(op, before);
      } else if (network.length > 0) {
        // Deliver out of order across recipients (each recipient's events may also arrive early).
        const i = Math.floor(rand() * network.length);
        deliver(network.splice(i, 1)[0]);
      }
    }
    while (network.length > 0) deliver(network.shift());
    for (const c of clients) {
      assert.ok(c.client.synchronized, `${c.name} has pending edits`);
      assert.equal(c.client.revision, server.revision);
      assert.equal(c.text, server.text, `${c.name} diverged (seed ${seed})`);
    }
  });
}

test('receive_ackLostThenReload_historyAcknowledgesAndNothingIsDoubled', () => {
  const server = new Authority('abc');
  const sent = [];
  const seqs = { me: 0 };
  const mk = () => new OtClient({ revision: 0, clientTag: 'me', allocateSeq: () => ++seqs.me, send: (o, base) => sent.push({ seq: o.seq, base, op: o.op }), applyRemote: () => {} });
  const c1 = mk();
  c1.applyLocal(TextOperation.fromJSON([3, 'X']), 'abc'); // outstanding: abcX
  c1.applyLocal(TextOperation.fromJSON(['Y', 4]), null); // buffer: YabcX
  const first = sent.shift();
  server.commit('me', first.seq, first.base, first.op); // committed, but the ack never arrives
  server.commit('other', 1, 1, TextOperation.fromJSON(['Z', 4])); // someone else at revision 2
  const snapshot = JSON.parse(JSON.stringify(c1.snapshot()));

  // A reload: a new client restores the snapshot, holds sends, replays history, then resends.
  const c2 = mk();
  c2.canSend = false;
  const restored = OtClient.parseSnapshot(snapshot);
  c2.restore(restored);
  let local = c2.localTextFrom(restored.serverText);
  c2.applyRemote = (op) => { local = op.apply(local); };
  for (const e of server.history(snapshot.revision)) {
    assert.ok(c2.receive({ kind: 'remote', revision: e.revision, op: e.op, clientTag: e.clientId, seq: e.seq }));
  }
  c2.canSend = true;
  c2.resend();
  assert.equal(c2.revision, 2);
  const resent = sent.pop(); // the buffer, promoted under a new seq once history acknowledged the first op
  assert.ok(resent.seq > first.seq);
  const r = server.commit('me', resent.seq, resent.base, resent.op);
  c2.receive({ kind: 'ack', revision: r.revision, seq: resent.seq });
  assert.ok(c2.synchronized);
  assert.equal(server.text, 'YZabcX'); // the client's insert wins the tie, as the server's transform(incoming, committed) would
  assert.equal(local, server.text);
});

test('receive_duplicateResubmitAcknowledgedTwice_secondAckIgnored', () => {
  const sent = [];
  const c = new OtClient({ revision: 0, clientTag: 'me', allocateSeq: () => 7, send: (o) => sent.push(o), applyRemote: () => {} });
  c.applyLocal(TextOperation.fromJSON(['a']), '');
  assert.ok(c.receive({ kind: 'remote', revision: 1, op: TextOperation.fromJSON(['a']), clientTag: 'me', seq: 7 }));
  assert.ok(c.receive({ kind: 'ack', revision: 1, seq: 7 }));
  assert.ok(c.synchronized);
  assert.equal(c.revision, 1);
});

test('receive_anotherClientsOperationWithOurSeq_isRebasedNotTakenAsOurAck', () => {
  // Others are known only by their client tag; the same seq from another tag is someone else's operation.
  const applied = [];
  const c = new OtClient({ revision: 0, clientTag: 't-mine', allocateSeq: () => 7, send: () => {}, applyRemote: (op) => applied.push(op.toJSON()) });
  c.applyLocal(TextOperation.fromJSON(['a']), '');
  assert.ok(c.receive({ kind: 'remote', revision: 1, op: TextOperation.fromJSON(['b']), clientTag: 't-theirs', seq: 7 }));
  assert.equal(c.outstanding?.seq, 7);
  assert.deepEqual(applied, [[1, 'b']]); // rebased over our pending 'a', as the server rebases ours before it
  assert.ok(c.receive({ kind: 'remote', revision: 2, op: TextOperation.fromJSON(['a', 1]), clientTag: 't-mine', seq: 7 }));
  assert.ok(c.synchronized);
});

test('receive_eventsArriveEarly_appliedInRevisionOrder', () => {
  const applied = [];
  const c = new OtClient({ revision: 0, clientTag: 'me', allocateSeq: () => 1, send: () => {}, applyRemote: (op, e) => applied.push(e.revision) });
  c.receive({ kind: 'remote', revision: 3, op: TextOperation.fromJSON([2, 'c']), clientTag: 'x', seq: 3 });
  c.receive({ kind: 'remote', revision: 2, op: TextOperation.fromJSON([1, 'b']), clientTag: 'x', seq: 2 });
  assert.equal(c.gap, 1);
  c.receive({ kind: 'remote', revision: 1, op: TextOperation.fromJSON(['a']), clientTag: 'x', seq: 1 });
  assert.deepEqual(applied, [1, 2, 3]);
  assert.equal(c.gap, null);
});

test('abandonOutstanding_refusedEditWithBuffer_revertsOnlyTheRefusedEdit', () => {
  const sent = [];
  let seq = 0;
  const c = new OtClient({ revision: 0, clientTag: 'me', allocateSeq: () => ++seq, send: (o) => sent.push(o), applyRemote: () => {} });
  let local = 'abc';
  const edit = (json) => { const op = TextOperation.fromJSON(json); const before = local; local = op.apply(local); c.applyLocal(op, before); };
  edit([3, 'HUGE']);
  edit(['x', 7]);
  const revert = c.abandonOutstanding();
  local = revert.apply(local);
  assert.equal(local, 'xabc');
  assert.equal(c.outstanding.seq, 2);
  assert.equal(c.outstanding.op.apply('abc'), 'xabc');
});

test('splitOp_largePaste_partsComposeToTheOriginalAndStayUnderBudget', () => {
  const doc = 'start end';
  const big = '"quoted" \\ and émoji 😀 '.repeat(3000);
  const op = new TextOperation().retain(6).insert(big).delete(3);
  const parts = splitOp(op, 16 * 1024);
  assert.ok(parts.length > 1);
  let text = doc;
  for (const p of parts) {
    const wire = new TextEncoder().encode(JSON.stringify(JSON.stringify(p.ops))).length;
    assert.ok(wire <= 16 * 1024 + 64, `part of ${wire} bytes`);
    text = p.apply(text);
  }
  assert.equal(text, op.apply(doc));
  for (const p of parts) for (const c of p.ops) if (typeof c === 'string') assert.ok(!/^[\udc00-\udfff]|[\ud800-\udbff]$/.test(c), 'a part cuts a surrogate pair');
});

test('applyToRuns_insertAndDelete_authorsFollowTheText', () => {
  const runs = [{ a: 'x', n: 3 }, { a: 'y', n: 3 }];
  const next = applyToRuns(runs, TextOperation.fromJSON([2, 'ZZ', -2, 2]), 'z');
  assert.deepEqual(next, [{ a: 'x', n: 2 }, { a: 'z', n: 2 }, { a: 'y', n: 2 }]);
});

test('rebaseOnto: a server that lost revisions gets only our own unacknowledged edits, replayed on its text', () => {
  // We saw revisions 1-3 (someone typed "LOST "), then typed "!" (outstanding) and "?" (buffer); the server is back at 0.
  const client = new OtClient({ revision: 0, clientTag: 'me', allocateSeq: (() => { let s = 0; return () => ++s; })(), send: () => {}, applyRemote: () => {} });
  client.canSend = false;
  client.restore({
    revision: 3,
    serverText: 'Hello LOST world\n',
    outstanding: { seq: 1, op: TextOperation.fromJSON([16, '!', 1]), edits: 1 },
    buffer: TextOperation.fromJSON([18, '?']),
    bufferEdits: 1,
  });
  const local = client.localTextFrom('Hello LOST world\n');

  const op = client.rebaseOnto(0, 'Hello world\n');

  assert.equal(op.apply(local), 'Hello world!\n?');
  assert.equal(client.revision, 0);
  assert.equal(client.localTextFrom('Hello world\n'), 'Hello world!\n?');
  assert.equal(client.outstanding.seq, 1); // resent under the same seq: the server never committed it
});

test('replaceOp: keeps the common prefix and suffix and never splits a surrogate pair', () => {
  assert.deepEqual(replaceOp('abcXYZdef', 'abcdef').toJSON(), [3, -3, 3]);
  assert.deepEqual(replaceOp('', 'new').toJSON(), ['new']);
  assert.deepEqual(replaceOp('same', 'same').toJSON(), [4]);
  // "a😀b" -> "a😃b": the two emoji share their high surrogate; the replacement must take the whole pair.
  const op = replaceOp('a\u{1F600}b', 'a\u{1F603}b');
  assert.deepEqual(op.toJSON(), [1, '\u{1F603}', -2, 1]);
  assert.equal(op.apply('a\u{1F600}b'), 'a\u{1F603}b');
});
