import { VaxError } from '../../core/errors.ts'
import type { JobRequest } from '../../core/jobs/requests.ts'
import type { Session } from '../session.ts'
import type { HandlerMap } from './types.ts'

/** Who a job acts for comes from the session, whatever the renderer sent. */
function actingAs(s: Session, req: JobRequest): JobRequest {
  switch (req.kind) {
    case 'export':
      // A batch is signed by whoever is signed in (their password opens the key in the job).
      if (req.signer !== s.user.name) {
        throw new VaxError('EXPORT_SIGNER', { vi: 'Chỉ người đang đăng nhập mới ký được lô.', en: 'Only the signed-in user can sign a batch.' })
      }
      return req
    case 'import':
      return { ...req, actor: s.userOrNull?.name ?? null }
    case 'review-bulk':
    case 'review-undo':
      // Reading s.user refuses when nobody is signed in.
      return { ...req, userId: s.user.id }
    default:
      return req
  }
}

export function jobHandlers(s: Session): HandlerMap<'job:start' | 'job:cancel'> {
  return {
    'job:start': (req) => {
      const request = actingAs(s, req)
      return { jobId: s.jobs.start(s.workspace.path, request, s.workspace.key).id }
    },
    'job:cancel': ({ jobId }) => ({ cancelled: s.jobs.cancel(jobId) })
  }
}
