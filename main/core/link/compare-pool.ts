import { availableParallelism } from 'node:os'
import { isMainThread, MessageChannel, receiveMessageOnPort, Worker, workerData, parentPort, type MessagePort } from 'node:worker_threads'
import type { JobContext } from '../base/job-context.ts'
import { rangeKeys, slipKeysOnly, type KeyFilter } from './block-keys.ts'
import { KEY_CHUNK, type BlockThreads, type KeyThreads } from './block-pairs.ts'
import { BLOCKING_RULES } from './block.ts'
import { byName, compareInto, type Comparison } from './compare/index.ts'
import { tfFrequency } from './model/score.ts'
import type { TermFrequencies } from './model/tf.ts'
import { forThreads, RECORD_CHUNK, resharer } from './pool-records.ts'
import type { Prepared } from './prepare.ts'

/**
 * Comparing pairs (the candidate pairs and the random pairs for u) on every core. Each
 * thread holds a copy of the records, sent once (see pool-records.ts); a batch of pairs is cut into chunks that
 * the threads and the caller take in turn from a shared counter, and each writes its
 * chunk's levels straight into shared memory at the chunk's place. The levels of a pair
 * depend only on the pair, so the result is the same whatever the number of threads.
 *
 * The linkage is synchronous (one transaction after one computation), so the caller waits
 * for the threads with Atomics.wait instead of an event loop: it compares chunks itself
 * while they do, and checks for a cancel between its chunks.
 *
 * The threads run this very module (as the import reader does): `new Worker(import.meta.url)`
 * finds it as a .ts source and inside the bundled chunk alike.
 */
const ROLE = 'vaxrecon-compare'

/** Pairs per chunk: small enough to share work evenly and notice a cancel soon. */
const CHUNK = 4096

/** The threads `match` uses unless told otherwise: the cores there are. */
export const defaultThreads = (): number => Math.max(1, availableParallelism())

// Control words in the shared Int32Array.
const NEXT = 0 // next chunk to take
const DONE = 1 // workers finished with the current batch
const ABORT = 2 // set to stop taking chunks (a cancel)
const FAILED = 3 // a worker failed
const CONTROL_WORDS = 4

type RecordSets = Record<string, readonly Prepared[]>

interface Batch {
  type: 'batch'
  comparisons: string[]
  tf: TermFrequencies | null
  a: string
  b: string
  subject: Int32Array
  target: Int32Array
  levels: Int8Array
  /** Null when no frequencies are wanted (random pairs). */
  freq: Float32Array | null
}

/** Blocking keys of a record set's first `count` records, chunk by chunk (see block-keys.ts). */
interface KeysJob {
  type: 'keys'
  set: string
  /** The rules' slip keys only (deduplication's second pass). */
  slip: boolean
  count: number
  idxBits: number
  filter: KeyFilter
  /** Where a helper posts its chunks' keys. */
  port: MessagePort | null
}

interface KeyChunk {
  k: number
  keys: Float64Array<ArrayBuffer>
}

type WorkerMessage = { type: 'records'; set: string; records: Prepared[] } | Batch | KeysJob

interface PoolData {
  role: typeof ROLE
  control: Int32Array
}

export interface ComparedBatch {
  levels: Int8Array
  /** Frequency of the agreed value per pair and frequency column, NaN when not adjusted. */
  freq: Float32Array
  tfColumns: number[]
}

/** Compares chunks of a batch until none is left (or an abort), in whichever thread runs it. */
function work(batch: Batch, sets: RecordSets, control: Int32Array, between: () => void): void {
  const cs = batch.comparisons.map(byName)
  const A = sets[batch.a] as readonly Prepared[]
  const B = sets[batch.b] as readonly Prepared[]
  const width = cs.length
  const tfColumns = cs.flatMap((c, i) => (c.tfLevels ? [i] : []))
  const row = new Int8Array(width)
  const n = batch.subject.length
  const chunks = Math.ceil(n / CHUNK)
  for (;;) {
    between()
    if (Atomics.load(control, ABORT) !== 0) return
    const k = Atomics.add(control, NEXT, 1)
    if (k >= chunks) return
    for (let p = k * CHUNK, end = Math.min(n, p + CHUNK); p < end; p++) {
      const a = A[batch.subject[p] as number] as Prepared
      const b = B[batch.target[p] as number] as Prepared
      const scratch = compareInto(cs, a, b, row)
      batch.levels.set(row, p * width)
      if (batch.freq && batch.tf) {
        const tf = { tf: batch.tf }
        for (let t = 0; t < tfColumns.length; t++) {
          const c = tfColumns[t] as number
          batch.freq[p * tfColumns.length + t] = tfFrequency(tf, cs[c] as Comparison, row[c] as number, a, b, scratch)
        }
      }
    }
  }
}

/** Keys chunks of records until none is left (or an abort), in whichever thread runs it. */
function keyChunks(
  job: KeysJob,
  sets: RecordSets,
  control: Int32Array,
  between: () => void,
  done: (k: number, keys: Float64Array<ArrayBuffer>) => void
): void {
  const records = sets[job.set] as readonly Prepared[]
  const rules = job.slip ? slipKeysOnly(BLOCKING_RULES) : BLOCKING_RULES
  const chunks = Math.ceil(job.count / KEY_CHUNK)
  for (;;) {
    between()
    if (Atomics.load(control, ABORT) !== 0) return
    const k = Atomics.add(control, NEXT, 1)
    if (k >= chunks) return
    const from = k * KEY_CHUNK
    done(k, rangeKeys(records, rules, job.idxBits, from, Math.min(job.count, from + KEY_CHUNK), job.filter))
  }
}

export class ComparePool {
  readonly threads: number
  private readonly workers: Worker[] = []
  private readonly control = new Int32Array(new SharedArrayBuffer(4 * CONTROL_WORDS))
  private sets: RecordSets = {}

  /** `threads` counts the caller: 1 compares in this thread alone, with no workers. */
  constructor(threads: number) {
    this.threads = Math.max(1, Math.floor(threads))
    for (let i = 1; i < this.threads; i++) {
      const w = new Worker(new URL(import.meta.url), { workerData: { role: ROLE, control: this.control } satisfies PoolData })
      w.unref()
      this.workers.push(w)
    }
  }

  /**
   * Appends records to a set of the threads' copy. Sent while the records are still being
   * read, the threads take them in while this thread reads the rest.
   */
  send(set: string, records: readonly Prepared[]): void {
    for (let i = 0; i < records.length && this.workers.length > 0; i += RECORD_CHUNK) {
      const chunk = records.slice(i, i + RECORD_CHUNK).map(forThreads)
      for (const w of this.workers) w.postMessage({ type: 'records', set, records: chunk } satisfies WorkerMessage)
    }
  }

  /** The sets as this thread compares them: what `send` sent, in full. */
  use(sets: RecordSets): void {
    this.sets = sets
  }

  /**
   * Levels of every pair (subject[p] of set a, target[p] of set b) on the comparisons,
   * pair-major, and with `tf` the frequency of each agreed value on frequency-adjusted ones.
   * `at` places the batch in a larger one for the progress shown.
   */
  compare(
    cs: readonly Comparison[],
    tf: TermFrequencies | null,
    a: string,
    b: string,
    subject: Int32Array,
    target: Int32Array,
    ctx: JobContext,
    stage: string,
    at: { done: number; total: number } = { done: 0, total: subject.length }
  ): ComparedBatch {
    const n = subject.length
    const width = cs.length
    const tfColumns = cs.flatMap((c, i) => (c.tfLevels ? [i] : []))
    const shared = this.workers.length > 0 && n > CHUNK
    const buffer = (bytes: number): ArrayBuffer | SharedArrayBuffer => (shared ? new SharedArrayBuffer(bytes) : new ArrayBuffer(bytes))
    const levels = new Int8Array(buffer(n * width))
    const freq = new Float32Array(buffer(4 * (tf ? n * tfColumns.length : 0)))
    const batch: Batch = { type: 'batch', comparisons: cs.map((c) => c.name), tf, a, b, subject, target, levels, freq: tf ? freq : null }
    // Index arrays are copied once per worker; levels and frequencies are shared.
    const helpers = shared ? this.workers : []
    this.run(
      helpers,
      (w) => w.postMessage(batch satisfies WorkerMessage),
      ctx,
      () => ctx.progress({ done: at.done + Math.min(n, Atomics.load(this.control, NEXT) * CHUNK), total: at.total, stage }),
      (between) => work(batch, this.sets, this.control, between)
    )
    return { levels, freq, tfColumns }
  }

  /** Blocking keys of a pairing's sets on the threads, or null with no threads to use. */
  blockThreads(subjects: string, targets: string): BlockThreads | null {
    if (this.workers.length === 0) return null
    const on = (set: string, slip: boolean): KeyThreads => ({
      keys: (count, idxBits, filter, ctx) => this.keys({ type: 'keys', set, slip, count, idxBits, filter, port: null }, ctx)
    })
    return { subjects: on(subjects, false), targets: on(targets, false), targetSlips: on(targets, true) }
  }

  /** The keys of each chunk of records, in chunk order, whichever thread keyed it. */
  private keys(job: KeysJob, ctx: JobContext): Float64Array[] {
    const parts: Float64Array[] = []
    const channels = this.workers.map(() => new MessageChannel())
    this.run(
      this.workers,
      (w, i) => {
        const port = (channels[i] as MessageChannel).port2
        w.postMessage({ ...job, port } satisfies WorkerMessage, [port])
      },
      ctx,
      () => ctx.progress({ done: Math.min(job.count, Atomics.load(this.control, NEXT) * KEY_CHUNK), total: job.count, stage: 'block' }),
      (between) => keyChunks(job, this.sets, this.control, between, (k, keys) => (parts[k] = keys))
    )
    // Each thread posted its chunks before it counted itself done: they are all queued.
    for (const { port1 } of channels) {
      for (let m = receiveMessageOnPort(port1); m; m = receiveMessageOnPort(port1)) {
        const { k, keys } = m.message as KeyChunk
        parts[k] = keys
      }
      port1.close()
    }
    return parts
  }

  /**
   * Runs one job on the helpers and this thread: `post` hands it to each helper, `local`
   * takes chunks here, calling `between` before each (progress now and then, and a cancel
   * stops every thread from taking more); then waits for the helpers to finish.
   */
  private run(
    helpers: readonly Worker[],
    post: (w: Worker, i: number) => void,
    ctx: JobContext,
    progress: () => void,
    local: (between: () => void) => void
  ): void {
    const control = this.control
    Atomics.store(control, NEXT, 0)
    Atomics.store(control, DONE, 0)
    Atomics.store(control, ABORT, 0)
    helpers.forEach(post)
    let cancelled: unknown = null
    let chunk = 0
    local(() => {
      if (cancelled !== null) return
      if ((chunk++ & 7) === 0) progress()
      try {
        ctx.checkCancelled()
      } catch (err) {
        cancelled = err
        Atomics.store(control, ABORT, 1)
      }
    })
    for (let done = Atomics.load(control, DONE); done < helpers.length; done = Atomics.load(control, DONE))
      Atomics.wait(control, DONE, done, 1000)
    if (cancelled !== null) throw cancelled
    if (Atomics.load(control, FAILED) !== 0) throw new Error('a comparison thread failed')
  }

  close(): void {
    for (const w of this.workers) void w.terminate()
    this.workers.length = 0
  }
}

function serve(data: PoolData): void {
  const port = parentPort
  if (!port) return
  const sets: Record<string, Prepared[]> = {}
  const reshare = resharer()
  port.on('message', (m: WorkerMessage) => {
    if (m.type === 'records') {
      const list = (sets[m.set] ??= [])
      for (const r of m.records) list.push(reshare(r))
      return
    }
    try {
      if (m.type === 'batch') work(m, sets, data.control, () => {})
      else {
        const out = m.port
        keyChunks(
          m,
          sets,
          data.control,
          () => {},
          (k, keys) => out?.postMessage({ k, keys } satisfies KeyChunk, [keys.buffer])
        )
        out?.close()
      }
    } catch {
      Atomics.store(data.control, FAILED, 1)
      Atomics.store(data.control, ABORT, 1)
    } finally {
      Atomics.add(data.control, DONE, 1)
      Atomics.notify(data.control, DONE)
    }
  })
}

if (!isMainThread && (workerData as Partial<PoolData> | null)?.role === ROLE) serve(workerData as PoolData)
