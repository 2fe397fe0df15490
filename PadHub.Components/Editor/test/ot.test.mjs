// Checks the JS TextOperation against the ot.js oracle fixtures shared with PadHub.Core's tests.
// The fixtures live in the repository's testdata/ot-fixtures, or wherever PADHUB_OT_FIXTURES points.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TextOperation } from '../src/ot.js';

const here = dirname(fileURLToPath(import.meta.url));
// here = <repo>/PadHub.Components/Editor/test
const repoRoot = resolve(here, '..', '..', '..');

function findFixtures() {
  const dir = process.env.PADHUB_OT_FIXTURES || resolve(repoRoot, 'testdata', 'ot-fixtures');
  const file = dir.endsWith('.jsonl') ? dir : resolve(dir, 'transform-seed1.jsonl');
  if (existsSync(file)) return file;
  throw new Error(`transform-seed1.jsonl not found at ${file} (set PADHUB_OT_FIXTURES)`);
}

const cases = readFileSync(findFixtures(), 'utf8').split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l));

test('fixtures: all 2,000 cases are present', () => {
  assert.equal(cases.length, 2000);
});

test('transform matches ot.js on every fixture (aPrime, bPrime, result)', () => {
  for (const [i, c] of cases.entries()) {
    const a = TextOperation.fromJSON(c.a), b = TextOperation.fromJSON(c.b);
    const [aPrime, bPrime] = TextOperation.transform(a, b);
    assert.deepEqual(aPrime.toJSON(), c.aPrime, `case ${i}: aPrime`);
    assert.deepEqual(bPrime.toJSON(), c.bPrime, `case ${i}: bPrime`);
    assert.equal(bPrime.apply(a.apply(c.doc)), c.result, `case ${i}: b' after a`);
    assert.equal(aPrime.apply(b.apply(c.doc)), c.result, `case ${i}: a' after b`);
  }
});

test('compose matches ot.js on every fixture (composeAB)', () => {
  for (const [i, c] of cases.entries()) {
    const a = TextOperation.fromJSON(c.a);
    const composed = a.compose(TextOperation.fromJSON(c.bPrime));
    assert.deepEqual(composed.toJSON(), c.composeAB, `case ${i}: composeAB`);
    assert.equal(composed.apply(c.doc), c.result, `case ${i}: apply(doc, composeAB)`);
  }
});

test('invert and transformCaret match ot.js on every fixture', () => {
  for (const [i, c] of cases.entries()) {
    const a = TextOperation.fromJSON(c.a);
    assert.deepEqual(a.invert(c.doc).toJSON(), c.invertA, `case ${i}: invertA`);
    assert.equal(a.transformCaret(c.cursor), c.cursorAfterA, `case ${i}: cursorAfterA`);
  }
});

test('builder keeps the canonical form', () => {
  const op = new TextOperation().retain(2).delete(3).insert('ab').insert('c').retain(0).delete(1).retain(4);
  assert.deepEqual(op.toJSON(), [2, 'abc', -4, 4]);
  assert.equal(op.baseLength, 10);
  assert.equal(op.targetLength, 9);
});
