import { VaxError } from '../base/errors.ts'
import type { User } from '../users/users.ts'
import type { Verdict } from './schema.ts'

/**
 * The four-eyes rule, in one place for the IPC, the CLI and the UI: only supervisors
 * decide, and nobody approves a correction they proposed themselves. Rejecting one's
 * own proposal, or withdrawing an approval, only keeps a correction from leaving, so
 * those are allowed.
 */
export function mayDecide(actor: User): boolean {
  return actor.role === 'supervisor'
}

export function ownAmong(actor: User, verdict: Verdict, targets: readonly { id: number; proposed_by: number }[]): number[] {
  return verdict === 'approve' ? targets.filter((t) => t.proposed_by === actor.id).map((t) => t.id) : []
}

export const notSupervisorError = () =>
  new VaxError('APPROVE_NOT_SUPERVISOR', {
    vi: 'Chỉ người phê duyệt (supervisor) mới được phê duyệt, từ chối hoặc rút lại phê duyệt.',
    en: 'Only a supervisor may approve, reject or withdraw an approval.'
  })

export const selfApprovalError = (ids: readonly number[]) =>
  new VaxError(
    'APPROVE_OWN_PROPOSAL',
    {
      vi: `Không ai được phê duyệt đề xuất của chính mình (đề xuất số ${ids.slice(0, 10).join(', ')}${ids.length > 10 ? '…' : ''}). Hãy nhờ một người phê duyệt khác.`,
      en: `Nobody may approve their own proposal (proposal ${ids.slice(0, 10).join(', ')}${ids.length > 10 ? '…' : ''}). Ask another supervisor.`
    },
    { ids: ids.slice(0, 100) }
  )
