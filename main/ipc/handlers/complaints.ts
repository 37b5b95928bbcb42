import { complaintQueue } from '../../core/review/complaint-queue.ts'
import { complaintEvidence, resolveComplaint } from '../../core/review/complaints.ts'
import type { Session } from '../session.ts'
import type { HandlerMap } from './types.ts'

export function complaintHandlers(s: Session): HandlerMap<'complaints:queue' | 'complaints:evidence' | 'complaints:resolve'> {
  return {
    'complaints:queue': (req) => complaintQueue(s.workspace, req),
    'complaints:evidence': ({ recordId }) => complaintEvidence(s.workspace, recordId),
    'complaints:resolve': (req) => resolveComplaint(s.workspace, s.user, req)
  }
}
