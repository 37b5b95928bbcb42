import { fieldLabel } from '../records/labels.ts'
import type { Workspace } from '../workspace/workspace.ts'
import type { CorrectionKind, ProposalFilter, ProposalRow, ProposalStatus } from './schema.ts'

/**
 * One query shape for every view of proposals: the approval queue, bulk decisions and
 * the export batch all see the same person, evidence and current verdict for a proposal.
 *
 * The person is the registry person the corrected row is linked to (their CCCD and
 * name are what the national platform knows them by); without a link, the row itself.
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

const KIND = `COALESCE(d.class, 'manual')`

const COLUMNS = `
  p.id, p.record_id, p.target, p.field, p.old_value, p.new_value, p.reason, p.evidence AS note, p.status, p.proposed_at,
  p.proposed_by, pu.name AS proposed_by_name, ${KIND} AS kind,
  COALESCE(reg.national_id, r.national_id) AS national_id,
  COALESCE(reg.full_name, r.full_name) AS full_name,
  r.site_name, imp.file_name AS source_file, r.source_sheet, r.source_row,
  a.id AS approval_id, a.verdict, a.decided_at, a.comment, au.name AS decided_by_name,
  b.batch_no`

export interface ProposalDbRow {
  id: number
  record_id: number | null
  target: string
  field: string
  old_value: string | null
  new_value: string | null
  reason: string | null
  note: string | null
  status: ProposalStatus
  proposed_at: string
  proposed_by: number
  proposed_by_name: string
  kind: CorrectionKind
  national_id: string | null
  full_name: string | null
  site_name: string | null
  source_file: string | null
  source_sheet: string | null
  source_row: number | null
  approval_id: number | null
  verdict: 'approved' | 'rejected' | 'withdrawn' | null
  decided_at: string | null
  comment: string | null
  decided_by_name: string | null
  batch_no: string | null
}

export interface Where {
  sql: string
  params: unknown[]
}

/** The filter as SQL; viewerId is who "mine" means. */
export function whereOf(filter: ProposalFilter, viewerId: number | null): Where {
  const parts: string[] = []
  const params: unknown[] = []
  const inList = (expr: string, values: readonly unknown[]) => {
    parts.push(`${expr} IN (${values.map(() => '?').join(', ')})`)
    params.push(...values)
  }
  inList('p.status', filter.status)
  if (filter.fields?.length) inList('p.field', filter.fields)
  if (filter.kinds?.length) inList(KIND, filter.kinds)
  if (filter.site !== undefined) {
    parts.push(`COALESCE(r.site_name, '') = ?`)
    params.push(filter.site)
  }
  if (filter.proposedBy !== undefined) {
    parts.push('p.proposed_by = ?')
    params.push(filter.proposedBy)
  }
  if (filter.excludeMine && viewerId !== null) {
    parts.push('p.proposed_by <> ?')
    params.push(viewerId)
  }
  return { sql: parts.join(' AND '), params }
}

export function selectProposals(ws: Workspace, where: Where, page?: { offset: number; limit: number }): ProposalDbRow[] {
  const limit = page ? ` LIMIT ${Math.max(0, Math.floor(page.limit))} OFFSET ${Math.max(0, Math.floor(page.offset))}` : ''
  return ws.db.prepare(`SELECT ${COLUMNS} ${FROM} WHERE ${where.sql} ORDER BY p.id${limit}`).all(...where.params) as ProposalDbRow[]
}

export function countProposals(ws: Workspace, where: Where, groupBy?: 'p.status' | 'kind' | 'p.field'): Record<string, number> {
  const key = groupBy === 'kind' ? KIND : (groupBy ?? `'all'`)
  const rows = ws.db.prepare(`SELECT ${key} AS k, count(*) AS n ${FROM} WHERE ${where.sql} GROUP BY 1`).all(...where.params) as {
    k: string
    n: number
  }[]
  return Object.fromEntries(rows.map((r) => [r.k, r.n]))
}

/** "file, sheet, row N": where the corrected value was read, for the receiving side to check. */
export function evidenceOf(r: Pick<ProposalDbRow, 'source_file' | 'source_sheet' | 'source_row' | 'note'>): string {
  const where = r.source_file
    ? [r.source_file, r.source_sheet ? `trang ${r.source_sheet}` : null, r.source_row !== null ? `dòng ${r.source_row}` : null]
    : []
  return [...where.filter((x): x is string => x !== null), r.note].filter((x) => x !== null && x !== '').join(', ')
}

export function toProposalRow(r: ProposalDbRow): ProposalRow {
  return {
    id: r.id,
    target: r.target,
    field: r.field,
    fieldLabel: fieldLabel(r.field),
    oldValue: r.old_value,
    newValue: r.new_value,
    reason: r.reason,
    kind: r.kind,
    status: r.status,
    nationalId: r.national_id,
    fullName: r.full_name,
    siteName: r.site_name,
    evidence: evidenceOf(r),
    proposedBy: { id: r.proposed_by, name: r.proposed_by_name },
    proposedAt: r.proposed_at,
    decision:
      r.verdict && r.decided_at && r.decided_by_name
        ? { verdict: r.verdict, by: r.decided_by_name, at: r.decided_at, comment: r.comment }
        : null,
    batchNo: r.batch_no
  }
}

/** Just what a decision needs, for selections of any size. */
export function selectTargets(ws: Workspace, where: Where): { id: number; status: ProposalStatus; proposed_by: number }[] {
  return ws.db.prepare(`SELECT p.id, p.status, p.proposed_by ${FROM} WHERE ${where.sql} ORDER BY p.id`).all(...where.params) as {
    id: number
    status: ProposalStatus
    proposed_by: number
  }[]
}

/** A selection by ids as a Where; json_each keeps a 100,000-id list to one bound parameter. */
export function whereIds(ids: readonly number[]): Where {
  return { sql: 'p.id IN (SELECT value FROM json_each(?))', params: [JSON.stringify(ids)] }
}
