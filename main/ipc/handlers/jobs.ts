import { VaxError } from '../../core/base/errors.ts'
import type { JobRequest } from '../../core/jobs/requests.ts'
import { hasUsers } from '../../core/users/accounts.ts'
import type { Session } from '../session.ts'
import type { HandlerMap } from './types.ts'

/** Who a job acts for comes from the session, whatever the renderer sent. */
function actingAs(s: Session, req: JobRequest): JobRequest {
  switch (req.kind) {
    case 'export':
      // A batch is signed by whoever is signed in (their password opens the key in the job).
      if (req.signer !== s.user.name) {
        throw new VaxError('EXPORT_SIGNER', {
          vi: 'Chỉ người đang đăng nhập mới ký được lô.',
          en: 'Only the signed-in user can sign a batch.'
        })
      }
      return { ...req, outDir: s.paths.require(req.outDir, 'export-dir') }
    case 'import': {
      const actor = s.user.name
      return { ...req, path: s.paths.require(req.path, 'import'), actor }
    }
    case 'review-bulk':
    case 'review-undo':
      return { ...req, userId: s.user.id }
    case 'sample':
      // The sample fills a workspace just made, before its first user exists; after that it needs a sign-in.
      if (hasUsers(s.workspace)) void s.user
      return req
    default:
      // Every other job acts on workspace data: nobody signed in, no job.
      void s.user
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
