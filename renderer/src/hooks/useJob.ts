import { useCallback, useEffect, useRef, useState } from 'react'
import type { EventPayload, JobKind, JobResults, Req } from '../../../main/ipc/contract.ts'
import { ApiError, call, onEvent } from '../api/client.ts'

type Progress = EventPayload<'job:progress'>

export type JobState<K extends JobKind = JobKind> =
  | { phase: 'idle' }
  | { phase: 'running'; jobId: string; progress: Progress | null; startedAt: number }
  | { phase: 'done'; result: JobResults[K] }
  | { phase: 'failed'; error: ApiError }

/** A request for one of the kinds a page starts. */
type RequestOf<K extends JobKind> = Extract<Req<'job:start'>, { kind: K }>

/**
 * Starts a long job in the worker and follows its events. The UI stays live because the
 * work happens off the main thread; this hook only tracks what the worker reports. K names
 * the kinds the page starts, which types the result (the contract pairs kinds and results).
 */
export function useJob<K extends JobKind>(onFinished?: (ok: boolean, result: JobResults[K] | null) => void) {
  const [state, setState] = useState<JobState<K>>({ phase: 'idle' })
  const jobId = useRef<string | null>(null)
  const finished = useRef(onFinished)
  useEffect(() => {
    finished.current = onFinished
  }, [onFinished])

  useEffect(() => {
    const offProgress = onEvent('job:progress', (p) => {
      if (p.jobId === jobId.current)
        setState((s) => ({ phase: 'running', jobId: p.jobId, progress: p, startedAt: s.phase === 'running' ? s.startedAt : Date.now() }))
    })
    const offFinished = onEvent('job:finished', (f) => {
      if (f.jobId !== jobId.current) return
      jobId.current = null
      if (f.ok) {
        // The job id is one this hook started with a request of kind K, so the result is K's.
        const result = f.result as JobResults[K]
        setState({ phase: 'done', result })
        finished.current?.(true, result)
      } else {
        setState({ phase: 'failed', error: new ApiError(f.error) })
        finished.current?.(false, null)
      }
    })
    return () => {
      offProgress()
      offFinished()
    }
  }, [])

  const start = useCallback(async (request: RequestOf<K>) => {
    try {
      const { jobId: id } = await call('job:start', request)
      jobId.current = id
      setState({ phase: 'running', jobId: id, progress: null, startedAt: Date.now() })
    } catch (e) {
      setState({ phase: 'failed', error: e instanceof ApiError ? e : new ApiError({ code: 'INTERNAL', vi: String(e), en: String(e) }) })
    }
  }, [])

  const cancel = useCallback(() => {
    if (jobId.current) void call('job:cancel', { jobId: jobId.current })
  }, [])

  const reset = useCallback(() => setState({ phase: 'idle' }), [])

  return { state, start, cancel, reset }
}
