import { VaxError } from '../errors.ts'
import type { User } from '../users/users.ts'
import type { Db, Workspace } from '../workspace/workspace.ts'
import { assertValueDecidable, CellWriter, DIFF_COLS, isPending, loadLink, unanimous, valueBlocker, type CellDiff, type LinkRow } from './cells.ts'
import { normalizeEdit } from './edit.ts'
import type { ReviewField } from './fields.ts'
import { rowWhere } from './filter.ts'
import { auditDecision, openDecision, setUndoData } from './log.ts'
import { refreshRows } from './rows.ts'
import type { BulkAction, BulkPreview, BulkRequest, DecideRequest, DecisionResult, ReviewFilter } from './schemas.ts'
import { bumpGeneration } from './generation.ts'

const nothing = (): VaxError =>
  new VaxError('REVIEW_NOTHING_TO_DECIDE', {
    vi: 'Không có khác biệt nào để quyết định ở đây.',
    en: 'There is no difference to decide here.'
  })

const cellDiffs = (db: Db, linkId: number, field: ReviewField): CellDiff[] =>
  db.prepare(`SELECT ${DIFF_COLS} FROM diffs WHERE link_id = ? AND field = ? AND status <> 'unlinked' ORDER BY record_id`).all(linkId, field) as CellDiff[]

const registryValue = (db: Db, link: LinkRow, field: ReviewField): string | null =>
  link.registry_record_id === null ? null : ((db.prepare(`SELECT ${field} FROM records WHERE id = ?`).pluck().get(link.registry_record_id) as string | null) ?? null)

const pendingFields = (db: Db, linkId: number): ReviewField[] =>
  (db.prepare("SELECT DISTINCT field FROM diffs WHERE link_id = ? AND status IN ('open', 'deferred') ORDER BY field").all(linkId) as { field: ReviewField }[]).map(
    (r) => r.field
  )

function keepValue(diffs: CellDiff[], requested: string | undefined, strict: boolean): string | null {
  const fail = (code: string, vi: string, en: string): null => {
    if (strict) throw new VaxError(code, { vi, en })
    return null
  }
  if (requested !== undefined) {
    if (!diffs.some((d) => d.site_value === requested)) {
      return fail('REVIEW_KEEP_UNKNOWN', 'Giá trị cần giữ không có ở dòng nào của điểm tiêm; hãy dùng "Sửa".', 'That value is on no site row; use Edit instead.')
    }
    return requested
  }
  const v = unanimous(diffs)
  if (v === undefined) {
    return fail('REVIEW_SITE_VALUES_DIFFER', 'Các dòng của điểm tiêm ghi khác nhau: hãy chọn giá trị cần giữ, hoặc sửa tay.', 'The site rows disagree: choose which value to keep, or edit it.')
  }
  if (v === null) return fail('REVIEW_SITE_EMPTY', 'Điểm tiêm để trống trường này: không có gì để giữ.', 'The site left this field empty: there is nothing to keep.')
  return v
}

/** One clerk decision on a cell, or on every undecided cell of a row. */
export function decide(ws: Workspace, user: User, req: DecideRequest): DecisionResult {
  return ws.tx(() => {
    const db = ws.db
    const link = loadLink(db, req.linkId)
    if (req.action !== 'defer') assertValueDecidable(link)
    if (req.action === 'edit' && !req.field) {
      throw new VaxError('REVIEW_EDIT_NEEDS_FIELD', { vi: 'Hãy chọn ô cần sửa.', en: 'Choose the cell to edit.' })
    }
    const edited = req.action === 'edit' && req.field ? normalizeEdit(req.field, req.value ?? '') : null
    const fields = req.field ? [req.field] : pendingFields(db, link.id)
    const d = openDecision(db, user, req.action, req.field ? 'cell' : 'row', { linkId: link.id, fields, value: edited?.value ?? req.value ?? null })
    const w = new CellWriter(db, d)
    const strict = req.field !== undefined
    for (const field of fields) {
      const all = cellDiffs(db, link.id, field)
      const diffs = strict ? all : all.filter(isPending)
      if (req.action === 'edit' && edited) {
        // A field that agrees can still be wrong on both sides: an edit needs no diff.
        w.retireCell(link, field)
        w.settle(link, field, all, registryValue(db, link, field), edited.value, 'edit', req.note)
        continue
      }
      if (diffs.length === 0) continue
      if (req.action === 'defer') {
        w.defer(diffs, req.note)
        continue
      }
      if (req.action === 'accept_registry') {
        if (diffs.every((x) => x.registry_value === null)) {
          if (strict) {
            throw new VaxError('REVIEW_REGISTRY_EMPTY', {
              vi: 'CSDL dân cư để trống trường này: hãy giữ giá trị của điểm tiêm hoặc sửa tay.',
              en: 'The registry has nothing in this field: keep the site value or edit it.'
            })
          }
          continue
        }
        w.retireCell(link, field)
        w.accept(diffs, req.note)
        continue
      }
      const value = keepValue(all, req.value, strict)
      if (value === null) continue
      w.retireCell(link, field)
      w.settle(link, field, all, registryValue(db, link, field), value, 'keep_site', req.note)
    }
    if (w.diffs === 0 && w.created.length === 0) {
      if (req.action === 'edit') {
        throw new VaxError('REVIEW_EDIT_NO_CHANGE', { vi: 'Giá trị nhập giống giá trị hiện có ở mọi nơi.', en: 'The value typed is already everywhere.' })
      }
      throw nothing()
    }
    setUndoData(db, d.id, { restore: w.restore })
    refreshRows(db, 'SELECT ?', [link.id])
    bumpGeneration(db)
    auditDecision(db, d, req.action, {
      new: { linkId: link.id, fields, proposals: w.created },
      reason: req.note || null
    })
    return { decisionId: d.id, diffs: w.diffs, proposals: w.created.length, warnings: edited?.warnings ?? [] }
  })
}

interface BulkDiff extends CellDiff {
  subject_kind: 'person' | 'complaint'
  subject_id: number
  registry_record_id: number | null
  band: string
}

interface Plan {
  cells: { link: LinkRow; field: ReviewField; diffs: CellDiff[]; all: CellDiff[]; value: string | null }[]
  preview: BulkPreview
}

const inc = (o: Record<string, number>, k: string, n = 1): void => {
  o[k] = (o[k] ?? 0) + n
}

/**
 * What a bulk rule would decide: the undecided diffs of the rows the filter shows,
 * narrowed by its class and field facets, minus those the action cannot decide.
 */
function planBulk(db: Db, filter: ReviewFilter, action: BulkAction): Plan {
  const where = rowWhere(filter, 'rr')
  const diffWhere: string[] = [filter.statuses.includes('deferred') ? "d.status IN ('open', 'deferred')" : "d.status = 'open'"]
  const params: unknown[] = [...where.params]
  if (filter.classes.length > 0) {
    diffWhere.push(`d.class IN (${filter.classes.map(() => '?').join(', ')})`)
    params.push(...filter.classes)
  }
  if (filter.fields.length > 0) {
    diffWhere.push(`d.field IN (${filter.fields.map(() => '?').join(', ')})`)
    params.push(...filter.fields)
  }
  const rows = db
    .prepare(
      `SELECT ${DIFF_COLS.split(', ').map((c) => `d.${c}`).join(', ')}, l.subject_kind, l.subject_id, l.registry_record_id, l.status AS band
       FROM review_rows rr JOIN diffs d ON d.link_id = rr.link_id JOIN links l ON l.id = rr.link_id
       WHERE ${where.sql} AND ${diffWhere.join(' AND ')}
       ORDER BY d.link_id, d.field, d.record_id`
    )
    .all(...params) as BulkDiff[]

  const preview: BulkPreview = { diffs: 0, rows: 0, proposals: 0, byClass: {}, byField: {}, skipped: {} }
  const cells: Plan['cells'] = []
  const links = new Set<number>()
  const allOf = db.prepare(`SELECT ${DIFF_COLS} FROM diffs WHERE link_id = ? AND field = ? AND status <> 'unlinked' ORDER BY record_id`)
  const records = db.prepare("SELECT full_name, dob, gender, national_id, phone, address FROM records WHERE person_id = ? AND kind = 'site'")
  let i = 0
  while (i < rows.length) {
    const head = rows[i] as BulkDiff
    const diffs: BulkDiff[] = []
    while (i < rows.length && rows[i]?.link_id === head.link_id && rows[i]?.field === head.field) diffs.push(rows[i++] as BulkDiff)
    const link: LinkRow = { id: head.link_id, subject_kind: head.subject_kind, subject_id: head.subject_id, registry_record_id: head.registry_record_id, status: head.band }
    const blocker = action === 'defer' ? null : valueBlocker(link)
    if (blocker) {
      inc(preview.skipped, blocker, diffs.length)
      continue
    }
    let chosen: CellDiff[] = diffs
    let all: CellDiff[] = diffs
    let value: string | null = null
    let proposals = 0
    if (action === 'accept_registry') {
      chosen = diffs.filter((d) => d.registry_value !== null)
      if (chosen.length < diffs.length) inc(preview.skipped, 'registry_empty', diffs.length - chosen.length)
      proposals = chosen.length
    } else if (action === 'keep_site') {
      all = allOf.all(link.id, head.field) as CellDiff[]
      value = keepValue(all, undefined, false)
      if (value === null) {
        inc(preview.skipped, unanimous(all) === undefined ? 'site_values_differ' : 'site_empty', diffs.length)
        continue
      }
      const field = head.field
      const differing = (records.all(link.subject_id) as Record<ReviewField, string | null>[]).filter((r) => (r[field] === '' ? null : r[field]) !== value)
      proposals = differing.length + (all[0]?.registry_value !== value ? 1 : 0)
      chosen = all
    }
    if (chosen.length === 0) continue
    cells.push({ link, field: head.field, diffs: chosen, all, value })
    links.add(link.id)
    preview.diffs += chosen.length
    preview.proposals += proposals
    for (const d of chosen) {
      inc(preview.byClass, d.class)
      inc(preview.byField, d.field)
    }
  }
  preview.rows = links.size
  return { cells, preview }
}

export function previewBulk(ws: Workspace, filter: ReviewFilter, action: BulkAction): BulkPreview {
  return planBulk(ws.db, filter, action).preview
}

/** Applies a bulk rule as one decision; refused if the count shown to the clerk is stale. */
export function applyBulk(ws: Workspace, user: User, req: BulkRequest): DecisionResult {
  return ws.tx(() => {
    const db = ws.db
    const plan = planBulk(db, req.filter, req.action)
    if (req.expected !== undefined && plan.preview.diffs !== req.expected) {
      throw new VaxError(
        'REVIEW_BULK_CHANGED',
        {
          vi: `Số khác biệt đã thay đổi (${req.expected} → ${plan.preview.diffs}). Hãy xem lại trước khi áp dụng.`,
          en: `The number of differences changed (${req.expected} → ${plan.preview.diffs}). Check again before applying.`
        },
        { expected: req.expected, now: plan.preview.diffs }
      )
    }
    if (plan.preview.diffs === 0) throw nothing()
    const d = openDecision(db, user, req.action, 'bulk', { filter: req.filter, preview: plan.preview })
    const w = new CellWriter(db, d)
    const skipped: Record<string, number> = {}
    for (const cell of plan.cells) {
      if (req.action === 'defer') w.defer(cell.diffs, req.note)
      else if (req.action === 'accept_registry') {
        const free = cell.diffs.filter((x) => w.retireRecord(x.record_id, cell.field))
        if (free.length < cell.diffs.length) inc(skipped, 'already_approved', cell.diffs.length - free.length)
        w.accept(free, req.note)
      } else if (cell.value !== null) {
        w.retireCell(cell.link, cell.field)
        w.settle(cell.link, cell.field, cell.all, cell.all[0]?.registry_value ?? null, cell.value, 'keep_site', req.note)
      }
    }
    setUndoData(db, d.id, { restore: w.restore })
    refreshRows(db, 'SELECT value FROM json_each(?)', [JSON.stringify([...new Set(plan.cells.map((c) => c.link.id))])])
    bumpGeneration(db)
    const ids = w.created.map((p) => p.id)
    auditDecision(db, d, `bulk.${req.action}`, {
      new: { filter: req.filter, diffs: w.diffs, proposals: ids.length, firstProposal: ids[0] ?? null, lastProposal: ids[ids.length - 1] ?? null, skipped },
      reason: req.note || null
    })
    return { decisionId: d.id, diffs: w.diffs, proposals: ids.length, warnings: [] }
  })
}
