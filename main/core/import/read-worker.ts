import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads'
import { reviveError, serializeError, VaxError, type SerializedError } from '../base/errors.ts'
import { normalizeBatches, type RowBatch, type RowPlan } from './normalize-batches.ts'
import { openSpreadsheet } from './readers/open.ts'

/**
 * Reading and normalizing a sheet runs in a thread of its own, beside the SQLite writer:
 * on a million rows the two halves cost about the same, so on two cores the import takes
 * about the time of the slower one instead of the sum.
 *
 * The thread runs this very module: `new Worker(import.meta.url)` finds it both as a .ts
 * source (CLI, tests) and inside the bundled main-process chunk (Electron), with no extra
 * build entry; the module does nothing on import unless it was started for this role.
 */
const ROLE = 'vaxrecon-import-reader'

/**
 * Batches posted and not yet taken by the writer (about 3 MB): enough slack that a pause
 * on either side (a page spill, a collection) does not stall the other, and a bound on
 * memory when the reader is the faster half.
 */
const IN_FLIGHT = 16

interface ReaderData {
  role: typeof ROLE
  path: string
  plan: RowPlan
  /** The .xlsx's shared strings, as the inspecting thread read them: copied over, not parsed again. */
  sharedStrings: (string | null)[] | undefined
}

type ReaderMessage =
  | { type: 'batch'; batch: RowBatch }
  | { type: 'end' }
  | { type: 'error'; error: SerializedError | null; message: string; stack: string | undefined }

/**
 * The sheet's normalized batches, read and normalized in a worker thread. Taking the next
 * batch lets the worker read ahead again; leaving the loop early (a cancel, an error)
 * stops the worker.
 */
export async function* readInWorker(path: string, plan: RowPlan, sharedStrings?: (string | null)[]): AsyncGenerator<RowBatch> {
  const data: ReaderData = { role: ROLE, path, plan, sharedStrings }
  const worker = new Worker(new URL(import.meta.url), { workerData: data })
  const inbox: ReaderMessage[] = []
  let wake: (() => void) | null = null
  const deliver = (m: ReaderMessage): void => {
    inbox.push(m)
    wake?.()
    wake = null
  }
  worker.on('message', deliver)
  worker.on('error', (err: Error) =>
    deliver({ type: 'error', error: err instanceof VaxError ? serializeError(err) : null, message: err.message, stack: err.stack })
  )
  worker.on('exit', (code) =>
    deliver({ type: 'error', error: null, message: `import reader thread stopped (exit code ${code})`, stack: undefined })
  )
  try {
    for (;;) {
      while (inbox.length === 0) await new Promise<void>((resolve) => (wake = resolve))
      const m = inbox.shift() as ReaderMessage
      if (m.type === 'end') return
      if (m.type === 'error') {
        if (m.error) throw reviveError(m.error)
        const err = new Error(m.message)
        if (m.stack !== undefined) err.stack = m.stack
        throw err
      }
      yield m.batch
      worker.postMessage('next')
    }
  } finally {
    worker.removeAllListeners()
    await worker.terminate()
  }
}

async function serve(data: ReaderData): Promise<void> {
  const port = parentPort
  if (!port) return
  let credits = IN_FLIGHT
  let resume: (() => void) | null = null
  port.on('message', () => {
    credits++
    resume?.()
    resume = null
  })
  try {
    const source = await openSpreadsheet(data.path, data.sharedStrings ? { sharedStrings: data.sharedStrings } : {})
    try {
      for await (const batch of normalizeBatches(source, data.plan)) {
        while (credits === 0) await new Promise<void>((r) => (resume = r))
        credits--
        port.postMessage({ type: 'batch', batch } satisfies ReaderMessage)
      }
    } finally {
      await source.close()
    }
    port.postMessage({ type: 'end' } satisfies ReaderMessage)
  } catch (err) {
    const e = err instanceof Error ? err : new Error(String(err))
    port.postMessage({
      type: 'error',
      error: err instanceof VaxError ? serializeError(err) : null,
      message: e.message,
      stack: e.stack
    } satisfies ReaderMessage)
  }
}

if (!isMainThread && (workerData as Partial<ReaderData> | null)?.role === ROLE) void serve(workerData as ReaderData)
