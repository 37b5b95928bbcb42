import { afterEach, beforeEach, expect, test } from 'vitest'
import { inlineContext } from '../../../main/core/base/job-context.ts'
import { rebuildDiffs } from '../../../main/core/review/diffs.ts'
import { buildReviewWorkspace, type ReviewFixture } from './fixture.ts'

let f: ReviewFixture
beforeEach(async () => {
  f = await buildReviewWorkspace()
})
afterEach(() => f.ws.close())

interface D {
  record_id: number
  field: string
  site_value: string | null
  registry_value: string | null
  class: string
  detail: string
  status: string
}
const diffsOf = (link: number): D[] =>
  f.ws.db
    .prepare(
      'SELECT record_id, field, site_value, registry_value, class, detail, status FROM diffs WHERE link_id = ? ORDER BY record_id, field'
    )
    .all(link) as D[]

test('rebuildDiffs compares every subject row of every active link with its registry row', () => {
  const { diffs } = rebuildDiffs(f.ws, inlineContext())
  const p1 = diffsOf(f.link['P1'] ?? 0)
  expect(p1.map((d) => [d.record_id, d.field, d.class, d.detail])).toEqual([
    [f.rec['S1'], 'full_name', 'formatting', 'diacritics'],
    [f.rec['S2'], 'national_id', 'missing', 'site_missing'],
    [f.rec['S7'], 'national_id', 'missing', 'site_missing']
  ])
  expect(diffsOf(f.link['P2'] ?? 0).map((d) => `${d.field}:${d.class}`)).toEqual(['dob:minor'])
  expect(diffsOf(f.link['P3'] ?? 0).map((d) => `${d.field}:${d.class}:${d.detail}`)).toEqual([
    'full_name:minor:diacritic',
    'national_id:minor:transposition'
  ])
  // The review band is compared too; the unlinked person has nothing to compare with.
  expect(diffsOf(f.link['P4'] ?? 0).map((d) => `${d.field}:${d.class}`)).toEqual(['gender:conflict', 'national_id:missing'])
  expect(diffsOf(f.link['P5'] ?? 0)).toEqual([])
  // A complaint's stated identity is compared; what it leaves out (gender, address) is not a difference.
  expect(diffsOf(f.link['C1'] ?? 0).map((d) => `${d.field}:${d.class}`)).toEqual(['full_name:formatting'])
  // The registry extract has no phone column: no "missing" phone anywhere.
  expect(f.ws.db.prepare("SELECT count(*) AS n FROM diffs WHERE field = 'phone'").get()).toEqual({ n: 0 })
  expect(diffs).toBe(f.ws.db.prepare('SELECT count(*) AS n FROM diffs').pluck().get())

  const rows = f.ws.db.prepare('SELECT link_id, full_name, site_name, band, status, open_diffs FROM review_rows ORDER BY link_id').all()
  expect(rows).toEqual([
    { link_id: f.link['P1'], full_name: 'Nguyen Van Anh', site_name: 'Trạm Y tế xã Tân Lập', band: 'auto', status: 'open', open_diffs: 3 },
    { link_id: f.link['P2'], full_name: 'Trần Thị Bích', site_name: 'Trạm Y tế xã Tân Lập', band: 'auto', status: 'open', open_diffs: 1 },
    {
      link_id: f.link['P3'],
      full_name: 'Lê Văn Cuờng',
      site_name: 'Bệnh viện Đa khoa huyện Đan Phượng',
      band: 'auto',
      status: 'open',
      open_diffs: 2
    },
    { link_id: f.link['P4'], full_name: 'Phạm Thị Dung', site_name: 'Trạm Y tế xã Tân Lập', band: 'review', status: 'open', open_diffs: 2 },
    { link_id: f.link['C1'], full_name: 'Nguyen Van Anh', site_name: '', band: 'auto', status: 'open', open_diffs: 1 }
  ])
})

test('a second rebuild changes nothing, and a link that moved loses its diffs', () => {
  rebuildDiffs(f.ws, inlineContext())
  const before = f.ws.db.prepare('SELECT * FROM diffs ORDER BY id').all()
  rebuildDiffs(f.ws, inlineContext())
  expect(f.ws.db.prepare('SELECT * FROM diffs ORDER BY id').all()).toEqual(before)

  f.ws.tx(() => f.ws.db.prepare("UPDATE links SET status = 'none', registry_record_id = NULL WHERE id = ?").run(f.link['P2']))
  rebuildDiffs(f.ws, inlineContext())
  expect(diffsOf(f.link['P2'] ?? 0)).toEqual([])
  expect(f.ws.db.prepare('SELECT count(*) FROM review_rows WHERE link_id = ?').pluck().get(f.link['P2'])).toBe(0)
})

test('a cancelled rebuild leaves the workspace as it was', () => {
  let calls = 0
  expect(() =>
    rebuildDiffs(
      f.ws,
      inlineContext(
        () => {},
        () => ++calls > 1
      )
    )
  ).toThrow(/cancel/i)
  expect(f.ws.db.prepare('SELECT count(*) FROM diffs').pluck().get()).toBe(0)
  expect(f.ws.db.prepare("SELECT count(*) FROM audit_log WHERE action = 'review.diffs.rebuild'").pluck().get()).toBe(0)
})
