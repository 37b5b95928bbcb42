import { JobCancelledError } from './errors.ts'

export interface JobProgress {
  done: number
  total: number | null
  stage: string
}

/** What a job sees of the runner: a way to report progress and to notice a cancel. */
export interface JobContext {
  progress(p: JobProgress): void
  /** Throws JobCancelledError once cancel was asked; call it often in loops. */
  checkCancelled(): void
}

/** A cancel flag in shared memory, readable while the worker is busy in synchronous SQLite work. */
export function cancelFlag(buffer: SharedArrayBuffer): { isSet(): boolean; set(): void } {
  const view = new Int32Array(buffer)
  return {
    isSet: () => Atomics.load(view, 0) === 1,
    set: () => void Atomics.store(view, 0, 1)
  }
}

/** A context for jobs run in-process (tests of a job's own logic). */
export function inlineContext(onProgress: (p: JobProgress) => void = () => {}, isCancelled = () => false): JobContext {
  return {
    progress: onProgress,
    checkCancelled: () => {
      if (isCancelled()) throw new JobCancelledError()
    }
  }
}
