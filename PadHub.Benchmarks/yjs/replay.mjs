// Reference run for PadHub's side-by-side benchmark: replays an editing trace
// ({startContent, endContent, txns: [{patches: [[pos, delCount, insStr], ...]}]}) into a Yjs Y.Text, the way
// crdt-benchmarks' B4 does it: for each patch a delete (when delCount > 0) then an insert (when insStr is not empty),
// each Y.Text call in its own implicit transaction (no explicit doc.transact, no update listener). In automerge-paper
// every patch is a single insert or a single delete, so that is one transaction per patch.
//
// Usage: node replay.mjs <trace.json.gz> [--runs N] [--warmup N]
// Prints one JSON object on stdout (wall-clock times, their median, and process CPU times); exits non-zero when the
// final text differs from endContent.
import { readFileSync } from 'node:fs'
import { gunzipSync } from 'node:zlib'
import { performance } from 'node:perf_hooks'
import { createRequire } from 'node:module'
import { basename } from 'node:path'
import * as Y from 'yjs'

const parseArgs = (argv) => {
  const options = { trace: undefined, runs: 5, warmup: 1 }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    if (arg === '--runs') {
      options.runs = Number.parseInt(argv[++i], 10)
    } else if (arg === '--warmup') {
      options.warmup = Number.parseInt(argv[++i], 10)
    } else if (options.trace === undefined) {
      options.trace = arg
    } else {
      throw new Error(`unexpected argument: ${arg}`)
    }
  }
  if (options.trace === undefined || !(options.runs >= 1) || !(options.warmup >= 0)) {
    throw new Error('usage: node replay.mjs <trace.json.gz> [--runs N] [--warmup N]')
  }
  return options
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

const options = parseArgs(process.argv.slice(2))
const trace = JSON.parse(gunzipSync(readFileSync(options.trace)).toString('utf8'))
// Flattened before any timing, like the PadHub side (parsing-free replay).
const patches = trace.txns.flatMap((txn) => txn.patches)
const startContent = trace.startContent ?? ''

const replayOnce = () => {
  const doc = new Y.Doc()
  const text = doc.getText('text')
  if (startContent.length > 0) {
    text.insert(0, startContent)
  }
  const cpuBefore = process.cpuUsage()
  const started = performance.now()
  for (let i = 0; i < patches.length; i++) {
    const [pos, delCount, insStr] = patches[i]
    if (delCount > 0) {
      text.delete(pos, delCount)
    }
    if (insStr.length > 0) {
      text.insert(pos, insStr)
    }
  }
  const elapsedMs = performance.now() - started
  const cpu = process.cpuUsage(cpuBefore)
  const result = text.toString()
  if (result !== trace.endContent) {
    process.stderr.write(`yjs replay of ${options.trace}: final text (${result.length} chars) differs from endContent (${trace.endContent.length} chars)\n`)
    process.exit(2)
  }
  doc.destroy()
  // Process CPU time (all of node's threads): unlike wall time it ignores time spent waiting for a core.
  return { elapsedMs, cpuMs: (cpu.user + cpu.system) / 1000 }
}

for (let i = 0; i < options.warmup; i++) {
  replayOnce()
}
const timesMs = []
const cpuMs = []
for (let i = 0; i < options.runs; i++) {
  const run = replayOnce()
  timesMs.push(run.elapsedMs)
  cpuMs.push(run.cpuMs)
}

const require = createRequire(import.meta.url)
const medianMs = median(timesMs)
process.stdout.write(JSON.stringify({
  engine: 'yjs',
  version: require('yjs/package.json').version,
  node: process.version,
  trace: basename(options.trace),
  edits: patches.length,
  transactions: 'one implicit transaction per Y.Text call (delete, then insert), as crdt-benchmarks B4',
  warmup: options.warmup,
  runs: options.runs,
  timesMs: timesMs.map((t) => Math.round(t * 10) / 10),
  medianMs: Math.round(medianMs * 10) / 10,
  cpuMs: cpuMs.map((t) => Math.round(t * 10) / 10),
  medianCpuMs: Math.round(median(cpuMs) * 10) / 10,
  nsPerEdit: Math.round((medianMs * 1e6) / patches.length),
  textMatched: true
}) + '\n')
