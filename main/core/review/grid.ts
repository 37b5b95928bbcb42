import type { Db, Workspace } from '../workspace/workspace.ts'
import { DIFF_CLASSES, REVIEW_FIELDS, classBit, fieldBit, type ReviewField } from './fields.ts'
import { rowWhere, type FacetDimension } from './filter.ts'
import { generation } from './generation.ts'
import { highlight } from './highlight.ts'
import { ensureReviewFunctions } from './rows.ts'
import type { CellVariant, Facets, GridCell, GridPage, GridPageRequest, GridRow, GridSort, ReviewFilter } from './schemas.ts'

/**
 * The review grid's queries. A page is an indexed range scan of review_rows plus the
 * diffs of its rows; the renderer's infinite row model asks for one block at a time, so
 * nothing ever loads a whole table.
 */

const ORDER: Record<GridSort['column'], (dir: string) => string> = {
  name: (d) => `name_key ${d}, link_id ${d}`,
  site: (d) => `site_name ${d}, name_key ${d}, link_id ${d}`,
  weight: (d) => `match_weight ${d}, link_id ${d}`,
  status: (d) => `status ${d}, name_key, link_id`,
  open: (d) => `open_diffs ${d}, link_id ${d}`
}

export function orderBy(sort: GridSort | null): string {
  const s = sort ?? { column: 'name', dir: 'asc' }
  return ORDER[s.column](s.dir === 'desc' ? 'DESC' : 'ASC')
}

// Counts are the slow part of a page over a million rows; they only change with the data.
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
  const n = (db.prepare(`SELECT count(*) AS n FROM review_rows WHERE ${where.sql}`).get(...where.params) as { n: number }).n
  if (entry.counts.size > 50) entry.counts.clear()
  entry.counts.set(key, n)
  return n
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

function buildCells(registry: Record<string, string | null> | undefined, diffs: PageDiff[], proposed: Map<number, string | null>): Record<ReviewField, GridCell> {
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
  const where = rowWhere(req.filter, 'rr')
  const limit = Math.max(0, Math.min(500, req.endRow - req.startRow))
  const rows = db
    .prepare(
      `SELECT link_id, subject_kind, subject_id, full_name, site_name, band, match_weight, status, open_diffs
       FROM review_rows rr WHERE ${where.sql} ORDER BY ${orderBy(req.sort)} LIMIT ? OFFSET ?`
    )
    .all(...where.params, limit, req.startRow) as PageRow[]
  const linkIds = JSON.stringify(rows.map((r) => r.link_id))
  const diffs = db
    .prepare(
      `SELECT id, link_id, field, site_value, registry_value, class, detail, status, note FROM diffs
       WHERE link_id IN (SELECT value FROM json_each(?)) ORDER BY link_id, field, record_id`
    )
    .all(linkIds) as PageDiff[]
  // The registry row of each link, for the fields that agree.
  const registry = new Map<number, Record<string, string | null>>()
  for (const r of db
    .prepare(
      `SELECT l.id AS link_id, ${REVIEW_FIELDS.map((f) => `r.${f}`).join(', ')} FROM links l JOIN records r ON r.id = l.registry_record_id
       WHERE l.id IN (SELECT value FROM json_each(?))`
    )
    .all(linkIds) as ({ link_id: number } & Record<string, string | null>)[]) {
    registry.set(r.link_id, r)
  }
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
    rowCount: countRows(db, req.filter),
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
  for (const r of db.prepare(`SELECT ${col} AS k, count(*) AS n FROM review_rows WHERE ${where.sql} GROUP BY ${col}`).all(...where.params) as {
    k: string
    n: number
  }[]) {
    out[r.k] = r.n
  }
  return out
}

function countBits(db: Db, filter: ReviewFilter, dim: 'classes' | 'fields', values: readonly string[], bit: (v: string) => number): Record<string, number> {
  const where = rowWhere(filter, 'review_rows', dim)
  const cols = values.map((v, i) => `sum((${dim} & ${bit(v)}) <> 0) AS c${i}`).join(', ')
  const row = db.prepare(`SELECT ${cols} FROM review_rows WHERE ${where.sql}`).get(...where.params) as Record<string, number | null>
  return Object.fromEntries(values.map((v, i) => [v, row[`c${i}`] ?? 0]))
}

/** Counts per facet value, each facet under all the other facets' choices. */
export function facets(ws: Workspace, filter: ReviewFilter): Facets {
  const db = ws.db
  ensureReviewFunctions(db)
  return {
    total: countRows(db, filter),
    classes: countBits(db, filter, 'classes', DIFF_CLASSES, (v) => classBit(v as (typeof DIFF_CLASSES)[number])),
    fields: countBits(db, filter, 'fields', REVIEW_FIELDS, (v) => fieldBit(v as ReviewField)),
    sites: countBy(db, filter, 'sites', 'site_name'),
    statuses: countBy(db, filter, 'statuses', 'status'),
    bands: countBy(db, filter, 'bands', 'band'),
    kinds: countBy(db, filter, 'kinds', 'subject_kind')
  }
}
