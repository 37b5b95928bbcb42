import { VaxError } from '../../core/errors.ts'
import type { Session } from '../session.ts'
import type { HandlerMap } from './types.ts'

export function jobHandlers(s: Session): HandlerMap<'job:start' | 'job:cancel'> {
  return {
    'job:start': (req) => {
      // A batch is signed by whoever is signed in (their password opens the key in the job).
      if (req.kind === 'export' && req.signer !== s.user.name) {
        throw new VaxError('EXPORT_SIGNER', { vi: 'Chỉ người đang đăng nhập mới ký được lô.', en: 'Only the signed-in user can sign a batch.' })
      }
      // An import is recorded under the signed-in user, whatever the renderer sent.
      // Review jobs act for the signed-in user (reading s.user refuses when nobody is).
      const request =
        req.kind === 'import'
          ? { ...req, actor: s.userOrNull?.name ?? null }
          : req.kind === 'review-bulk' || req.kind === 'review-undo'
            ? { ...req, userId: s.user.id }
            : req
      return { jobId: s.jobs.start(s.workspace.path, request).id }
    },
    'job:cancel': ({ jobId }) => ({ cancelled: s.jobs.cancel(jobId) })
  }
}
