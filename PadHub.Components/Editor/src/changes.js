// Conversions between CodeMirror change sets and ot.js operations, and the size limit of one submitted operation.
// Both count UTF-16 code units. The editor uses "\n" as its only line separator, so a CodeMirror position is an offset
// in exactly the text the server holds; local input is normalised to LF before it reaches the document.

import { TextOperation } from './ot.js';

/** CRLF and lone CR become LF. */
export const normaliseNewlines = (text) => (text.indexOf('\r') < 0 ? text : text.replace(/\r\n?/g, '\n'));

/**
 * The ot.js operation equivalent to a CodeMirror ChangeSet made against a document of `docLength`.
 * @param {import('@codemirror/state').ChangeSet} changes
 */
export function changeSetToOp(changes, docLength) {
  const op = new TextOperation();
  let pos = 0;
  changes.iterChanges((fromA, toA, _fromB, _toB, inserted) => {
    op.retain(fromA - pos);
    op.insert(normaliseNewlines(inserted.toString()));
    op.delete(toA - fromA);
    pos = toA;
  });
  op.retain(docLength - pos);
  return op;
}

/** CodeMirror change specs (positions in the operation's base document) for an ot.js operation. */
export function opToChanges(op) {
  const specs = [];
  let pos = 0;
  const ops = op.ops;
  for (let i = 0; i < ops.length; i++) {
    const c = ops[i];
    if (typeof c === 'string') {
      const next = ops[i + 1];
      if (typeof next === 'number' && next < 0) {
        specs.push({ from: pos, to: pos - next, insert: c });
        pos -= next;
        i++;
      } else {
        specs.push({ from: pos, insert: c });
      }
    } else if (c > 0) {
      pos += c;
    } else {
      specs.push({ from: pos, to: pos - c });
      pos -= c;
    }
  }
  return specs;
}

// What a code unit of an insert costs on the wire, in UTF-8 bytes, once the operation's JSON is itself a string
// argument of a JSON message (the circuit's JS-to-.NET call): quotes and backslashes are escaped twice.
function unitCost(code) {
  if (code === 0x22 || code === 0x5c) return 4;
  if (code < 0x20) return 7;
  if (code < 0x80) return 1;
  return 3;
}

/** The first code unit of a surrogate pair: a cut after it splits a character. */
export const isHighSurrogate = (code) => code >= 0xd800 && code <= 0xdbff;
/** The second code unit of a surrogate pair. */
export const isLowSurrogate = (code) => code >= 0xdc00 && code <= 0xdfff;

/**
 * Splits an operation into consecutive operations (each made against the result of the ones before) whose wire size
 * stays under `budget` bytes, so that a large paste never exceeds the circuit's message size limit. Composing the
 * parts in order gives back `op`. A surrogate pair is never cut.
 */
export function splitOp(op, budget = 16 * 1024) {
  const parts = [];
  let current = new TextOperation();
  let cost = 0;
  let consumed = 0; // base code units of `op` covered by the parts so far
  let produced = 0; // target code units of the parts so far (the prefix already transformed)
  const finish = () => {
    current.retain(op.baseLength - consumed);
    parts.push(current);
    current = new TextOperation().retain(produced);
    cost = 12;
  };
  // Each part starts with a retain of everything the parts before it produced.
  for (const c of op.ops) {
    if (typeof c === 'number') {
      if (cost + 12 > budget) finish();
      if (c > 0) { current.retain(c); consumed += c; produced += c; } else { current.delete(c); consumed -= c; }
      cost += 12;
      continue;
    }
    let start = 0;
    while (start < c.length) {
      if (cost + 16 > budget) finish();
      let end = start;
      let chunkCost = 2;
      while (end < c.length) {
        const code = c.charCodeAt(end);
        const width = isHighSurrogate(code) && end + 1 < c.length ? 2 : 1;
        const unit = width === 2 ? 4 : unitCost(code);
        if (cost + chunkCost + unit > budget && end > start) break;
        chunkCost += unit;
        end += width;
      }
      current.insert(c.slice(start, end));
      produced += end - start;
      cost += chunkCost;
      start = end;
    }
  }
  current.retain(op.baseLength - consumed);
  if (parts.length === 0 || !current.isNoop()) parts.push(current);
  return parts;
}
