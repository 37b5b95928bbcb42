import { randomUUID } from 'node:crypto'
import { Worker } from 'node:worker_threads'
import { VaxError, reviveError, type SerializedError } from '../base/errors.ts'
import { cancelFlag, type JobProgress } from '../base/job-context.ts'
import type { WorkerData, WorkerMessage } from './protocol.ts'
import type { JobRequest } from './requests.ts'
import { jobSuccess, type JobSuccess } from './results.ts'

/** How long a finished job's thread may take to checkpoint and close before it is stopped. */
const WORKER_GRACE_MS = 60_000

export type JobEvent =
  | { type: 'progress'; jobId: string; kind: string; progress: JobProgress; rowsPerSecond: number | null; etaSeconds: number | null }
  | ({ type: 'finished' } & JobSuccess)
  | { type: 'finished'; jobId: string; kind: string; ok: false; error: SerializedError }

export interface JobHandle {
  id: string
  result: Promise<unknown>
  cancel(): void
}

/**
 * Runs jobs in worker threads, one at a time per workspace, so the caller's thread
 * (Electron's main process, the CLI's signal handling) stays responsive. This is the
 * only place that knows about threads; jobs themselves are plain functions.
 */
export class JobRunner {
  private readonly running = new Map<string, { workspacePath: string; cancel: () => void }>()
  private readonly workerEntry: string | URL
  private readonly onEvent: (e: JobEvent) => void

  constructor(workerEntry: string | URL, onEvent: (e: JobEvent) => void = () => {}) {
    this.workerEntry = workerEntry
    this.onEvent = onEvent
  }

  /** Whether a job is running on this workspace: one at a time, as each holds the write lock. */
  isBusy(workspacePath: string): boolean {
    return [...this.running.values()].some((job) => job.workspacePath === workspacePath)
  }

  start(workspacePath: string, request: JobRequest, workspaceKey: Buffer | null = null): JobHandle {
    if (this.isBusy(workspacePath)) {
      throw new VaxError('JOB_BUSY', {
        vi: 'Một tác vụ khác đang chạy trên không gian làm việc này. Hãy chờ hoặc huỷ nó.',
        en: 'Another job is running on this workspace. Wait for it or cancel it.'
      })
    }
    const id = randomUUID()
    const buffer = new SharedArrayBuffer(4)
    const flag = cancelFlag(buffer)
    const data: WorkerData = { mode: 'job', workspacePath, workspaceKey, request, cancel: buffer }
    const worker = new Worker(this.workerEntry, { workerData: data })
    const startedAt = Date.now()
    this.running.set(id, { workspacePath, cancel: flag.set })

    const result = new Promise<unknown>((resolve, reject) => {
      let settled = false
      const finish = (ok: boolean, value: unknown): void => {
        if (settled) return
        settled = true
        this.running.delete(id)
        // A job that succeeded has one step left after its reply: the WAL checkpoint and
        // closing its connection (jobs/worker.ts). Its thread then ends by itself; cutting it
        // short would lose the checkpoint and leave the connection open. A thread that
        // hangs there is stopped after a grace period; a failed job's is stopped at once.
        if (ok) setTimeout(() => void worker.terminate(), WORKER_GRACE_MS).unref()
        else void worker.terminate()
        if (ok) {
          this.onEvent({ type: 'finished', ...jobSuccess(id, request.kind, value) })
          resolve(value)
        } else {
          const error = value as SerializedError
          this.onEvent({ type: 'finished', jobId: id, kind: request.kind, ok: false, error })
          reject(reviveError(error))
        }
      }
      worker.on('message', (m: WorkerMessage) => {
        if (m.type === 'progress') {
          const seconds = (Date.now() - startedAt) / 1000
          const rate = seconds > 0 ? m.progress.done / seconds : null
          const eta = rate && m.progress.total !== null ? Math.max(0, (m.progress.total - m.progress.done) / rate) : null
          this.onEvent({ type: 'progress', jobId: id, kind: request.kind, progress: m.progress, rowsPerSecond: rate, etaSeconds: eta })
        } else if (m.type === 'done') finish(true, m.result)
        else finish(false, m.error)
      })
      worker.on('error', () =>
        finish(false, {
          code: 'JOB_CRASHED',
          vi: 'Tác vụ bị lỗi và đã dừng. Không có thay đổi nào được lưu.',
          en: 'The job crashed. No change was saved.'
        })
      )
      worker.on('exit', (code) => {
        if (code !== 0)
          finish(false, {
            code: 'JOB_CRASHED',
            vi: 'Tác vụ bị dừng bất thường. Không có thay đổi nào được lưu.',
            en: 'The job stopped unexpectedly. No change was saved.'
          })
      })
    })
    // A rejected result nobody awaits must not crash the process; events carry it.
    result.catch(() => {})
    return { id, result, cancel: flag.set }
  }

  cancel(jobId: string): boolean {
    const job = this.running.get(jobId)
    if (!job) return false
    job.cancel()
    return true
  }
}
