// Authorship runs: who wrote each code unit of the document, as [{ a: authorId, n: length }] covering it exactly.
// Kept up to date by every operation: inserted text belongs to the operation's author, deleted text leaves its run.

/** Runs from the server's AuthorRun records ({ authorId, length }). */
export const fromServerRuns = (runs) => runs.filter((r) => r.length > 0).map((r) => ({ a: r.authorId, n: r.length }));

function push(out, a, n) {
  if (n <= 0) return;
  const last = out[out.length - 1];
  if (last !== undefined && last.a === a) last.n += n;
  else out.push({ a, n });
}

/** The runs after `op` (an ot.js TextOperation) by `authorId`. */
export function applyToRuns(runs, op, authorId) {
  const out = [];
  let i = 0;
  let offset = 0; // code units of runs[i] already consumed
  const take = (count, keep) => {
    while (count > 0 && i < runs.length) {
      const available = runs[i].n - offset;
      const n = Math.min(available, count);
      if (keep) push(out, runs[i].a, n);
      count -= n;
      offset += n;
      if (offset === runs[i].n) { i++; offset = 0; }
    }
  };
  for (const c of op.ops) {
    if (typeof c === 'string') push(out, authorId, c.length);
    else take(Math.abs(c), c > 0);
  }
  take(Number.MAX_SAFE_INTEGER, true);
  return out;
}
