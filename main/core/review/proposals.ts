import type { Db } from '../workspace/workspace.ts'

/**
 * Every clerk decision that changes a value becomes proposed corrections, one per
 * changed field of one row, for a supervisor to approve (main/core/approve).
 *
 * target says which data the correction applies to:
 * - 'site': a site row's field (record_id is the site row): the vaccination record is
 *   corrected, the usual case;
 * - 'registry': the registry row's field (record_id is the registry row): the clerk kept
 *   the site's value or typed a new one, so the registry is believed wrong;
 * - 'dose': a whole dose, field 'dose': removed (old_value describes it, new_value null;
 *   record_id is the dose row) or added (old_value null; record_id is the row that proves
 *   it: a complaint, or the person's first site row).
 * reason is a short Vietnamese sentence (the batch is Vietnamese); evidence is the
 * clerk's note or the complaint it came from.
 */
export type ProposalTarget = 'site' | 'registry' | 'dose'

export const REASONS = {
  accept_registry: 'Sửa theo CSDL quốc gia về dân cư',
  keep_site: 'Giữ giá trị của điểm tiêm; CSDL dân cư cần điều chỉnh',
  edit: 'Nhập tay sau khi đối chiếu',
  dose_remove: 'Xoá mũi tiêm trùng lặp',
  dose_fix_date: 'Sửa ngày tiêm theo xác nhận của điểm tiêm',
  dose_fix_vaccine: 'Sửa loại vắc xin theo xác nhận của điểm tiêm',
  dose_add: 'Bổ sung mũi tiêm do điểm tiêm xác nhận',
  complaint: 'Khiếu nại được chấp nhận'
} as const
export type ReasonCode = keyof typeof REASONS

export interface NewProposal {
  diffId: number | null
  recordId: number | null
  target: ProposalTarget
  field: string
  oldValue: string | null
  newValue: string | null
  reason: ReasonCode
  /** Appended to the reason: the complaint id, for instance. */
  reasonDetail?: string
  evidence: string | null
  proposedBy: number
  decisionId: number
}

export function proposalStatements(db: Db) {
  return {
    insert: db.prepare(
      `INSERT INTO proposals (diff_id, record_id, target, field, old_value, new_value, reason, evidence, proposed_by, proposed_at, decision_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
    )
  }
}

export const reasonText = (code: ReasonCode, detail?: string): string => (detail ? `${REASONS[code]}: ${detail}` : REASONS[code])

export function insertProposal(stmts: ReturnType<typeof proposalStatements>, p: NewProposal, at: string): number {
  const reason = reasonText(p.reason, p.reasonDetail)
  return Number(
    stmts.insert.run(
      p.diffId,
      p.recordId,
      p.target,
      p.field,
      p.oldValue,
      p.newValue,
      reason,
      p.evidence || null,
      p.proposedBy,
      at,
      p.decisionId
    ).lastInsertRowid
  )
}
