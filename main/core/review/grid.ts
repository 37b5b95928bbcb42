import type { Db, Workspace } from '../workspace/workspace.ts'
import { DIFF_CLASSES, REVIEW_FIELDS, classBit, fieldBit, type ReviewField } from './fields.ts'
import { rowsScan, rowWhere, type FacetDimension } from './filter.ts'
import { generation } from './generation.ts'
import { highlight } from './highlight.ts'
import { ensureReviewFunctions } from './rows.ts'
import { idsByName } from './view-order.ts'
import { registryValuesOfLinks } from '../records/review-subject-reads.ts'
import type { CellVariant, Facets, GridCell, GridPage, GridPageRequest, GridRow, GridSort, ReviewFilter } from './schemas.ts'

/**
 * The review grid's queries. The renderer's infinite row model asks for one block of rows
 * at a time; nothing ever sends a whole table over IPC.
 *
 * A view (a filter and a sort) is a snapshot: the ordered link ids of its rows, taken once
 * by one scan and kept in memory (4 bytes a row), so any block, however deep, is
 * a slice plus primary-key lookups. The clerk's own decisions do not move rows under the
 * cursor: a decided row stays where it was, marked done, until the view is refreshed (a
 * new view number) or another connection (a match job, the CLI) changes the workspace.
 */

/** Orders other than by name, which view-order.ts takes from the name index. */
const ORDER: Record<Exclude<GridSort['column'], 'name'>, (dir: string) => string> = {
  site: (d) => `site_name ${d}, name_key ${d}, link_id ${d}`,
  weight: (d) => `match_weight ${d}, link_id ${d}`,
  status: (d) => `status ${d}, name_key, link_id`,
  open: (d) => `open_diffs ${d}, link_id ${d}`
}

// Counts are the slow part of facets over a million rows; they only change with the data.
const countCache = new WeakMap<Db, { gen: string; counts: Map<string, number> }>()

export function countRows(db: Db, filter: ReviewFilter): number {
  const gen = generation(db)
  let entry = countCache.get(db)
  if (!entry || entry.gen !== gen) {
    entry = { gen, counts: new Map() }
    countCache.set(db, entry)
  }
  const key = JSON.stringify(filter)
  const hit = entry.counts.get(key)
  if (hit !== undefined) return hit
  const where = rowWhere(filter)
  const n = (db.prepare(`SELECT count(*) AS n FROM ${rowsScan()} WHERE ${where.sql}`).get(...where.params) as { n: number }).n
  if (entry.counts.size > 50) entry.counts.clear()
  entry.counts.set(key, n)
  return n
}

interface Snapshot {
  view: number
  dataVersion: number
  ids: Int32Array
}

const snapshots = new WeakMap<Db, Map<string, Snapshot>>()
const MAX_SNAPSHOTS = 4

/** The ordered link ids of a view; taken again for a new view number or after another connection wrote. */
function viewIds(db: Db, req: GridPageRequest): Int32Array {
  let cache = snapshots.get(db)
  if (!cache) {
    cache = new Map()
    snapshots.set(db, cache)
  }
  const key = JSON.stringify([req.filter, req.sort])
  const dataVersion = db.pragma('data_version', { simple: true }) as number
  const hit = cache.get(key)
  cache.delete(key)
  if (hit && hit.view === req.view && hit.dataVersion === dataVersion) {
    cache.set(key, hit)
    return hit.ids
  }
  const ids = orderedIds(db, req.filter, req.sort)
  cache.set(key, { view: req.view, dataVersion, ids })
  for (const k of cache.keys()) if (cache.size > MAX_SNAPSHOTS) cache.delete(k)
  return ids
}

/** A view's ids in its order: by name through the name index (view-order.ts), any other order sorted by SQL. */
function orderedIds(db: Db, filter: ReviewFilter, sort: GridSort | null): Int32Array {
  if (!sort || sort.column === 'name') return idsByName(db, filter, sort?.dir === 'desc')
  const where = rowWhere(filter)
  const order = ORDER[sort.column](sort.dir === 'desc' ? 'DESC' : 'ASC')
  return Int32Array.from(
    db
      .prepare(`SELECT link_id FROM ${rowsScan()} WHERE ${where.sql} ORDER BY ${order}`)
      .pluck()
      .all(...where.params) as number[]
  )
}

interface PageRow {
  link_id: number
  subject_kind: 'person' | 'complaint'
  subject_id: number
  full_name: string
  site_name: string
  band: GridRow['band']
  match_weight: number
  status: GridRow['status']
  open_diffs: number
}

interface PageDiff {
  id: number
  link_id: number
  field: ReviewField
  site_value: string | null
  registry_value: string | null
  class: CellVariant['class']
  detail: string
  status: CellVariant['status']
  note: string | null
}

const STATUS_RANK: Record<string, number> = { open: 0, deferred: 1, edited: 2, kept: 3, accepted: 4, resolved: 5, unlinked: 6 }

function buildCells(
  registry: Record<string, string | null> | undefined,
  diffs: PageDiff[],
  proposed: Map<number, string | null>
): Record<ReviewField, GridCell> {
  const cells = {} as Record<ReviewField, GridCell>
  for (const f of REVIEW_FIELDS) cells[f] = { registry: registry?.[f] ?? null, variants: [] }
  for (const d of diffs) {
    const cell = cells[d.field]
    cell.registry = d.registry_value
    const v = cell.variants.find((x) => x.site === d.site_value)
    const p = proposed.has(d.id) ? (proposed.get(d.id) ?? null) : null
    if (v) {
      v.diffIds.push(d.id)
      v.rows++
      if ((STATUS_RANK[d.status] ?? 9) < (STATUS_RANK[v.status] ?? 9)) v.status = d.status
      v.note ??= d.note
      v.proposed ??= p
    } else {
      cell.variants.push({
        diffIds: [d.id],
        site: d.site_value,
        rows: 1,
        class: d.class,
        detail: d.detail,
        status: d.status,
        note: d.note,
        proposed: p,
        highlight: highlight(d.site_value, d.registry_value)
      })
    }
  }
  return cells
}

export function gridPage(ws: Workspace, req: GridPageRequest): GridPage {
  const db = ws.db
  ensureReviewFunctions(db)
  const ids = viewIds(db, req)
  const slice = Array.from(ids.subarray(req.startRow, Math.min(req.endRow, req.startRow + 500)))
  const found = new Map(
    (
      db
        .prepare(
          `SELECT link_id, subject_kind, subject_id, full_name, site_name, band, match_weight, status, open_diffs
           FROM review_rows WHERE link_id IN (SELECT value FROM json_each(?))`
        )
        .all(JSON.stringify(slice)) as PageRow[]
    ).map((r) => [r.link_id, r])
  )
  // A row that left the table since the snapshot (an undone pick) is simply not shown.
  const rows = slice.map((id) => found.get(id)).filter((r) => r !== undefined)
  const linkIdList = rows.map((r) => r.link_id)
  const linkIds = JSON.stringify(linkIdList)
  const diffs = db
    .prepare(
      `SELECT id, link_id, field, site_value, registry_value, class, detail, status, note FROM diffs
       WHERE link_id IN (SELECT value FROM json_each(?)) ORDER BY link_id, field, record_id`
    )
    .all(linkIds) as PageDiff[]
  // The registry row of each link, for the fields that agree.
  const registry = registryValuesOfLinks(db, linkIdList, REVIEW_FIELDS)
  const proposed = new Map<number, string | null>()
  for (const p of db
    .prepare(
      `SELECT diff_id, new_value FROM proposals WHERE diff_id IN (SELECT value FROM json_each(?))
       AND target = 'site' AND status IN ('proposed', 'approved', 'exported') ORDER BY id`
    )
    .all(JSON.stringify(diffs.filter((d) => d.status !== 'open').map((d) => d.id))) as { diff_id: number; new_value: string | null }[]) {
    proposed.set(p.diff_id, p.new_value)
  }
  const byLink = new Map<number, PageDiff[]>()
  for (const d of diffs) {
    const list = byLink.get(d.link_id) ?? []
    list.push(d)
    byLink.set(d.link_id, list)
  }
  return {
    rowCount: ids.length,
    rows: rows.map((r) => ({
      linkId: r.link_id,
      subjectKind: r.subject_kind,
      subjectId: r.subject_id,
      fullName: r.full_name,
      siteName: r.site_name,
      band: r.band,
      matchWeight: r.match_weight,
      status: r.status,
      openDiffs: r.open_diffs,
      cells: buildCells(registry.get(r.link_id), byLink.get(r.link_id) ?? [], proposed)
    }))
  }
}

function countBy(db: Db, filter: ReviewFilter, dim: FacetDimension, col: string): Record<string, number> {
  const where = rowWhere(filter, 'review_rows', dim)
  const out: Record<string, number> = {}
  for (const r of db
    .prepare(`SELECT ${col} AS k, count(*) AS n FROM ${rowsScan()} WHERE ${where.sql} GROUP BY ${col}`)
    .all(...where.params) as {
    k: string
    n: number
  }[]) {
    out[r.k] = r.n
  }
  return out
}

function countBits(
  db: Db,
  filter: ReviewFilter,
  dim: 'classes' | 'fields',
  values: readonly string[],
  bit: (v: string) => number
): Record<string, number> {
  const where = rowWhere(filter, 'review_rows', dim)
  const cols = values.map((v, i) => `sum((${dim} & ${bit(v)}) <> 0) AS c${i}`).join(', ')
  const row = db.prepare(`SELECT ${cols} FROM ${rowsScan()} WHERE ${where.sql}`).get(...where.params) as Record<string, number | null>
  return Object.fromEntries(values.map((v, i) => [v, row[`c${i}`] ?? 0]))
}

const GROUPED: { dim: 'sites' | 'bands' | 'kinds'; col: 'site_name' | 'band' | 'subject_kind' }[] = [
  { dim: 'sites', col: 'site_name' },
  { dim: 'bands', col: 'band' },
  { dim: 'kinds', col: 'subject_kind' }
]

/**
 * Every facet whose own dimension is not filtered sees the same rows as the grid: those
 * are counted in one pass, grouped by site, band and source with the class and field bits
 * summed; only a facet with a choice made (and status) needs a pass of its own.
 */
function sharedFacets(db: Db, filter: ReviewFilter): Partial<Facets> {
  const where = rowWhere(filter, 'review_rows')
  const classCols = DIFF_CLASSES.map((c, i) => `sum((classes & ${classBit(c)}) <> 0) AS c${i}`)
  const fieldCols = REVIEW_FIELDS.map((f, i) => `sum((fields & ${fieldBit(f)}) <> 0) AS f${i}`)
  const groups = db
    .prepare(
      `SELECT site_name, band, subject_kind, count(*) AS n, ${[...classCols, ...fieldCols].join(', ')}
       FROM ${rowsScan()} WHERE ${where.sql} GROUP BY site_name, band, subject_kind`
    )
    .all(...where.params) as ({ site_name: string; band: string; subject_kind: string; n: number } & Record<string, number>)[]
  const sum = (col: string): number => groups.reduce((a, g) => a + (g[col] ?? 0), 0)
  const out: Partial<Facets> = {}
  if (filter.classes.length === 0) out.classes = Object.fromEntries(DIFF_CLASSES.map((c, i) => [c, sum(`c${i}`)]))
  if (filter.fields.length === 0) out.fields = Object.fromEntries(REVIEW_FIELDS.map((f, i) => [f, sum(`f${i}`)]))
  for (const { dim, col } of GROUPED) {
    if (filter[dim].length > 0) continue
    const counts: Record<string, number> = {}
    for (const g of groups) counts[g[col]] = (counts[g[col]] ?? 0) + g.n
    out[dim] = counts
  }
  return out
}

/** Counts per facet value, each facet under all the other facets' choices. */
export function facets(ws: Workspace, filter: ReviewFilter): Facets {
  const db = ws.db
  ensureReviewFunctions(db)
  const shared = sharedFacets(db, filter)
  return {
    total: countRows(db, filter),
    classes: shared.classes ?? countBits(db, filter, 'classes', DIFF_CLASSES, (v) => classBit(v as (typeof DIFF_CLASSES)[number])),
    fields: shared.fields ?? countBits(db, filter, 'fields', REVIEW_FIELDS, (v) => fieldBit(v as ReviewField)),
    sites: shared.sites ?? countBy(db, filter, 'sites', 'site_name'),
    statuses: countBy(db, filter, 'statuses', 'status'),
    bands: shared.bands ?? countBy(db, filter, 'bands', 'band'),
    kinds: shared.kinds ?? countBy(db, filter, 'kinds', 'subject_kind')
  }
}
