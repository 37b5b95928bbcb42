import { VaxError } from '../base/errors.ts'
import { inlineContext, type JobContext } from '../base/job-context.ts'
import { siteRowValuesReader } from '../records/bulk-targets.ts'
import type { User } from '../users/users.ts'
import type { Db, Workspace } from '../workspace/workspace.ts'
import { CellWriter, DIFF_COLS, unanimous, type CellDiff, type LinkRow } from './cells.ts'
import { keepValue, nothing } from './decisions.ts'
import type { ReviewField } from './fields.ts'
import { rowsScan, rowWhere, type Where } from './filter.ts'
import { bumpGeneration } from './generation.ts'
import { auditDecision, openDecision, setUndoData, type Decision } from './log.ts'
import { reasonText } from './proposals.ts'
import { withLargeWrite } from './large-writes.ts'
import { refreshCounts } from './row-counts.ts'
import { refreshRows } from './rows.ts'
import type { BulkAction, BulkPreview, BulkRequest, DecisionResult, ReviewFilter } from './schemas.ts'

/**
 * Bulk rules on the grid's current filter: "accept the registry value for every
 * formatting-only difference". A rule takes the undecided diffs of the rows the filter
 * shows, narrowed by its class and field facets; what the action cannot decide is
 * counted as skipped, with the reason. Accepting and deferring are set-based SQL (a
 * hundred thousand differences in one statement each); keeping the site value settles
 * each cell in turn, as a single decision would.
 */

/** The rows a filter shows, with their diffs and links (the filter's SQL is selection's). */
const FROM = `${rowsScan('rr')} JOIN diffs d ON d.link_id = rr.link_id JOIN links l ON l.id = rr.link_id`

function selection(filter: ReviewFilter): Where {
  const rows = rowWhere(filter, 'rr')
  const parts = [rows.sql, filter.statuses.includes('deferred') ? "d.status IN ('open', 'deferred')" : "d.status = 'open'"]
  const params = [...rows.params]
  if (filter.classes.length > 0) {
    parts.push(`d.class IN (${filter.classes.map(() => '?').join(', ')})`)
    params.push(...filter.classes)
  }
  if (filter.fields.length > 0) {
    parts.push(`d.field IN (${filter.fields.map(() => '?').join(', ')})`)
    params.push(...filter.fields)
  }
  return { sql: parts.join(' AND '), params }
}

/** Why one diff cannot take this action ('' when it can), as SQL over d and l. */
function blocker(action: BulkAction): string {
  if (action === 'defer') return "''"
  return `CASE WHEN l.subject_kind <> 'person' THEN 'complaint'
    WHEN l.status = 'review' THEN 'link_unconfirmed'
    WHEN l.status NOT IN ('auto', 'confirmed') THEN 'link_inactive'
    ${action === 'accept_registry' ? "WHEN d.registry_value IS NULL THEN 'registry_empty'" : ''}
    WHEN EXISTS (SELECT 1 FROM proposals p WHERE p.record_id = d.record_id AND p.field = d.field AND p.target = 'site'
                   AND p.status IN ('approved', 'exported')) THEN 'already_approved'
    ELSE '' END`
}

/** One pass over the selection: its groups by blocker, class and field, and how many rows it spans. */
function previewSql(db: Db, filter: ReviewFilter, action: 'accept_registry' | 'defer'): BulkPreview {
  const sel = selection(filter)
  const preview: BulkPreview = { diffs: 0, rows: 0, proposals: 0, byClass: {}, byField: {}, skipped: {} }
  const groups = db
    .prepare(
      `WITH s AS MATERIALIZED (SELECT ${blocker(action)} AS blocker, d.class, d.field, d.link_id FROM ${FROM} WHERE ${sel.sql})
       SELECT blocker, class, field, count(*) AS n, (SELECT count(DISTINCT link_id) FROM s WHERE blocker = '') AS rows
       FROM s GROUP BY 1, 2, 3`
    )
    .all(...sel.params) as { blocker: string; class: string; field: string; n: number; rows: number }[]
  for (const g of groups) {
    preview.rows = g.rows
    if (g.blocker !== '') {
      preview.skipped[g.blocker] = (preview.skipped[g.blocker] ?? 0) + g.n
      continue
    }
    preview.diffs += g.n
    preview.byClass[g.class] = (preview.byClass[g.class] ?? 0) + g.n
    preview.byField[g.field] = (preview.byField[g.field] ?? 0) + g.n
  }
  preview.proposals = action === 'accept_registry' ? preview.diffs : 0
  return preview
}

interface KeepCell {
  link: LinkRow
  field: ReviewField
  all: CellDiff[]
  value: string
}

/** Keeping the site value settles whole cells, and only those whose site rows agree. */
function planKeep(db: Db, filter: ReviewFilter): { cells: KeepCell[]; preview: BulkPreview } {
  const sel = selection(filter)
  const preview: BulkPreview = { diffs: 0, rows: 0, proposals: 0, byClass: {}, byField: {}, skipped: {} }
  const skip = (k: string, n: number): void => {
    preview.skipped[k] = (preview.skipped[k] ?? 0) + n
  }
  const heads = db
    .prepare(
      `SELECT d.link_id, d.field, count(*) AS n, ${blocker('keep_site')} AS blocker, l.subject_kind, l.subject_id, l.registry_record_id, l.status
       FROM ${FROM} WHERE ${sel.sql} GROUP BY d.link_id, d.field ORDER BY d.link_id, d.field`
    )
    .all(...sel.params) as {
    link_id: number
    field: ReviewField
    n: number
    blocker: string
    subject_kind: 'person' | 'complaint'
    subject_id: number
    registry_record_id: number | null
    status: string
  }[]
  const allOf = db.prepare(`SELECT ${DIFF_COLS} FROM diffs WHERE link_id = ? AND field = ? AND status <> 'unlinked' ORDER BY record_id`)
  const siteRows = siteRowValuesReader(db)
  const cells: KeepCell[] = []
  const links = new Set<number>()
  for (const h of heads) {
    if (h.blocker !== '') {
      skip(h.blocker, h.n)
      continue
    }
    const all = allOf.all(h.link_id, h.field) as CellDiff[]
    const value = keepValue(all, undefined, false)
    if (value === null) {
      skip(unanimous(all) === undefined ? 'site_values_differ' : 'site_empty', h.n)
      continue
    }
    const differing = siteRows(h.subject_id).filter((r) => (r[h.field] === '' ? null : r[h.field]) !== value)
    preview.proposals += differing.length + (all[0]?.registry_value !== value ? 1 : 0)
    preview.diffs += all.length
    for (const d of all) {
      preview.byClass[d.class] = (preview.byClass[d.class] ?? 0) + 1
      preview.byField[d.field] = (preview.byField[d.field] ?? 0) + 1
    }
    links.add(h.link_id)
    cells.push({
      link: {
        id: h.link_id,
        subject_kind: h.subject_kind,
        subject_id: h.subject_id,
        registry_record_id: h.registry_record_id,
        status: h.status
      },
      field: h.field,
      all,
      value
    })
  }
  preview.rows = links.size
  return { cells, preview }
}

export function previewBulk(ws: Workspace, filter: ReviewFilter, action: BulkAction): BulkPreview {
  return action === 'keep_site' ? planKeep(ws.db, filter).preview : previewSql(ws.db, filter, action)
}

/**
 * Accepting or deferring: the selection goes into a temp table; its size is the count to
 * check. It carries the diff columns the later steps read (the undo record, the
 * proposals), so the diffs are read once, here, and written once, by the status update.
 */
function selectSql(db: Db, filter: ReviewFilter, action: 'accept_registry' | 'defer'): number {
  const sel = selection(filter)
  db.exec(
    `CREATE TEMP TABLE IF NOT EXISTS review_bulk (diff_id INTEGER PRIMARY KEY, link_id INTEGER NOT NULL, record_id INTEGER NOT NULL,
       field TEXT NOT NULL, status TEXT NOT NULL, note TEXT, decision_id INTEGER, site_value TEXT, registry_value TEXT)`
  )
  db.exec('DELETE FROM temp.review_bulk')
  return db
    .prepare(
      `INSERT INTO temp.review_bulk
       SELECT d.id, d.link_id, d.record_id, d.field, d.status, d.note, d.decision_id, d.site_value, d.registry_value
       FROM ${FROM} WHERE ${sel.sql} AND ${blocker(action)} = ''`
    )
    .run(...sel.params).changes
}

/**
 * Then one statement per step over the selection, each driven by it (CROSS JOIN keeps it
 * the outer loop): left to itself SQLite probed the whole selection for every proposal
 * still proposed in the workspace.
 */
function applySql(db: Db, d: Decision, action: 'accept_registry' | 'defer', note: string): { restore: { id: number; status: string }[] } {
  const restore =
    action === 'accept_registry'
      ? (
          db
            .prepare(
              `UPDATE proposals SET status = 'superseded' WHERE id IN (
                 SELECT p.id FROM temp.review_bulk b CROSS JOIN proposals p ON p.record_id = b.record_id AND p.field = b.field
                 WHERE p.target = 'site' AND p.status = 'proposed' AND p.decision_id IS NOT NULL) RETURNING id`
            )
            .pluck()
            .all() as number[]
        ).map((id) => ({ id, status: 'proposed' }))
      : []
  db.prepare(
    `INSERT INTO review_decision_diffs (decision_id, diff_id, old_status, old_note, old_decision_id)
     SELECT ?, diff_id, status, note, decision_id FROM temp.review_bulk ORDER BY diff_id`
  ).run(d.id)
  if (action === 'accept_registry') {
    db.prepare(
      `INSERT INTO proposals (diff_id, record_id, target, field, old_value, new_value, reason, evidence, proposed_by, proposed_at, decision_id)
       SELECT diff_id, record_id, 'site', field, site_value, registry_value, ?, ?, ?, ?, ? FROM temp.review_bulk ORDER BY diff_id`
    ).run(reasonText('accept_registry'), note || null, d.user.id, d.at, d.id)
  }
  // OR FAIL: as in row-counts.ts, the transaction is what rolls a failure back.
  db.prepare('UPDATE OR FAIL diffs SET status = ?, note = ?, decision_id = ? WHERE id IN (SELECT diff_id FROM temp.review_bulk)').run(
    action === 'accept_registry' ? 'accepted' : 'deferred',
    note || null,
    d.id
  )
  refreshCounts(db, 'SELECT DISTINCT link_id FROM temp.review_bulk')
  db.exec('DELETE FROM temp.review_bulk')
  return { restore }
}

/** Applies a bulk rule as one decision (one undo step); refused if the count shown to the clerk is stale. */
export function applyBulk(ws: Workspace, user: User, req: BulkRequest, ctx: JobContext = inlineContext()): DecisionResult {
  // Every key the set-based actions write is a row id they have just read or made (the
  // diff, its record, the clerk, the decision), and they delete nothing.
  const keysByConstruction = req.action !== 'keep_site'
  return withLargeWrite(ws.db, () => ws.tx(() => decideBulk(ws.db, user, req, ctx)), { keysByConstruction })
}

function decideBulk(db: Db, user: User, req: BulkRequest, ctx: JobContext): DecisionResult {
  ctx.progress({ done: 0, total: null, stage: 'bulk' })
  const keep = req.action === 'keep_site' ? planKeep(db, req.filter) : null
  const count = keep ? keep.preview.diffs : selectSql(db, req.filter, req.action as 'accept_registry' | 'defer')
  if (req.expected !== undefined && count !== req.expected) {
    throw new VaxError(
      'REVIEW_BULK_CHANGED',
      {
        vi: `Số khác biệt đã thay đổi (${req.expected} → ${count}). Hãy xem lại trước khi áp dụng.`,
        en: `The number of differences changed (${req.expected} → ${count}). Check again before applying.`
      },
      { expected: req.expected, now: count }
    )
  }
  if (count === 0) throw nothing()
  const d = openDecision(db, user, req.action, 'bulk', { filter: req.filter, diffs: count })
  let restore: { id: number; status: string }[]
  if (keep) {
    const w = new CellWriter(db, d)
    for (const cell of keep.cells) {
      w.retireCell(cell.link, cell.field)
      w.settle(cell.link, cell.field, cell.all, cell.all[0]?.registry_value ?? null, cell.value, 'keep_site', req.note)
    }
    refreshRows(db, 'SELECT value FROM json_each(?)', [JSON.stringify([...new Set(keep.cells.map((c) => c.link.id))])])
    restore = w.restore
  } else {
    ;({ restore } = applySql(db, d, req.action as 'accept_registry' | 'defer', req.note))
  }
  // The writes are set-wise SQL: a cancel is honoured between them, and rolls all back.
  ctx.checkCancelled()
  setUndoData(db, d.id, { restore })
  bumpGeneration(db)
  const made = db.prepare('SELECT count(*) AS n, min(id) AS first, max(id) AS last FROM proposals WHERE decision_id = ?').get(d.id) as {
    n: number
    first: number | null
    last: number | null
  }
  auditDecision(db, d, `bulk.${req.action}`, {
    new: { filter: req.filter, diffs: count, proposals: made.n, firstProposal: made.first, lastProposal: made.last },
    reason: req.note || null
  })
  return { decisionId: d.id, diffs: count, proposals: made.n, warnings: [] }
}
