import type { Session } from '../session.ts'
import type { HandlerMap } from './types.ts'

export function jobHandlers(s: Session): HandlerMap<'job:start' | 'job:cancel'> {
  return {
    'job:start': (req) => ({ jobId: s.jobs.start(s.workspace.path, req).id }),
    'job:cancel': ({ jobId }) => ({ cancelled: s.jobs.cancel(jobId) })
  }
}
