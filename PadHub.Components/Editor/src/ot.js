// The ot.js TextOperation (the `ot` npm package 0.0.15, as in Firepad and HedgeDoc 1.x), the same algebra as
// PadHub.Core's TextOperation. Lengths are UTF-16 code units, like CodeMirror positions and .NET strings.
// Wire form: a JSON array; n > 0 retains n, a string inserts it, n < 0 deletes -n.
// Canonical form: no empty components, adjacent components of one kind merged, an insert adjacent to a delete first.

const isRetain = (c) => typeof c === 'number' && c > 0;
const isInsert = (c) => typeof c === 'string';
const isDelete = (c) => typeof c === 'number' && c < 0;

export class TextOperation {
  constructor() {
    /** @type {(number|string)[]} */
    this.ops = [];
    this.baseLength = 0;
    this.targetLength = 0;
  }

  retain(n) {
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) throw new Error('retain expects a non-negative integer');
    if (n === 0) return this;
    this.baseLength += n;
    this.targetLength += n;
    const last = this.ops.length - 1;
    if (last >= 0 && isRetain(this.ops[last])) this.ops[last] += n;
    else this.ops.push(n);
    return this;
  }

  insert(str) {
    if (typeof str !== 'string') throw new Error('insert expects a string');
    if (str === '') return this;
    this.targetLength += str.length;
    const ops = this.ops;
    const last = ops.length - 1;
    if (last >= 0 && isInsert(ops[last])) {
      ops[last] += str;
    } else if (last >= 0 && isDelete(ops[last])) {
      // Keep inserts before deletes so equal operations have one representation.
      if (last >= 1 && isInsert(ops[last - 1])) ops[last - 1] += str;
      else { ops[last + 1] = ops[last]; ops[last] = str; }
    } else {
      ops.push(str);
    }
    return this;
  }

  delete(n) {
    if (typeof n === 'string') n = n.length;
    if (typeof n !== 'number' || !Number.isInteger(n)) throw new Error('delete expects an integer');
    if (n === 0) return this;
    if (n > 0) n = -n;
    this.baseLength -= n;
    const last = this.ops.length - 1;
    if (last >= 0 && isDelete(this.ops[last])) this.ops[last] += n;
    else this.ops.push(n);
    return this;
  }

  isNoop() {
    return this.ops.length === 0 || (this.ops.length === 1 && isRetain(this.ops[0]));
  }

  equals(other) {
    if (this.baseLength !== other.baseLength || this.targetLength !== other.targetLength) return false;
    if (this.ops.length !== other.ops.length) return false;
    for (let i = 0; i < this.ops.length; i++) if (this.ops[i] !== other.ops[i]) return false;
    return true;
  }

  toJSON() {
    return this.ops;
  }

  static fromJSON(ops) {
    if (!Array.isArray(ops)) throw new Error('an operation is an array');
    const o = new TextOperation();
    for (const c of ops) {
      if (isRetain(c) && Number.isInteger(c)) o.retain(c);
      else if (isInsert(c) && c !== '') o.insert(c);
      else if (isDelete(c) && Number.isInteger(c)) o.delete(c);
      else throw new Error('invalid component ' + JSON.stringify(c));
    }
    return o;
  }

  static identity(length) {
    return new TextOperation().retain(length);
  }

  apply(str) {
    if (str.length !== this.baseLength) throw new Error(`the operation's base length ${this.baseLength} is not the document's length ${str.length}`);
    const parts = [];
    let index = 0;
    for (const c of this.ops) {
      if (isRetain(c)) {
        parts.push(str.slice(index, index + c));
        index += c;
      } else if (isInsert(c)) {
        parts.push(c);
      } else {
        index -= c;
      }
    }
    return parts.join('');
  }

  invert(str) {
    let index = 0;
    const inverse = new TextOperation();
    for (const c of this.ops) {
      if (isRetain(c)) { inverse.retain(c); index += c; }
      else if (isInsert(c)) inverse.delete(c.length);
      else { inverse.insert(str.slice(index, index - c)); index -= c; }
    }
    return inverse;
  }

  /** The operation with the effect of this one followed by `b`. */
  compose(b) {
    const a = this;
    if (a.targetLength !== b.baseLength) throw new Error('compose: the first operation\'s target length must be the second\'s base length');
    const result = new TextOperation();
    const ops1 = a.ops, ops2 = b.ops;
    let i1 = 0, i2 = 0;
    let op1 = ops1[i1++], op2 = ops2[i2++];
    for (;;) {
      if (op1 === undefined && op2 === undefined) break;
      if (isDelete(op1)) { result.delete(op1); op1 = ops1[i1++]; continue; }
      if (isInsert(op2)) { result.insert(op2); op2 = ops2[i2++]; continue; }
      if (op1 === undefined) throw new Error('compose: the first operation is too short');
      if (op2 === undefined) throw new Error('compose: the first operation is too long');
      if (isRetain(op1) && isRetain(op2)) {
        if (op1 > op2) { result.retain(op2); op1 -= op2; op2 = ops2[i2++]; }
        else if (op1 === op2) { result.retain(op1); op1 = ops1[i1++]; op2 = ops2[i2++]; }
        else { result.retain(op1); op2 -= op1; op1 = ops1[i1++]; }
      } else if (isInsert(op1) && isDelete(op2)) {
        if (op1.length > -op2) { op1 = op1.slice(-op2); op2 = ops2[i2++]; }
        else if (op1.length === -op2) { op1 = ops1[i1++]; op2 = ops2[i2++]; }
        else { op2 += op1.length; op1 = ops1[i1++]; }
      } else if (isInsert(op1) && isRetain(op2)) {
        if (op1.length > op2) { result.insert(op1.slice(0, op2)); op1 = op1.slice(op2); op2 = ops2[i2++]; }
        else if (op1.length === op2) { result.insert(op1); op1 = ops1[i1++]; op2 = ops2[i2++]; }
        else { result.insert(op1); op2 -= op1.length; op1 = ops1[i1++]; }
      } else if (isRetain(op1) && isDelete(op2)) {
        if (op1 > -op2) { result.delete(op2); op1 += op2; op2 = ops2[i2++]; }
        else if (op1 === -op2) { result.delete(op2); op1 = ops1[i1++]; op2 = ops2[i2++]; }
        else { result.delete(op1); op2 += op1; op1 = ops1[i1++]; }
      } else {
        throw new Error('compose: unreachable component pair');
      }
    }
    return result;
  }

  /**
   * Transforms two concurrent operations `a` and `b` (same base) into [a', b'] with
   * apply(apply(S, a), b') === apply(apply(S, b), a'). On a tie (both insert at one position) a's insert goes first.
   */
  static transform(a, b) {
    if (a.baseLength !== b.baseLength) throw new Error('transform: both operations must have the same base length');
    const aPrime = new TextOperation(), bPrime = new TextOperation();
    const ops1 = a.ops, ops2 = b.ops;
    let i1 = 0, i2 = 0;
    let op1 = ops1[i1++], op2 = ops2[i2++];
    for (;;) {
      if (op1 === undefined && op2 === undefined) break;
      if (isInsert(op1)) { aPrime.insert(op1); bPrime.retain(op1.length); op1 = ops1[i1++]; continue; }
      if (isInsert(op2)) { aPrime.retain(op2.length); bPrime.insert(op2); op2 = ops2[i2++]; continue; }
      if (op1 === undefined) throw new Error('transform: the first operation is too short');
      if (op2 === undefined) throw new Error('transform: the first operation is too long');
      let min;
      if (isRetain(op1) && isRetain(op2)) {
        if (op1 > op2) { min = op2; op1 -= op2; op2 = ops2[i2++]; }
        else if (op1 === op2) { min = op2; op1 = ops1[i1++]; op2 = ops2[i2++]; }
        else { min = op1; op2 -= op1; op1 = ops1[i1++]; }
        aPrime.retain(min); bPrime.retain(min);
      } else if (isDelete(op1) && isDelete(op2)) {
        if (-op1 > -op2) { op1 -= op2; op2 = ops2[i2++]; }
        else if (op1 === op2) { op1 = ops1[i1++]; op2 = ops2[i2++]; }
        else { op2 -= op1; op1 = ops1[i1++]; }
      } else if (isDelete(op1) && isRetain(op2)) {
        if (-op1 > op2) { min = op2; op1 += op2; op2 = ops2[i2++]; }
        else if (-op1 === op2) { min = op2; op1 = ops1[i1++]; op2 = ops2[i2++]; }
        else { min = -op1; op2 += op1; op1 = ops1[i1++]; }
        aPrime.delete(min);
      } else if (isRetain(op1) && isDelete(op2)) {
        if (op1 > -op2) { min = -op2; op1 += op2; op2 = ops2[i2++]; }
        else if (op1 === -op2) { min = op1; op1 = ops1[i1++]; op2 = ops2[i2++]; }
        else { min = op1; op2 += op1; op1 = ops1[i1++]; }
        bPrime.delete(min);
      } else {
        throw new Error('transform: unreachable component pair');
      }
    }
    return [aPrime, bPrime];
  }

  /**
   * Where a caret at `position` lands after this operation: an insert exactly at the caret pushes it right
   * (unless `insertBefore`), a deleted range containing it collapses it to the range's start.
   */
  transformCaret(position, insertBefore = false) {
    let remaining = position, result = position;
    for (const c of this.ops) {
      if (isRetain(c)) {
        remaining -= c;
      } else if (isInsert(c)) {
        if (remaining > 0 || (remaining === 0 && !insertBefore)) result += c.length;
      } else {
        result -= Math.min(remaining, -c);
        remaining += c;
      }
      if (remaining < 0) break;
    }
    return result;
  }
}

export const components = { isRetain, isInsert, isDelete };
