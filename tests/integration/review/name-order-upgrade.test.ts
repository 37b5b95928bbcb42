import { copyFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3-multiple-ciphers'
import { beforeAll, expect, test } from 'vitest'
import { applyBulk } from '../../../main/core/review/bulk.ts'
import { facets, gridPage } from '../../../main/core/review/grid.ts'
import { GridPageRequest, ReviewFilter } from '../../../main/core/review/schemas.ts'
import { addUser } from '../../../main/core/users/users.ts'
import { APPLICATION_ID, LATEST, migrate, openWorkspace, type Workspace } from '../../../main/core/workspace/index.ts'
import { tempDir } from '../../helpers/tmp.ts'
import { demoWorkspace } from './demo-workspace.ts'

/**
 * Migration 0005 swaps the grid's status-led covering index for a name index that
 * decisions leave alone, and the grid now orders by name through it
 * (review/view-order.ts). A workspace made before (at version 4) must upgrade on open and
 * show every view as one made at the latest version does, in the order SQL gives.
 */

const VIEWS: { filter: Partial<ReviewFilter>; sort: GridPageRequest['sort'] }[] = [
  { filter: {}, sort: null },
  { filter: { statuses: ['open'] }, sort: { column: 'name', dir: 'asc' } },
  { filter: { statuses: ['open', 'deferred'], classes: ['minor', 'conflict'] }, sort: { column: 'name', dir: 'desc' } },
  { filter: { statuses: ['done'] }, sort: { column: 'name', dir: 'asc' } },
  { filter: { search: 'nguyen' }, sort: { column: 'name', dir: 'desc' } },
  { filter: { fields: ['dob'] }, sort: { column: 'site', dir: 'asc' } },
  { filter: { bands: ['auto'] }, sort: { column: 'weight', dir: 'desc' } },
  { filter: {}, sort: { column: 'status', dir: 'asc' } },
  { filter: { statuses: ['open'] }, sort: { column: 'open', dir: 'desc' } }
]

/** Every view's rows (id, name, status) in order, and the facets of the open rows. */
function readGrid(ws: Workspace): unknown {
  const views = VIEWS.map((v, i) => {
    const page = gridPage(ws, { filter: ReviewFilter.parse(v.filter), sort: v.sort, view: i, startRow: 0, endRow: 500 })
    return { rowCount: page.rowCount, rows: page.rows.map((r) => [r.linkId, r.fullName, r.status, r.openDiffs]) }
  })
  return { views, facets: facets(ws, ReviewFilter.parse({ statuses: ['open'] })) }
}

const schemaOf = (db: Database.Database): unknown =>
  db.prepare("SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_stat%' ORDER BY type, name").all()

let latest: string
let expected: unknown
beforeAll(async () => {
  latest = demoWorkspace(120, 5).path
  const ws = openWorkspace(latest)
  // Some rows decided and some deferred, so the status views differ from each other.
  const clerk = await addUser(ws, null, { name: 'Lan', role: 'clerk', password: 'mat-khau-lan' })
  applyBulk(ws, clerk, { filter: ReviewFilter.parse({ classes: ['formatting'] }), action: 'accept_registry', note: '' })
  applyBulk(ws, clerk, { filter: ReviewFilter.parse({ classes: ['minor'] }), action: 'defer', note: '' })
  expected = readGrid(ws)
  ws.close()
}, 120_000)

test('name order: every view sorted by name is the order SQL sorts it in', () => {
  const ws = openWorkspace(latest)
  try {
    for (const [i, v] of VIEWS.entries()) {
      if (v.sort !== null && v.sort.column !== 'name') continue
      const dir = v.sort?.dir === 'desc' ? 'DESC' : 'ASC'
      const filter = ReviewFilter.parse(v.filter)
      const ids = gridPage(ws, { filter, sort: v.sort, view: 100 + i, startRow: 0, endRow: 500 }).rows.map((r) => r.linkId)
      const sorted = ws.db
        .prepare(`SELECT link_id FROM review_rows NOT INDEXED ORDER BY name_key ${dir}, link_id ${dir}`)
        .pluck()
        .all() as number[]
      const shown = new Set(ids)
      expect(ids.length).toBeGreaterThan(0)
      expect(ids).toEqual(sorted.filter((id) => shown.has(id)))
    }
  } finally {
    ws.close()
  }
})

test('a version 4 workspace upgrades to the name index and its grid reads as a new one does', () => {
  // The same data at version 4: migration 0005 only replaced the index, so putting the old
  // one back gives the schema migrations 1–4 make, which is checked below.
  const old = join(tempDir('vaxrecon-upgrade-'), 'old.vaxrecon')
  copyFileSync(latest, old)
  const db = new Database(old)
  db.exec(`DROP INDEX review_rows_name_order;
    CREATE INDEX review_rows_by_name ON review_rows(status, name_key, link_id, band, subject_kind, site_name, classes, fields);`)
  db.pragma('user_version = 4')
  const made = new Database(join(tempDir('vaxrecon-upgrade-'), 'v4.vaxrecon'))
  made.pragma(`application_id = ${APPLICATION_ID}`)
  migrate(made, 4)
  expect(schemaOf(db)).toEqual(schemaOf(made))
  made.close()
  db.close()

  const ws = openWorkspace(old)
  try {
    expect(ws.db.pragma('user_version', { simple: true })).toBe(LATEST)
    const indexes = ws.db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'review_rows' AND sql IS NOT NULL")
      .pluck()
      .all()
    expect(indexes).toEqual(['review_rows_name_order'])
    const migrated = ws.db
      .prepare(`SELECT old_json FROM audit_log WHERE action = 'workspace.migrate' ORDER BY seq DESC LIMIT 1`)
      .pluck()
      .get()
    expect(migrated).toBe('{"version":4}')
    expect(readGrid(ws)).toEqual(expected)
  } finally {
    ws.close()
  }
})
