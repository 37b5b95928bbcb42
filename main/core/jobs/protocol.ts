import type { SerializedError } from '../errors.ts'
import type { JobProgress } from './context.ts'

/** What the runner hands a job worker, and what the worker sends back. */
export interface WorkerData {
  workspacePath: string
  request: unknown
  cancel: SharedArrayBuffer
}

export type WorkerMessage =
  | { type: 'progress'; progress: JobProgress }
  | { type: 'done'; result: unknown }
  | { type: 'error'; error: SerializedError }
