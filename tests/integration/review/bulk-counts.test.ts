import { afterEach, beforeEach, expect, test } from 'vitest'
import { inlineContext } from '../../../main/core/base/job-context.ts'
import { applyBulk } from '../../../main/core/review/bulk.ts'
import { decide } from '../../../main/core/review/decisions.ts'
import { rebuildDiffs } from '../../../main/core/review/diffs.ts'
import { refreshRows } from '../../../main/core/review/rows.ts'
import { ReviewFilter } from '../../../main/core/review/schemas.ts'
import { undoLast } from '../../../main/core/review/undo.ts'
import { buildReviewWorkspace, type ReviewFixture } from './fixture.ts'

/**
 * Bulk decisions and their undo rewrite only the counts of the grid rows they touch
 * (review/row-counts.ts): what they leave must be what a rebuild from the diffs gives.
 */

let f: ReviewFixture
beforeEach(async () => {
  f = await buildReviewWorkspace()
  rebuildDiffs(f.ws, inlineContext())
})
afterEach(() => f.ws.close())

const filter = (x: Partial<ReviewFilter> = {}) => ReviewFilter.parse(x)
const rows = (): unknown[] => f.ws.db.prepare('SELECT link_id, status, classes, fields, open_diffs FROM review_rows ORDER BY link_id').all()

/** The grid rows as refreshRows would write them from scratch, leaving the workspace as it was. */
function rebuilt(): unknown[] {
  const db = f.ws.db
  db.exec('SAVEPOINT rebuild')
  try {
    refreshRows(db, 'SELECT id FROM links')
    return rows()
  } finally {
    db.exec('ROLLBACK TO rebuild')
    db.exec('RELEASE rebuild')
  }
}

test('after a bulk decision and after its undo, the grid rows are those a rebuild from the diffs gives', () => {
  // Some cells decided one by one first, so rows mix open, deferred and decided diffs.
  decide(f.ws, f.clerk, { linkId: f.link['P3'] ?? 0, field: 'national_id', action: 'defer', note: 'Chờ trạm y tế' })
  decide(f.ws, f.clerk, { linkId: f.link['P2'] ?? 0, field: 'dob', action: 'keep_site', note: '' })
  const before = rows()
  expect(before).toEqual(rebuilt())

  const accepted = applyBulk(f.ws, f.clerk, { filter: filter({ classes: ['missing', 'formatting'] }), action: 'accept_registry', note: '' })
  expect(accepted.diffs).toBeGreaterThan(0)
  const afterAccept = rows()
  expect(afterAccept).not.toEqual(before)
  expect(afterAccept).toEqual(rebuilt())

  const deferred = applyBulk(f.ws, f.clerk, { filter: filter({ statuses: ['open'] }), action: 'defer', note: 'Chờ xác minh' })
  expect(deferred.diffs).toBeGreaterThan(0)
  expect(rows()).toEqual(rebuilt())
  expect(f.ws.db.prepare("SELECT count(*) FROM review_rows WHERE status = 'open'").pluck().get()).toBe(0)

  undoLast(f.ws, f.clerk)
  expect(rows()).toEqual(afterAccept)
  undoLast(f.ws, f.clerk)
  expect(rows()).toEqual(before)
})

test('a bulk decision gives the connection back with its page cache and WAL checkpoint settings', () => {
  const settings = () => [f.ws.db.pragma('cache_size', { simple: true }), f.ws.db.pragma('wal_autocheckpoint', { simple: true })]
  const usual = settings()
  applyBulk(f.ws, f.clerk, { filter: filter({ classes: ['formatting'] }), action: 'accept_registry', note: '' })
  expect(settings()).toEqual(usual)
  undoLast(f.ws, f.clerk)
  expect(settings()).toEqual(usual)
  // Refused (the count moved since the preview): given back all the same.
  expect(() => applyBulk(f.ws, f.clerk, { filter: filter({ classes: ['missing'] }), action: 'defer', note: '', expected: 999 })).toThrow(
    expect.objectContaining({ code: 'REVIEW_BULK_CHANGED' })
  )
  expect(settings()).toEqual(usual)
})
