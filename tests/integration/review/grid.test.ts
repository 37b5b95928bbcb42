import { afterEach, beforeEach, expect, test } from 'vitest'
import type { z } from 'zod'
import { inlineContext } from '../../../main/core/base/job-context.ts'
import { decide } from '../../../main/core/review/decisions.ts'
import { rebuildDiffs } from '../../../main/core/review/diffs.ts'
import { facets, gridPage } from '../../../main/core/review/grid.ts'
import { GridPageRequest, ReviewFilter } from '../../../main/core/review/schemas.ts'
import { buildReviewWorkspace, type ReviewFixture } from './fixture.ts'

let f: ReviewFixture
beforeEach(async () => {
  f = await buildReviewWorkspace()
  rebuildDiffs(f.ws, inlineContext())
})
afterEach(() => f.ws.close())

const page = (req: Partial<z.input<typeof GridPageRequest>> = {}) =>
  gridPage(f.ws, GridPageRequest.parse({ startRow: 0, endRow: 100, filter: {}, ...req }))

test('a page lists rows sorted by given name the Vietnamese way, with site and registry values side by side', () => {
  const p = page()
  expect(p.rowCount).toBe(5)
  // Anh, Anh (the complaint), Bích, Cuờng, Dung.
  expect(p.rows.map((r) => r.fullName)).toEqual(['Nguyen Van Anh', 'Nguyen Van Anh', 'Trần Thị Bích', 'Lê Văn Cuờng', 'Phạm Thị Dung'])
  const p1 = p.rows.find((r) => r.linkId === f.link['P1'])
  expect(p1?.cells.full_name).toEqual({
    registry: 'Nguyễn Văn Anh',
    variants: [
      {
        diffIds: [expect.any(Number)],
        site: 'Nguyen Van Anh',
        rows: 1,
        class: 'formatting',
        detail: 'diacritics',
        status: 'open',
        note: null,
        proposed: null,
        highlight: {
          site: [
            [4, 5],
            [8, 9]
          ],
          registry: [
            [4, 5],
            [8, 9]
          ]
        }
      }
    ]
  })
  // Two site rows lack the ID: one variant, two rows.
  expect(p1?.cells.national_id.variants.map((v) => [v.site, v.rows])).toEqual([[null, 2]])
  // A field that agrees shows the shared value and no variant.
  expect(p1?.cells.dob).toEqual({ registry: '1985-03-12', variants: [] })
})

test('sorting, paging and filtering are done in SQL; decided values show what was proposed', () => {
  expect(page({ sort: { column: 'weight', dir: 'desc' } }).rows.map((r) => r.matchWeight)).toEqual([15.9, 14.1, 12.2, 11.4, 2.9])
  expect(page({ startRow: 2, endRow: 4, sort: { column: 'weight', dir: 'desc' } }).rows.map((r) => r.matchWeight)).toEqual([12.2, 11.4])
  expect(page({ filter: { classes: ['minor'] } }).rows.map((r) => r.fullName)).toEqual(['Trần Thị Bích', 'Lê Văn Cuờng'])
  expect(page({ filter: { bands: ['review'] } }).rows.map((r) => r.fullName)).toEqual(['Phạm Thị Dung'])
  expect(page({ filter: { search: 'cuong' } }).rows.map((r) => r.fullName)).toEqual(['Lê Văn Cuờng'])
  expect(page({ filter: { sites: ['Bệnh viện Đa khoa huyện Đan Phượng'], fields: ['national_id'] } }).rowCount).toBe(1)

  decide(f.ws, f.clerk, { linkId: f.link['P2'] ?? 0, field: 'dob', action: 'accept_registry', note: '' })
  expect(page({ filter: { statuses: ['open'] } }).rowCount).toBe(4)
  const done = page({ filter: { statuses: ['done'] } }).rows
  expect(done.map((r) => r.fullName)).toEqual(['Trần Thị Bích'])
  expect(done[0]?.cells.dob.variants[0]).toMatchObject({ status: 'accepted', proposed: '1990-07-04' })
})

test('facets count each value under the other facets’ choices', () => {
  const all = facets(f.ws, ReviewFilter.parse({}))
  expect(all).toEqual({
    total: 5,
    classes: { formatting: 2, minor: 2, conflict: 1, missing: 2 },
    fields: { full_name: 3, dob: 1, gender: 1, national_id: 3, phone: 0, address: 0 },
    sites: { '': 1, 'Bệnh viện Đa khoa huyện Đan Phượng': 1, 'Trạm Y tế xã Tân Lập': 3 },
    statuses: { open: 5 },
    bands: { auto: 4, review: 1 },
    kinds: { complaint: 1, person: 4 }
  })
  const minor = facets(f.ws, ReviewFilter.parse({ classes: ['minor'] }))
  expect(minor.total).toBe(2)
  // The class facet itself still shows every class; the others narrow to minor rows.
  expect(minor.classes).toEqual(all.classes)
  expect(minor.bands).toEqual({ auto: 2 })
})
