import { parentPort, workerData } from 'node:worker_threads'
import { JobCancelledError, serializeError } from '../base/errors.ts'
import { openWorkspace } from '../workspace/workspace.ts'
import { cancelFlag, type JobProgress } from '../base/job-context.ts'
import type { QueryReply, QueryWorkerData, WorkerData, WorkerMessage } from './protocol.ts'
import { QueryRequest, runQuery } from './queries.ts'
import { JobRequest } from './requests.ts'
import { runJob } from './table.ts'

/** The key arrives as a Uint8Array (structured clone drops Buffer's prototype). */
const keyOf = (data: WorkerData | QueryWorkerData): Buffer | null => (data.workspaceKey ? Buffer.from(data.workspaceKey) : null)

// Progress is throttled: a job may report millions of rows, the UI needs a few per second.
const PROGRESS_INTERVAL_MS = 100

async function main(): Promise<void> {
  const port = parentPort
  if (!port) throw new Error('worker.ts must run as a worker thread')
  // A helper thread of a module bundled into this chunk (the comparison threads of
  // compare-pool.ts start this very file): that module serves it, not this one.
  if ((workerData as { role?: unknown } | null)?.role !== undefined) return
  const start = workerData as WorkerData | QueryWorkerData
  if (start.mode === 'query') return serveQueries(port, start)
  const send = (m: WorkerMessage): void => port.postMessage(m)
  const data = start
  const flag = cancelFlag(data.cancel)
  let lastSent = 0
  try {
    const req = JobRequest.parse(data.request)
    const ws = openWorkspace(data.workspacePath, keyOf(data))
    try {
      const result = await runJob(ws, req, {
        progress: (p: JobProgress) => {
          const now = Date.now()
          if (now - lastSent >= PROGRESS_INTERVAL_MS || (p.total !== null && p.done >= p.total)) {
            lastSent = now
            send({ type: 'progress', progress: p })
          }
        },
        checkCancelled: () => {
          if (flag.isSet()) throw new JobCancelledError()
        }
      })
      send({ type: 'done', result })
      // Bulk decisions leave the WAL checkpoint to now (review/large-writes.ts): copying
      // their pages into the file takes seconds the clerk no longer waits for. PASSIVE: a
      // reader or writer on the main connection never waits for it.
      ws.db.pragma('wal_checkpoint(PASSIVE)')
    } finally {
      ws.close()
    }
  } catch (err) {
    send({ type: 'error', error: serializeError(err) })
  }
}

/** The query worker: its own connection, answering one read at a time until terminated. */
function serveQueries(port: NonNullable<typeof parentPort>, data: QueryWorkerData): void {
  const ws = openWorkspace(data.workspacePath, keyOf(data))
  port.on('message', ({ id, request }: { id: number; request: unknown }) => {
    // Reads of a chosen file are asynchronous (streamed); the others answer at once.
    void Promise.resolve()
      .then(() => runQuery(ws, QueryRequest.parse(request)))
      .then(
        (value): QueryReply => ({ id, ok: true, value }),
        (err: unknown): QueryReply => ({ id, ok: false, error: serializeError(err) })
      )
      .then((reply) => port.postMessage(reply))
  })
}

void main()
