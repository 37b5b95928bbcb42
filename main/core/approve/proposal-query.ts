import { fieldLabel } from '../records/labels.ts'
import type { Workspace } from '../workspace/workspace.ts'
import {
  CORRECTION_KIND_SQL,
  countCorrections,
  readCorrections,
  readCorrectionTargets,
  type CorrectionRow,
  type CorrectionTarget,
  type CorrectionWhere
} from '../records/correction-reads.ts'
import type { ActVerdict } from './approval-signature.ts'
import type { CorrectionKind, ProposalFilter, ProposalRow, ProposalStatus } from './schema.ts'

// The query itself (the person, evidence and latest decision of each proposal) is a
// reader of records/ (records/correction-reads.ts); here it gets the domain's types.

export type ProposalDbRow = CorrectionRow<ProposalStatus, CorrectionKind, ActVerdict>

export type Where = CorrectionWhere

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
  if (filter.kinds?.length) inList(CORRECTION_KIND_SQL, filter.kinds)
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
  return readCorrections<ProposalStatus, CorrectionKind, ActVerdict>(ws.db, where, page)
}

export function countProposals(ws: Workspace, where: Where, groupBy?: 'p.status' | 'kind' | 'p.field'): Record<string, number> {
  return countCorrections(ws.db, where, groupBy)
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
export function selectTargets(ws: Workspace, where: Where): CorrectionTarget<ProposalStatus>[] {
  return readCorrectionTargets<ProposalStatus>(ws.db, where)
}

/** A selection by ids as a Where; json_each keeps a 100,000-id list to one bound parameter. */
export function whereIds(ids: readonly number[]): Where {
  return { sql: 'p.id IN (SELECT value FROM json_each(?))', params: [JSON.stringify(ids)] }
}
