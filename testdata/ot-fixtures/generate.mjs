// Writes differential fixtures for PadHub's OT engine by running ot.js (the `ot` npm package, pinned in
// package-lock.json) on seeded random documents and operations. Same seed and count, same file.
//   node generate.mjs [--seed 1] [--count 2000] [--out transform-seed1.jsonl]   (no --out: standard output)
import { writeFileSync } from 'node:fs';
import ot from 'ot';

const { TextOperation, Selection } = ot;

function parseArguments(argv) {
  const options = { seed: 1, count: 2000, out: null };
  for (let i = 0; i < argv.length; i += 2) {
    const [name, value] = [argv[i], argv[i + 1]];
    if (value === undefined) throw new Error(`${name} needs a value`);
    if (name === '--seed') options.seed = Number.parseInt(value, 10);
    else if (name === '--count') options.count = Number.parseInt(value, 10);
    else if (name === '--out') options.out = value;
    else throw new Error(`unknown option ${name}`);
  }
  if (!Number.isInteger(options.seed) || !Number.isInteger(options.count) || options.count < 1) {
    throw new Error('--seed and --count take integers (count >= 1)');
  }
  return options;
}

// mulberry32: small, fast, and the same sequence on every node version.
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Characters, not code units: the astral ones are two UTF-16 units and are never split.
const ALPHABET = ['a', 'b', 'c', 'd', 'e', 'z', ' ', '\n', '#', '*', 'ß', 'é', '😀', '𝄞'];

function makeCase(next) {
  const integer = (max) => Math.floor(next() * max);
  const text = (maxChars) => {
    let s = '';
    for (let n = integer(maxChars + 1); n > 0; n--) s += ALPHABET[integer(ALPHABET.length)];
    return s;
  };
  const characters = (s) => Array.from(s);

  // A random operation over the whole of doc, walking it character by character.
  const operation = (doc) => {
    const op = new TextOperation();
    const chars = characters(doc);
    let i = 0;
    while (i < chars.length) {
      const run = 1 + integer(Math.min(8, chars.length - i));
      const units = chars.slice(i, i + run).join('').length;
      const pick = next();
      if (pick < 0.2) op.insert(text(5) || 'x');
      if (pick < 0.55) op.retain(units);
      else op['delete'](units);
      i += run;
    }
    if (next() < 0.3) op.insert(text(5) || 'y');
    return op;
  };

  const doc = text(60);
  const a = operation(doc);
  const b = operation(doc);
  const [aPrime, bPrime] = TextOperation.transform(a, b);
  const result = bPrime.apply(a.apply(doc));
  if (aPrime.apply(b.apply(doc)) !== result) throw new Error('ot.js did not converge');
  const composeAB = a.compose(bPrime);
  const invertA = a.invert(doc);

  // A caret on a character boundary.
  const boundaries = [0];
  for (const c of characters(doc)) boundaries.push(boundaries[boundaries.length - 1] + c.length);
  const cursor = boundaries[integer(boundaries.length)];
  const cursorAfterA = Selection.createCursor(cursor).transform(a).ranges[0].head;

  return {
    doc,
    a: a.toJSON(),
    b: b.toJSON(),
    aPrime: aPrime.toJSON(),
    bPrime: bPrime.toJSON(),
    result,
    composeAB: composeAB.toJSON(),
    invertA: invertA.toJSON(),
    cursor,
    cursorAfterA,
  };
}

const options = parseArguments(process.argv.slice(2));
const next = random(options.seed);
const lines = [];
for (let n = 0; n < options.count; n++) lines.push(JSON.stringify(makeCase(next)));
const output = lines.join('\n') + '\n';
if (options.out) writeFileSync(options.out, output);
else process.stdout.write(output);
