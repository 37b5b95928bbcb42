import { VaxError } from '../base/errors.ts'
import type { User } from '../users/users.ts'
import type { Db, Workspace } from '../workspace/workspace.ts'
import { assertValueDecidable, CellWriter, DIFF_COLS, isPending, loadLink, unanimous, type CellDiff, type LinkRow } from './cells.ts'
import { normalizeEdit } from './edit.ts'
import type { ReviewField } from './fields.ts'
import { auditDecision, openDecision, setUndoData } from './log.ts'
import { refreshRows } from './rows.ts'
import type { DecideRequest, DecisionResult } from './schemas.ts'
import { bumpGeneration } from './generation.ts'
import { recordValue } from '../records/review-subject-reads.ts'

export const nothing = (): VaxError =>
  new VaxError('REVIEW_NOTHING_TO_DECIDE', {
    vi: 'Không có khác biệt nào để quyết định ở đây.',
    en: 'There is no difference to decide here.'
  })

const cellDiffs = (db: Db, linkId: number, field: ReviewField): CellDiff[] =>
  db
    .prepare(`SELECT ${DIFF_COLS} FROM diffs WHERE link_id = ? AND field = ? AND status <> 'unlinked' ORDER BY record_id`)
    .all(linkId, field) as CellDiff[]

const registryValue = (db: Db, link: LinkRow, field: ReviewField): string | null =>
  link.registry_record_id === null ? null : recordValue(db, link.registry_record_id, field)

const pendingFields = (db: Db, linkId: number): ReviewField[] =>
  (
    db.prepare("SELECT DISTINCT field FROM diffs WHERE link_id = ? AND status IN ('open', 'deferred') ORDER BY field").all(linkId) as {
      field: ReviewField
    }[]
  ).map((r) => r.field)

export function keepValue(diffs: CellDiff[], requested: string | undefined, strict: boolean): string | null {
  const fail = (code: string, vi: string, en: string): null => {
    if (strict) throw new VaxError(code, { vi, en })
    return null
  }
  if (requested !== undefined) {
    if (!diffs.some((d) => d.site_value === requested)) {
      return fail(
        'REVIEW_KEEP_UNKNOWN',
        'Giá trị cần giữ không có ở dòng nào của điểm tiêm; hãy dùng "Sửa".',
        'That value is on no site row; use Edit instead.'
      )
    }
    return requested
  }
  const v = unanimous(diffs)
  if (v === undefined) {
    return fail(
      'REVIEW_SITE_VALUES_DIFFER',
      'Các dòng của điểm tiêm ghi khác nhau: hãy chọn giá trị cần giữ, hoặc sửa tay.',
      'The site rows disagree: choose which value to keep, or edit it.'
    )
  }
  if (v === null)
    return fail(
      'REVIEW_SITE_EMPTY',
      'Điểm tiêm để trống trường này: không có gì để giữ.',
      'The site left this field empty: there is nothing to keep.'
    )
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
    const d = openDecision(db, user, req.action, req.field ? 'cell' : 'row', {
      linkId: link.id,
      fields,
      value: edited?.value ?? req.value ?? null
    })
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
        // Deferring a decided cell takes back what it proposed: it is undecided again.
        if (strict) w.retireCell(link, field)
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
        throw new VaxError('REVIEW_EDIT_NO_CHANGE', {
          vi: 'Giá trị nhập giống giá trị hiện có ở mọi nơi.',
          en: 'The value typed is already everywhere.'
        })
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
