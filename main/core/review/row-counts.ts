import type { Db } from '../workspace/workspace.ts'
import { DIFF_CLASSES, REVIEW_FIELDS, classBit, fieldBit } from './fields.ts'

/**
 * After decisions that change only diff statuses (bulk, undo), rewrites the counts and
 * status of the grid rows that exist (their name, site and weight cannot have changed),
 * with the same rules as refreshRows in rows.ts, and only where they changed: every
 * rewritten row moves an entry of review_rows' covering index, which at a hundred
 * thousand rows is most of what a bulk decision costs.
 *
 * One aggregate per class and per field, not three: a diff weighs 2 when undecided (open,
 * deferred), 1 when decided and 0 when unlinked, and a mask keeps a bit when its heaviest
 * diff reaches what the row shows: undecided ones (2) while any are left, else the decided
 * ones (1), or every diff (0) for a rejected link.
 *
 * OR FAIL: the callers run it inside their transaction, which a failure rolls back whole,
 * so the statement needs no journal of its own; with the default (ABORT) SQLite copied
 * every page the statement touched (most of review_rows and its index) to one first.
 */

const weight = "CASE WHEN d.status IN ('open', 'deferred') THEN 2 WHEN d.status <> 'unlinked' THEN 1 ELSE 0 END"
const classLevel = (i: number): string => `c${i}`
const fieldLevel = (i: number): string => `f${i}`

const LEVELS = `
  SELECT d.link_id,
    sum(d.status = 'open') AS open_n,
    sum(d.status IN ('open', 'deferred')) AS pending_n,
    sum(d.status = 'deferred') AS deferred_n,
    ${DIFF_CLASSES.map((c, i) => `max(CASE WHEN d.class = '${c}' THEN ${weight} END) AS ${classLevel(i)}`).join(',\n    ')},
    ${REVIEW_FIELDS.map((f, i) => `max(CASE WHEN d.field = '${f}' THEN ${weight} END) AS ${fieldLevel(i)}`).join(',\n    ')}
  FROM diffs d`

const NEED = "CASE WHEN l.status = 'rejected' THEN 0 WHEN g.pending_n > 0 THEN 2 ELSE 1 END"
const mask = (levels: { level: string; bit: number }[]): string =>
  levels.map((b) => `((coalesce(a.${b.level}, -1) >= a.need) * ${b.bit})`).join(' | ')

/** Refreshes the rows of the links that `linkSet` (a SQL subquery yielding link ids) selects; inside a transaction only. */
export function refreshCounts(db: Db, linkSet: string, params: unknown[] = []): void {
  db.prepare(
    `UPDATE OR FAIL review_rows SET classes = n.classes, fields = n.fields, open_diffs = n.open_diffs, status = n.status
     FROM (SELECT a.link_id,
             ${mask(DIFF_CLASSES.map((c, i) => ({ level: classLevel(i), bit: classBit(c) })))} AS classes,
             ${mask(REVIEW_FIELDS.map((f, i) => ({ level: fieldLevel(i), bit: fieldBit(f) })))} AS fields,
             a.open_n AS open_diffs,
             CASE WHEN a.link_status = 'rejected' THEN 'unlinked' WHEN a.open_n > 0 THEN 'open'
                  WHEN a.deferred_n > 0 THEN 'deferred' ELSE 'done' END AS status
           FROM (SELECT g.*, l.status AS link_status, ${NEED} AS need
                 FROM (${LEVELS} WHERE d.link_id IN (${linkSet}) GROUP BY d.link_id) g JOIN links l ON l.id = g.link_id) a) n
     WHERE review_rows.link_id = n.link_id
       AND (review_rows.classes, review_rows.fields, review_rows.open_diffs, review_rows.status) <> (n.classes, n.fields, n.open_diffs, n.status)`
  ).run(...params)
}
