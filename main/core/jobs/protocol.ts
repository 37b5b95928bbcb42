import type { SerializedError } from '../base/errors.ts'
import type { JobProgress } from '../base/job-context.ts'

/** What the runner hands a job worker, and what the worker sends back. */
export interface WorkerData {
  mode: 'job'
  workspacePath: string
  /** An encrypted workspace's key, handed over in memory; null when plain. */
  workspaceKey: Uint8Array | null
  request: unknown
  cancel: SharedArrayBuffer
}

/** The same worker entry started as a long-lived reader (see query-runner.ts). */
export interface QueryWorkerData {
  mode: 'query'
  workspacePath: string
  workspaceKey: Uint8Array | null
}

export type QueryReply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: SerializedError }

export type WorkerMessage =
  { type: 'progress'; progress: JobProgress } | { type: 'done'; result: unknown } | { type: 'error'; error: SerializedError }
