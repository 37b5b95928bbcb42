import { VaxError } from '../base/errors.ts'
import type { Db } from '../workspace/workspace.ts'
import type { ReviewField } from './fields.ts'
import { changeDiff, diffStatements, type Decision } from './log.ts'
import { insertProposal, proposalStatements, type ReasonCode } from './proposals.ts'
import { SITE_ROW_IDS_OF_PERSON, siteRowsOfPersonReader } from '../records/site-rows-of-person.ts'

/**
 * Writes the effect of value decisions on cells (one link, one field): the diffs' new
 * status and the proposed corrections. Shared by single, row and bulk decisions.
 */

export interface LinkRow {
  id: number
  subject_kind: 'person' | 'complaint'
  subject_id: number
  registry_record_id: number | null
  status: string
}

export interface CellDiff {
  id: number
  link_id: number
  record_id: number
  field: ReviewField
  site_value: string | null
  registry_value: string | null
  class: string
  detail: string
  status: string
  note: string | null
  decision_id: number | null
}

export const DIFF_COLS = 'id, link_id, record_id, field, site_value, registry_value, class, detail, status, note, decision_id'
export const isPending = (d: CellDiff): boolean => d.status === 'open' || d.status === 'deferred'

export function loadLink(db: Db, linkId: number): LinkRow {
  const link = db.prepare('SELECT id, subject_kind, subject_id, registry_record_id, status FROM links WHERE id = ?').get(linkId) as
    LinkRow | undefined
  if (!link) {
    throw new VaxError(
      'REVIEW_LINK_NOT_FOUND',
      { vi: 'Không tìm thấy dòng đối soát này.', en: 'This review row was not found.' },
      { linkId }
    )
  }
  return link
}

/** Why a link's values cannot be corrected yet, or null when they can. */
export function valueBlocker(link: Pick<LinkRow, 'subject_kind' | 'status'>): 'complaint' | 'link_unconfirmed' | 'link_inactive' | null {
  if (link.subject_kind !== 'person') return 'complaint'
  if (link.status === 'review') return 'link_unconfirmed'
  if (link.status !== 'auto' && link.status !== 'confirmed') return 'link_inactive'
  return null
}

export function assertValueDecidable(link: LinkRow): void {
  switch (valueBlocker(link)) {
    case 'complaint':
      throw new VaxError('REVIEW_COMPLAINT_ROW', {
        vi: 'Dòng này là một khiếu nại: hãy xử lý ở mục Khiếu nại, không sửa giá trị tại đây.',
        en: 'This row is a complaint: resolve it in the Complaints queue, not by changing values here.'
      })
    case 'link_unconfirmed':
      throw new VaxError('REVIEW_LINK_UNCONFIRMED', {
        vi: 'Liên kết này chưa chắc chắn. Hãy chọn đúng người trong bảng ứng viên (phím c) trước khi sửa giá trị.',
        en: 'This link is not certain yet. Pick the right person in the candidates panel (key c) before changing values.'
      })
    case 'link_inactive':
      throw new VaxError('REVIEW_LINK_INACTIVE', {
        vi: 'Dòng này không còn liên kết với người nào trong CSDL dân cư.',
        en: 'This row is no longer linked to a registry person.'
      })
    case null:
      return
  }
}

export const alreadyApproved = (ids: number[]): VaxError =>
  new VaxError(
    'REVIEW_ALREADY_APPROVED',
    {
      vi: 'Điều chỉnh trước đó của ô này đã được phê duyệt hoặc đã xuất. Hãy đề nghị người phê duyệt rút lại trước khi quyết định lại.',
      en: 'An earlier correction of this cell was already approved or exported. Ask the supervisor to withdraw it before deciding again.'
    },
    { proposals: ids }
  )

function cellStatements(db: Db) {
  return {
    siteRows: siteRowsOfPersonReader(db),
    cellProposals: db.prepare(
      `SELECT id, status FROM proposals
       WHERE field = ? AND target IN ('site', 'registry') AND decision_id IS NOT NULL AND status IN ('proposed', 'approved', 'exported')
         AND (record_id IN (${SITE_ROW_IDS_OF_PERSON}) OR record_id = ?)`
    ),
    recordProposals: db.prepare(
      `SELECT id, status FROM proposals
       WHERE record_id = ? AND field = ? AND target = 'site' AND decision_id IS NOT NULL AND status IN ('proposed', 'approved', 'exported')`
    ),
    supersede: db.prepare("UPDATE proposals SET status = 'superseded' WHERE id = ? AND status = 'proposed'")
  }
}

export class CellWriter {
  readonly created: { id: number; target: string; recordId: number | null; field: string; old: string | null; new: string | null }[] = []
  readonly restore: { id: number; status: string }[] = []
  diffs = 0
  private readonly d: Decision
  private readonly diffStmts: ReturnType<typeof diffStatements>
  private readonly proposalStmts: ReturnType<typeof proposalStatements>
  private readonly stmts: ReturnType<typeof cellStatements>

  constructor(db: Db, d: Decision) {
    this.d = d
    this.diffStmts = diffStatements(db)
    this.proposalStmts = proposalStatements(db)
    this.stmts = cellStatements(db)
  }

  private retireAll(live: { id: number; status: string }[]): void {
    const locked = live.filter((p) => p.status !== 'proposed').map((p) => p.id)
    if (locked.length > 0) throw alreadyApproved(locked)
    for (const p of live) {
      this.stmts.supersede.run(p.id)
      this.restore.push({ id: p.id, status: 'proposed' })
    }
  }

  /** A new decision on a whole cell replaces what earlier decisions proposed for it. */
  retireCell(link: LinkRow, field: ReviewField): void {
    this.retireAll(this.stmts.cellProposals.all(field, link.subject_id, link.registry_record_id) as { id: number; status: string }[])
  }

  /** Bulk decisions touch undecided diffs only: retire just that row's proposals. */
  retireRecord(recordId: number, field: ReviewField): boolean {
    const live = this.stmts.recordProposals.all(recordId, field) as { id: number; status: string }[]
    if (live.some((p) => p.status !== 'proposed')) return false
    this.retireAll(live)
    return true
  }

  private propose(p: {
    diffId: number | null
    recordId: number | null
    target: 'site' | 'registry'
    field: ReviewField
    old: string | null
    new: string | null
    reason: ReasonCode
    note: string
  }): void {
    const id = insertProposal(
      this.proposalStmts,
      {
        diffId: p.diffId,
        recordId: p.recordId,
        target: p.target,
        field: p.field,
        oldValue: p.old,
        newValue: p.new,
        reason: p.reason,
        evidence: p.note,
        proposedBy: this.d.user.id,
        decisionId: this.d.id
      },
      this.d.at
    )
    this.created.push({ id, target: p.target, recordId: p.recordId, field: p.field, old: p.old, new: p.new })
  }

  /** Each site row takes the registry's value. Diffs with nothing in the registry are left. */
  accept(diffs: CellDiff[], note: string): void {
    for (const d of diffs) {
      if (d.registry_value === null) continue
      this.propose({
        diffId: d.id,
        recordId: d.record_id,
        target: 'site',
        field: d.field,
        old: d.site_value,
        new: d.registry_value,
        reason: 'accept_registry',
        note
      })
      changeDiff(this.diffStmts, this.d, d.id, 'accepted', note || null)
      this.diffs++
    }
  }

  /**
   * The person's true value for this field is `value`: every row holding something else
   * is corrected, the registry included.
   */
  settle(
    link: LinkRow,
    field: ReviewField,
    diffs: CellDiff[],
    registryValue: string | null,
    value: string,
    reason: 'keep_site' | 'edit',
    note: string
  ): void {
    if (registryValue !== value && link.registry_record_id !== null) {
      this.propose({
        diffId: diffs[0]?.id ?? null,
        recordId: link.registry_record_id,
        target: 'registry',
        field,
        old: registryValue,
        new: value,
        reason,
        note
      })
    }
    for (const r of this.stmts.siteRows(link.subject_id)) {
      const current = r[field] === '' ? null : r[field]
      if (current === value) continue
      const diff = diffs.find((d) => d.record_id === r.id)
      this.propose({ diffId: diff?.id ?? null, recordId: r.id, target: 'site', field, old: current, new: value, reason, note })
    }
    for (const d of diffs) {
      changeDiff(this.diffStmts, this.d, d.id, reason === 'keep_site' ? 'kept' : 'edited', note || null)
      this.diffs++
    }
  }

  defer(diffs: CellDiff[], note: string): void {
    for (const d of diffs) {
      changeDiff(this.diffStmts, this.d, d.id, 'deferred', note || null)
      this.diffs++
    }
  }
}

/** The one site value all rows of a cell share, or undefined when they disagree. */
export function unanimous(diffs: CellDiff[]): string | null | undefined {
  const values = new Set(diffs.map((d) => d.site_value))
  return values.size === 1 ? diffs[0]?.site_value : undefined
}
