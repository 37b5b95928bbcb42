import { afterEach, beforeEach, expect, test } from 'vitest'
import { inlineContext } from '../../../main/core/base/job-context.ts'
import { applyBulk, previewBulk } from '../../../main/core/review/bulk.ts'
import { decide } from '../../../main/core/review/decisions.ts'
import { rebuildDiffs } from '../../../main/core/review/diffs.ts'
import { ReviewFilter } from '../../../main/core/review/schemas.ts'
import { undoLast, undoStack } from '../../../main/core/review/undo.ts'
import { buildReviewWorkspace, type ReviewFixture } from './fixture.ts'

let f: ReviewFixture
beforeEach(async () => {
  f = await buildReviewWorkspace()
  rebuildDiffs(f.ws, inlineContext())
})
afterEach(() => f.ws.close())

interface P {
  target: string
  record_id: number
  field: string
  old_value: string | null
  new_value: string | null
  proposed_by: number
  status: string
}
const proposals = (status = 'proposed'): P[] =>
  f.ws.db
    .prepare('SELECT target, record_id, field, old_value, new_value, proposed_by, status FROM proposals WHERE status = ? ORDER BY id')
    .all(status) as P[]
const row = (label: string) => f.ws.db.prepare('SELECT status, open_diffs FROM review_rows WHERE link_id = ?').get(f.link[label])
const filter = (x: Partial<ReviewFilter> = {}) => ReviewFilter.parse(x)

test('accepting the registry value proposes it for each site row of the cell, by the signed-in clerk', () => {
  const r = decide(f.ws, f.clerk, { linkId: f.link['P1'] ?? 0, field: 'full_name', action: 'accept_registry', note: '' })
  expect(r.proposals).toBe(1)
  expect(proposals()).toEqual([
    {
      target: 'site',
      record_id: f.rec['S1'],
      field: 'full_name',
      old_value: 'Nguyen Van Anh',
      new_value: 'Nguyễn Văn Anh',
      proposed_by: f.clerk.id,
      status: 'proposed'
    }
  ])
  expect(row('P1')).toEqual({ status: 'open', open_diffs: 2 })
  const audit = f.ws.db.prepare("SELECT actor, action FROM audit_log WHERE action LIKE 'review.%' ORDER BY seq DESC LIMIT 1").get()
  expect(audit).toEqual({ actor: 'Lan', action: 'review.accept_registry' })
})

test('a row decision takes every undecided cell; a missing ID is filled from the registry', () => {
  decide(f.ws, f.clerk, { linkId: f.link['P1'] ?? 0, action: 'accept_registry', note: '' })
  expect(proposals().map((p) => [p.record_id, p.field, p.old_value, p.new_value])).toEqual([
    [f.rec['S1'], 'full_name', 'Nguyen Van Anh', 'Nguyễn Văn Anh'],
    [f.rec['S2'], 'national_id', null, '001085012345'],
    [f.rec['S7'], 'national_id', null, '001085012345']
  ])
  expect(row('P1')).toEqual({ status: 'done', open_diffs: 0 })
})

test('keeping the site value proposes it for the registry; an edit goes through the import normalizers', () => {
  decide(f.ws, f.clerk, { linkId: f.link['P2'] ?? 0, field: 'dob', action: 'keep_site', note: 'Giấy khai sinh ghi 07/04' })
  expect(proposals().map((p) => [p.target, p.field, p.old_value, p.new_value])).toEqual([['registry', 'dob', '1990-07-04', '1990-04-07']])

  const edited = decide(f.ws, f.clerk, {
    linkId: f.link['P3'] ?? 0,
    field: 'full_name',
    action: 'edit',
    value: '  lê   văn CƯỜNG ',
    note: ''
  })
  expect(edited.proposals).toBe(1)
  // The registry already says so: only the site row changes.
  expect(
    proposals()
      .slice(1)
      .map((p) => [p.target, p.record_id, p.old_value, p.new_value])
  ).toEqual([['site', f.rec['S4'], 'Lê Văn Cuờng', 'Lê Văn Cường']])
  expect(() => decide(f.ws, f.clerk, { linkId: f.link['P3'] ?? 0, field: 'dob', action: 'edit', value: '31/02/1978', note: '' })).toThrow(
    expect.objectContaining({ code: 'EDIT_INVALID' })
  )
  expect(() => decide(f.ws, f.clerk, { linkId: f.link['P3'] ?? 0, field: 'gender', action: 'edit', value: 'không rõ', note: '' })).toThrow(
    expect.objectContaining({ code: 'EDIT_INVALID' })
  )
  expect(() => decide(f.ws, f.clerk, { linkId: f.link['P3'] ?? 0, field: 'dob', action: 'edit', value: '20/11/1978', note: '' })).toThrow(
    expect.objectContaining({ code: 'REVIEW_EDIT_NO_CHANGE' })
  )
  // A field that agrees can still be wrong on both sides.
  const dob = decide(f.ws, f.clerk, {
    linkId: f.link['P3'] ?? 0,
    field: 'dob',
    action: 'edit',
    value: '21/11/1978',
    note: 'Theo giấy khai sinh'
  })
  expect(dob.proposals).toBe(2)
  expect(
    proposals()
      .slice(2)
      .map((p) => [p.target, p.old_value, p.new_value])
  ).toEqual([
    ['registry', '1978-11-20', '1978-11-21'],
    ['site', '1978-11-20', '1978-11-21']
  ])
})

test('deciding a cell again supersedes what was proposed before; deferring keeps the note', () => {
  decide(f.ws, f.clerk, { linkId: f.link['P2'] ?? 0, field: 'dob', action: 'keep_site', note: '' })
  decide(f.ws, f.clerk, { linkId: f.link['P2'] ?? 0, field: 'dob', action: 'accept_registry', note: '' })
  expect(proposals().map((p) => [p.target, p.new_value])).toEqual([['site', '1990-07-04']])
  expect(proposals('superseded').map((p) => [p.target, p.new_value])).toEqual([['registry', '1990-04-07']])
  // Deferring the cell again takes the proposal back.
  decide(f.ws, f.clerk, { linkId: f.link['P2'] ?? 0, field: 'dob', action: 'defer', note: '' })
  expect(proposals()).toEqual([])
  decide(f.ws, f.clerk, { linkId: f.link['P3'] ?? 0, action: 'defer', note: 'Chờ trạm y tế gọi lại' })
  expect(row('P3')).toEqual({ status: 'deferred', open_diffs: 0 })
  expect(f.ws.db.prepare('SELECT DISTINCT status, note FROM diffs WHERE link_id = ?').all(f.link['P3'])).toEqual([
    { status: 'deferred', note: 'Chờ trạm y tế gọi lại' }
  ])
})

test('values of a review-band link or a complaint cannot be corrected; they can be deferred', () => {
  expect(() => decide(f.ws, f.clerk, { linkId: f.link['P4'] ?? 0, field: 'gender', action: 'accept_registry', note: '' })).toThrow(
    expect.objectContaining({ code: 'REVIEW_LINK_UNCONFIRMED' })
  )
  expect(() => decide(f.ws, f.clerk, { linkId: f.link['C1'] ?? 0, action: 'accept_registry', note: '' })).toThrow(
    expect.objectContaining({ code: 'REVIEW_COMPLAINT_ROW' })
  )
  expect(proposals()).toEqual([])
  expect(f.ws.db.prepare('SELECT count(*) FROM review_decisions').pluck().get()).toBe(0)
  decide(f.ws, f.clerk, { linkId: f.link['P4'] ?? 0, action: 'defer', note: '' })
  expect(row('P4')).toEqual({ status: 'deferred', open_diffs: 0 })
})

test('a bulk rule shows its count first, applies exactly that, and is refused when the count moved', () => {
  const formatting = filter({ classes: ['formatting'] })
  const preview = previewBulk(f.ws, formatting, 'accept_registry')
  // P1's name; C1 is a complaint and is skipped, with the reason given.
  expect(preview).toEqual({
    diffs: 1,
    rows: 1,
    proposals: 1,
    byClass: { formatting: 1 },
    byField: { full_name: 1 },
    skipped: { complaint: 1 }
  })
  expect(() => applyBulk(f.ws, f.clerk, { filter: formatting, action: 'accept_registry', note: '', expected: 2 })).toThrow(
    expect.objectContaining({ code: 'REVIEW_BULK_CHANGED' })
  )
  expect(proposals()).toEqual([])
  const r = applyBulk(f.ws, f.clerk, { filter: formatting, action: 'accept_registry', note: '', expected: 1 })
  expect(r).toMatchObject({ diffs: 1, proposals: 1 })
  expect(previewBulk(f.ws, formatting, 'accept_registry').diffs).toBe(0)

  const missing = previewBulk(f.ws, filter({ classes: ['missing'] }), 'accept_registry')
  expect(missing).toMatchObject({ diffs: 2, rows: 1, skipped: { link_unconfirmed: 1 } })
  const keep = previewBulk(f.ws, filter({ classes: ['minor'] }), 'keep_site')
  // P2's date and P3's two fields: each keeps the site value and proposes it for the registry.
  expect(keep).toMatchObject({ diffs: 3, rows: 2, proposals: 3 })
})

test('undo takes back the newest decision of the clerk, and only theirs', () => {
  decide(f.ws, f.clerk, { linkId: f.link['P1'] ?? 0, field: 'full_name', action: 'accept_registry', note: '' })
  decide(f.ws, f.clerk, { linkId: f.link['P2'] ?? 0, field: 'dob', action: 'keep_site', note: '' })
  decide(f.ws, f.clerk2, { linkId: f.link['P3'] ?? 0, action: 'defer', note: '' })
  decide(f.ws, f.clerk, { linkId: f.link['P2'] ?? 0, field: 'dob', action: 'accept_registry', note: '' })
  expect(undoStack(f.ws, f.clerk).map((e) => e.kind)).toEqual(['accept_registry', 'keep_site', 'accept_registry'])

  undoLast(f.ws, f.clerk)
  // The re-decision is gone and what it superseded is back.
  expect(proposals().map((p) => [p.field, p.target, p.new_value])).toEqual([
    ['full_name', 'site', 'Nguyễn Văn Anh'],
    ['dob', 'registry', '1990-04-07']
  ])
  undoLast(f.ws, f.clerk)
  undoLast(f.ws, f.clerk)
  expect(proposals()).toEqual([])
  expect(row('P1')).toEqual({ status: 'open', open_diffs: 3 })
  expect(row('P3')).toEqual({ status: 'deferred', open_diffs: 0 })
  expect(() => undoLast(f.ws, f.clerk)).toThrow(expect.objectContaining({ code: 'REVIEW_NOTHING_TO_UNDO' }))
})

test('undo is refused once a supervisor approved what the decision proposed', () => {
  decide(f.ws, f.clerk, { linkId: f.link['P1'] ?? 0, field: 'full_name', action: 'accept_registry', note: '' })
  f.ws.tx(() => f.ws.db.prepare("UPDATE proposals SET status = 'approved'").run())
  expect(() => undoLast(f.ws, f.clerk)).toThrow(expect.objectContaining({ code: 'REVIEW_UNDO_APPROVED' }))
  expect(() => decide(f.ws, f.clerk, { linkId: f.link['P1'] ?? 0, field: 'full_name', action: 'keep_site', note: '' })).toThrow(
    expect.objectContaining({ code: 'REVIEW_ALREADY_APPROVED' })
  )
})

test('a bulk decision over a filter is one undo step', () => {
  applyBulk(f.ws, f.clerk, { filter: filter({ classes: ['missing', 'formatting'] }), action: 'accept_registry', note: '' })
  expect(proposals()).toHaveLength(3)
  undoLast(f.ws, f.clerk)
  expect(proposals()).toEqual([])
  expect(proposals('withdrawn')).toHaveLength(3)
  expect(f.ws.db.prepare("SELECT count(*) FROM diffs WHERE status = 'open'").pluck().get()).toBe(9)
})

test('decisions, deferrals and undo survive a re-run of match that re-creates the links', () => {
  decide(f.ws, f.clerk, { linkId: f.link['P1'] ?? 0, field: 'full_name', action: 'accept_registry', note: '' })
  decide(f.ws, f.clerk, { linkId: f.link['P3'] ?? 0, field: 'national_id', action: 'defer', note: 'Chờ trạm y tế' })
  decide(f.ws, f.clerk, { linkId: f.link['P2'] ?? 0, field: 'dob', action: 'keep_site', note: '' })
  // What linkage does on a re-run: undecided links are deleted and written again.
  f.ws.tx(() => {
    const old = f.ws.db.prepare("SELECT * FROM links WHERE subject_kind = 'person' AND status = 'auto'").all() as Record<string, unknown>[]
    f.ws.db.prepare("DELETE FROM links WHERE subject_kind = 'person' AND status = 'auto'").run()
    for (const l of old) {
      f.ws.db
        .prepare(
          'INSERT INTO links (run_id, subject_kind, subject_id, registry_record_id, match_weight, status, contributions_json) VALUES (?, ?, ?, ?, ?, ?, ?)'
        )
        .run(
          l['run_id'],
          l['subject_kind'],
          l['subject_id'],
          l['registry_record_id'],
          l['match_weight'],
          l['status'],
          l['contributions_json']
        )
    }
  })
  rebuildDiffs(f.ws, inlineContext())
  const statuses = f.ws.db
    .prepare(
      "SELECT d.field, d.status FROM diffs d JOIN links l ON l.id = d.link_id WHERE l.subject_kind = 'person' AND d.status <> 'open' ORDER BY d.field"
    )
    .all()
  expect(statuses).toEqual([
    { field: 'dob', status: 'kept' },
    { field: 'full_name', status: 'accepted' },
    { field: 'national_id', status: 'deferred' }
  ])
  expect(f.ws.db.prepare("SELECT note FROM diffs WHERE status = 'deferred'").pluck().get()).toBe('Chờ trạm y tế')
  expect(proposals()).toHaveLength(2)
  expect(f.ws.db.prepare('SELECT count(*) FROM diffs WHERE link_id IS NULL').pluck().get()).toBe(0)
  // The clerk's last decision can still be undone under the new link.
  undoLast(f.ws, f.clerk)
  expect(proposals()).toHaveLength(1)
  expect(f.ws.db.prepare("SELECT status FROM diffs WHERE field = 'dob'").pluck().get()).toBe('open')
})
