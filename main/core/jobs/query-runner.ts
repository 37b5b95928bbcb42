import { Worker } from 'node:worker_threads'
import { reviveError, VaxError } from '../base/errors.ts'
import type { QueryReply, QueryWorkerData } from './protocol.ts'
import type { QueryRequest, QueryResults } from './queries.ts'

/**
 * One long-lived worker thread per open workspace that answers heavy read-only queries on
 * its own SQLite connection, so the caller's thread (Electron's main process) keeps
 * serving IPC meanwhile. Jobs write; this only reads, so it never waits for a job.
 */
export class QueryRunner {
  private readonly worker: Worker
  private readonly pending = new Map<number, { resolve(v: unknown): void; reject(e: unknown): void }>()
  private nextId = 1
  private stopped: Error | null = null

  constructor(workerEntry: string | URL, workspacePath: string, workspaceKey: Buffer | null = null) {
    const data: QueryWorkerData = { mode: 'query', workspacePath, workspaceKey }
    this.worker = new Worker(workerEntry, { workerData: data })
    this.worker.on('message', (m: QueryReply) => {
      const p = this.pending.get(m.id)
      if (!p) return
      this.pending.delete(m.id)
      if (m.ok) p.resolve(m.value)
      else p.reject(reviveError(m.error))
    })
    const stop = (err: Error): void => {
      this.stopped ??= err
      for (const p of this.pending.values()) p.reject(err)
      this.pending.clear()
    }
    this.worker.on('error', stop)
    this.worker.on('exit', () =>
      stop(
        new VaxError('QUERY_WORKER_STOPPED', { vi: 'Luồng đọc dữ liệu đã dừng; hãy thử lại.', en: 'The data reader stopped; try again.' })
      )
    )
    // An idle reader must not keep a CLI or test process alive.
    this.worker.unref()
  }

  /** Whether the worker still answers; a stopped one is replaced by its owner. */
  get alive(): boolean {
    return this.stopped === null
  }

  run<K extends QueryRequest['kind']>(req: Extract<QueryRequest, { kind: K }>): Promise<QueryResults[K]> {
    if (this.stopped) return Promise.reject(this.stopped)
    const id = this.nextId++
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject })
      this.worker.postMessage({ id, request: req })
    })
  }

  async close(): Promise<void> {
    await this.worker.terminate()
  }
}
