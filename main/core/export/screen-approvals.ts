import { checkActs, type ActProblem } from '../approve/approval-signature.ts'
import type { Db } from '../workspace/workspace.ts'
import { exportedBefore } from './manifest.ts'

/** Why an approved-looking correction does not leave. */
export type RefusalReason =
  'unsigned' | `act-${ActProblem}` | 'not-approved' | 'own-proposal' | 'approver-mismatch' | 'already-exported' | 'log-mismatch'

export interface RefusedCorrection {
  id: number
  reason: RefusalReason
}

export const REFUSAL_TEXT: Record<RefusalReason, { vi: string; en: string }> = {
  unsigned: { vi: 'phê duyệt không có chữ ký của người phê duyệt', en: "the approval carries no approver's signature" },
  'act-missing': { vi: 'không tìm thấy quyết định đã ký', en: 'the signed decision is missing' },
  'act-content': { vi: 'nội dung đã bị sửa sau khi phê duyệt', en: 'the content was changed after it was approved' },
  'act-key': { vi: 'khoá ký không thuộc một người phê duyệt được xác nhận', en: 'the key does not belong to an endorsed supervisor' },
  'act-signature': { vi: 'chữ ký phê duyệt không hợp lệ', en: 'the approval signature is not valid' },
  'not-approved': { vi: 'quyết định đã ký không phải là phê duyệt', en: 'the signed decision is not an approval' },
  'own-proposal': { vi: 'người phê duyệt chính là người đề xuất', en: 'the approver is the proposer' },
  'approver-mismatch': { vi: 'người phê duyệt ghi trong bảng khác người đã ký', en: 'the recorded approver is not the one who signed' },
  'already-exported': { vi: 'đã được xuất trong một lô trước', en: 'it already left in an earlier batch' },
  'log-mismatch': {
    vi: 'nhật ký kiểm toán ghi một quyết định khác (có thể một lần rút lại phê duyệt đã bị xoá)',
    en: 'the audit log records a different decision (a withdrawal may have been deleted)'
  }
}

/**
 * Each proposal's latest decision act, as the append-only log recorded it: deleting a
 * later withdrawal from the approvals table does not bring an earlier approval back. And
 * every correction the log says has left: listed in its batch's entry (or, for batches
 * exported before that, one 'export.correction' entry each).
 */
function loggedDecisions(db: Db): { acts: Map<number, number | null>; exported: Set<number> } {
  const rows = db
    .prepare(
      `SELECT entity_id AS id, action, json_extract(new_json, '$.actId') AS act FROM audit_log
       WHERE entity = 'proposal' AND action IN ('approval.approve', 'approval.reject', 'approval.withdraw', 'export.correction') ORDER BY seq`
    )
    .all() as { id: string; action: string; act: number | null }[]
  const acts = new Map<number, number | null>()
  const exported = new Set<number>()
  for (const r of rows) {
    if (r.action === 'export.correction') exported.add(Number(r.id))
    else acts.set(Number(r.id), r.act)
  }
  const listed = db.prepare(
    `SELECT j.value AS id FROM audit_log, json_each(audit_log.new_json, '$.ids') j WHERE audit_log.action = 'export.batch'`
  )
  for (const r of listed.all() as { id: number }[]) exported.add(r.id)
  return { acts, exported }
}

/** A correction with its latest approval, as correction-reads.ts reads them. */
export interface ScreenRow {
  id: number
  proposed_by: number
  approval_id: number | null
  verdict: string | null
  decided_by: number | null
  approval_act_id: number | null
}

export interface ApprovalProof {
  actId: number
  keyId: string
  /** The correction's digest as the act's signature covers it: what the batch's manifest lists. */
  digest: Buffer
}

/**
 * The export's four-eyes check, on the file as it is now: a correction leaves only with a
 * genuine approval, signed over its current content by an endorsed supervisor other than
 * its proposer, and only if no earlier signed batch carried it.
 */
export function screenApprovals(db: Db, rows: readonly ScreenRow[]): { proofs: Map<number, ApprovalProof>; refused: RefusedCorrection[] } {
  const acts = checkActs(
    db,
    rows.flatMap((r) => (r.approval_id !== null && r.approval_act_id !== null ? [r.approval_act_id] : []))
  )
  const gone = exportedBefore(db)
  const logged = loggedDecisions(db)
  const proofs = new Map<number, ApprovalProof>()
  const refused: RefusedCorrection[] = []
  for (const row of rows) {
    const actId = row.approval_id === null ? null : row.approval_act_id
    const act = actId !== null ? acts.get(actId) : undefined
    const reason: RefusalReason | null =
      gone.has(row.id) || logged.exported.has(row.id)
        ? 'already-exported'
        : actId === null || !act
          ? 'unsigned'
          : !act.ok
            ? `act-${act.problem ?? 'signature'}`
            : act.verdict !== 'approved' || row.verdict !== 'approved'
              ? 'not-approved'
              : act.decidedBy !== row.decided_by
                ? 'approver-mismatch'
                : act.decidedBy === row.proposed_by
                  ? 'own-proposal'
                  : logged.acts.get(row.id) !== actId
                    ? 'log-mismatch'
                    : null
    const digest = act?.digests.get(row.id)
    if (reason) refused.push({ id: row.id, reason })
    else if (actId !== null && act?.keyId && digest) proofs.set(row.id, { actId, keyId: act.keyId, digest })
    else refused.push({ id: row.id, reason: 'act-content' })
  }
  return { proofs, refused }
}

/** The refusal as one bilingual message with ids, for the export's report and the CLI. */
export function describeRefusals(refused: readonly RefusedCorrection[]): { vi: string; en: string } | null {
  if (refused.length === 0) return null
  const by = new Map<RefusalReason, number[]>()
  for (const r of refused) {
    const ids = by.get(r.reason)
    if (ids) ids.push(r.id)
    else by.set(r.reason, [r.id])
  }
  const lines = (lang: 'vi' | 'en') =>
    [...by].map(([reason, ids]) => `${REFUSAL_TEXT[reason][lang]}: ${ids.slice(0, 50).join(', ')}${ids.length > 50 ? '…' : ''}`).join('; ')
  return {
    vi: `${refused.length} điều chỉnh không được xuất vì không có phê duyệt hợp lệ (${lines('vi')}).`,
    en: `${refused.length} corrections were left out for want of a genuine approval (${lines('en')}).`
  }
}
