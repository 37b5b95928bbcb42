import type { Db } from '../workspace/workspace.ts'
import { foldForMatch } from '../base/vn-text.ts'
import { DIFF_CLASSES, REVIEW_FIELDS, classBit, fieldBit } from './fields.ts'
import { subjectRecordJoin } from '../records/site-rows-of-person.ts'

/**
 * Keeps review_rows (one grid row per linked subject with differences) in step with
 * diffs. Every function that changes diffs calls refreshRows for the links it touched,
 * inside the same transaction.
 */

const registered = new WeakSet<Db>()

/** Vietnamese lists sort by given name, then by the full name: "Anh" before "Bình". */
export function nameKey(fullName: string | null): string {
  const f = foldForMatch(fullName ?? '').trim()
  const given = f.split(/\s+/).pop() ?? ''
  return `${given} ${f}`
}

/** SQL functions review queries use; registered once per connection (UI and job worker). */
export function ensureReviewFunctions(db: Db): void {
  if (registered.has(db)) return
  db.function('vx_name_key', { deterministic: true }, (s: unknown) => nameKey(typeof s === 'string' ? s : null))
  registered.add(db)
}

const PENDING = "d.status IN ('open', 'deferred')"
const bits = (pred: (col: string) => string): string =>
  DIFF_CLASSES.map((c) => `(max(d.class = '${c}' AND ${pred('d')}) * ${classBit(c)})`).join(' | ')
const fieldBits = (pred: (col: string) => string): string =>
  REVIEW_FIELDS.map((f) => `(max(d.field = '${f}' AND ${pred('d')}) * ${fieldBit(f)})`).join(' | ')

const AGGREGATE = `
  SELECT d.link_id,
    sum(d.status = 'open') AS open_n,
    sum(d.status = 'deferred') AS deferred_n,
    sum(${PENDING}) AS pending_n,
    ${bits(() => PENDING)} AS pending_classes,
    ${bits(() => "d.status <> 'unlinked'")} AS decided_classes,
    ${bits(() => 'true')} AS any_classes,
    ${fieldBits(() => PENDING)} AS pending_fields,
    ${fieldBits(() => "d.status <> 'unlinked'")} AS decided_fields,
    ${fieldBits(() => 'true')} AS any_fields
  FROM diffs d`

/**
 * Rebuilds the grid rows of the links selected by `linkSet` (a SQL subquery yielding
 * link ids, with its parameters).
 */
export function refreshRows(db: Db, linkSet: string, params: unknown[] = []): void {
  ensureReviewFunctions(db)
  db.prepare(
    `DELETE FROM review_rows WHERE link_id IN (${linkSet}) AND NOT EXISTS (SELECT 1 FROM diffs d WHERE d.link_id = review_rows.link_id)`
  ).run(...params)
  // An upsert: a row that stays only has its counts and status rewritten. The row's name and
  // site are those of the subject's first dose (a complaint: itself); a site file without a
  // site column is known by its file name.
  db.prepare(
    `INSERT INTO review_rows (link_id, subject_kind, subject_id, full_name, name_key, site_name, band, match_weight,
                              classes, fields, open_diffs, status)
     SELECT l.id, l.subject_kind, l.subject_id, coalesce(s.full_name, ''), vx_name_key(s.full_name),
            coalesce(s.site_name, (SELECT i.file_name FROM imports i WHERE i.id = s.import_id AND s.kind = 'site'), ''),
            l.status, coalesce(l.match_weight, 0),
            CASE WHEN l.status = 'rejected' THEN a.any_classes WHEN a.pending_n > 0 THEN a.pending_classes ELSE a.decided_classes END,
            CASE WHEN l.status = 'rejected' THEN a.any_fields WHEN a.pending_n > 0 THEN a.pending_fields ELSE a.decided_fields END,
            a.open_n,
            CASE WHEN l.status = 'rejected' THEN 'unlinked' WHEN a.open_n > 0 THEN 'open'
                 WHEN a.deferred_n > 0 THEN 'deferred' ELSE 'done' END
     FROM (${AGGREGATE} WHERE d.link_id IN (${linkSet}) GROUP BY d.link_id) a
     JOIN links l ON l.id = a.link_id
     ${subjectRecordJoin('l', 's')}
     WHERE true
     ON CONFLICT (link_id) DO UPDATE SET
       subject_kind = excluded.subject_kind, subject_id = excluded.subject_id, full_name = excluded.full_name,
       name_key = excluded.name_key, site_name = excluded.site_name, band = excluded.band,
       match_weight = excluded.match_weight, classes = excluded.classes, fields = excluded.fields,
       open_diffs = excluded.open_diffs, status = excluded.status`
  ).run(...params)
}
