import type { Db } from '../base/sqlite-driver.ts'

/**
 * The one query shape for corrections (proposals) with the person, the evidence and the
 * latest decision: the approval queue, bulk decisions and the export batch all see the
 * same person, evidence and verdict for a proposal.
 *
 * The person is the registry person the corrected row is linked to (their CCCD and name
 * are what the national platform knows them by); without a link, the row itself.
 *
 * Filters are SQL over these aliases: p (proposals), r (the corrected record), d (its
 * diff), a (the latest approval) and CORRECTION_KIND_SQL.
 */
const FROM = `
FROM proposals p
JOIN users pu ON pu.id = p.proposed_by
LEFT JOIN diffs d ON d.id = p.diff_id
LEFT JOIN records r ON r.id = p.record_id
LEFT JOIN imports imp ON imp.id = r.import_id
LEFT JOIN records reg ON reg.id = COALESCE(
  (SELECT l.registry_record_id FROM links l WHERE l.id = d.link_id),
  CASE WHEN r.kind = 'registry' THEN r.id END,
  (SELECT l.registry_record_id FROM links l
    WHERE l.registry_record_id IS NOT NULL
      AND ((l.subject_kind = 'person' AND l.subject_id = r.person_id) OR (l.subject_kind = 'complaint' AND l.subject_id = r.id))
    ORDER BY l.id DESC LIMIT 1))
LEFT JOIN approvals a ON a.id = (SELECT max(id) FROM approvals WHERE proposal_id = p.id)
LEFT JOIN users au ON au.id = a.decided_by
LEFT JOIN export_batches b ON b.id = p.batch_id`

/** A correction's kind: its diff's class, or 'manual' for one proposed without a diff. */
export const CORRECTION_KIND_SQL = `COALESCE(d.class, 'manual')`

const COLUMNS = `
  p.id, p.record_id, p.target, p.field, p.old_value, p.new_value, p.reason, p.evidence AS note, p.status, p.proposed_at,
  p.proposed_by, pu.name AS proposed_by_name, ${CORRECTION_KIND_SQL} AS kind,
  COALESCE(reg.national_id, r.national_id) AS national_id,
  COALESCE(reg.full_name, r.full_name) AS full_name,
  r.site_name, imp.file_name AS source_file, r.source_sheet, r.source_row,
  a.id AS approval_id, a.verdict, a.decided_at, a.comment, a.decided_by, a.act_id AS approval_act_id, au.name AS decided_by_name,
  b.batch_no`

/**
 * One correction as the query returns it. Status, kind and verdict are the domain's
 * types (approve/schema.ts, above this tier), passed in; the tables' CHECK constraints
 * (proposals.status, diffs.class, approvals.verdict) hold them to those values.
 */
export interface CorrectionRow<Status extends string = string, Kind extends string = string, Verdict extends string = string> {
  id: number
  record_id: number | null
  target: string
  field: string
  old_value: string | null
  new_value: string | null
  reason: string | null
  note: string | null
  status: Status
  proposed_at: string
  proposed_by: number
  proposed_by_name: string
  kind: Kind
  national_id: string | null
  full_name: string | null
  site_name: string | null
  source_file: string | null
  source_sheet: string | null
  source_row: number | null
  approval_id: number | null
  /** The latest approval's approver and signed act, which the export's four-eyes check reads. */
  decided_by: number | null
  approval_act_id: number | null
  verdict: Verdict | null
  decided_at: string | null
  comment: string | null
  decided_by_name: string | null
  batch_no: string | null
}

export interface CorrectionWhere {
  sql: string
  params: unknown[]
}

/** The corrections a filter selects, by id, optionally one page of them. */
export function readCorrections<S extends string, K extends string, V extends string>(
  db: Db,
  where: CorrectionWhere,
  page?: { offset: number; limit: number }
): CorrectionRow<S, K, V>[] {
  const limit = page ? ` LIMIT ${Math.max(0, Math.floor(page.limit))} OFFSET ${Math.max(0, Math.floor(page.offset))}` : ''
  return db.prepare(`SELECT ${COLUMNS} ${FROM} WHERE ${where.sql} ORDER BY p.id${limit}`).all(...where.params) as CorrectionRow<S, K, V>[]
}

/** How many corrections a filter selects, in all or by status, kind or field. */
export function countCorrections(db: Db, where: CorrectionWhere, groupBy?: 'p.status' | 'kind' | 'p.field'): Record<string, number> {
  const key = groupBy === 'kind' ? CORRECTION_KIND_SQL : (groupBy ?? `'all'`)
  const rows = db
    .prepare(`SELECT ${key} AS k, count(*) AS n ${FROM} WHERE ${where.sql} GROUP BY 1`)
    .all(...where.params) as CorrectionCount[]
  return Object.fromEntries(rows.map((r) => [r.k, r.n]))
}

interface CorrectionCount {
  k: string
  n: number
}

export interface CorrectionTarget<Status extends string = string> {
  id: number
  status: Status
  proposed_by: number
}

/** Just what a decision needs, for selections of any size. */
export function readCorrectionTargets<S extends string>(db: Db, where: CorrectionWhere): CorrectionTarget<S>[] {
  return db
    .prepare(`SELECT p.id, p.status, p.proposed_by ${FROM} WHERE ${where.sql} ORDER BY p.id`)
    .all(...where.params) as CorrectionTarget<S>[]
}
