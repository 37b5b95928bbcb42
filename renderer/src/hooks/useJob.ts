import { useCallback, useEffect, useRef, useState } from 'react'
import type { EventPayload, Req } from '../../../main/ipc/contract.ts'
import { ApiError, call, onEvent } from '../api/client.ts'

type Progress = EventPayload<'job:progress'>

export type JobState =
  | { phase: 'idle' }
  | { phase: 'running'; jobId: string; progress: Progress | null; startedAt: number }
  | { phase: 'done'; result: unknown }
  | { phase: 'failed'; error: ApiError }

/**
 * Starts a long job in the worker and follows its events. The UI stays live because the
 * work happens off the main thread; this hook only tracks what the worker reports.
 */
export function useJob(onFinished?: (ok: boolean, result: unknown) => void) {
  const [state, setState] = useState<JobState>({ phase: 'idle' })
  const jobId = useRef<string | null>(null)
  const finished = useRef(onFinished)
  useEffect(() => {
    finished.current = onFinished
  }, [onFinished])

  useEffect(() => {
    const offProgress = onEvent('job:progress', (p) => {
      if (p.jobId === jobId.current) setState((s) => ({ phase: 'running', jobId: p.jobId, progress: p, startedAt: s.phase === 'running' ? s.startedAt : Date.now() }))
    })
    const offFinished = onEvent('job:finished', (f) => {
      if (f.jobId !== jobId.current) return
      jobId.current = null
      if (f.ok) setState({ phase: 'done', result: f.result })
      else setState({ phase: 'failed', error: new ApiError(f.error) })
      finished.current?.(f.ok, f.ok ? f.result : null)
    })
    return () => {
      offProgress()
      offFinished()
    }
  }, [])

  const start = useCallback(async (request: Req<'job:start'>) => {
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
