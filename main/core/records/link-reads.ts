import type { Db } from '../base/sqlite-driver.ts'
import { IDENTITY_FIELDS } from './fields.ts'
import type { LinkageColumns, RecordKind } from './record-columns.ts'

/*
 * The `records` reads of the linkage (core/link): the records it links, a person's rows,
 * and the subjects of links as the linkage screen and `vaxrecon links` list them.
 */

const ACTIVE_LINK = `CASE status WHEN 'confirmed' THEN 0 WHEN 'auto' THEN 1 WHEN 'review' THEN 2 ELSE 3 END`

/**
 * Each subject's current link, as the review screens see it (core/review/links.ts): the
 * active one (confirmed, auto or review), else the latest (none, or a clerk's rejection).
 */
export const CURRENT_LINKS = `
  SELECT * FROM (
    SELECT l.*, ROW_NUMBER() OVER (PARTITION BY subject_kind, subject_id ORDER BY ${ACTIVE_LINK}, id DESC) AS rank
    FROM links l
  ) WHERE rank = 1`

const LINKAGE_COLUMNS = [
  'id',
  'import_id',
  'kind',
  ...IDENTITY_FIELDS,
  'province_code',
  'district_code',
  'ward_code',
  'vaccine',
  'dose_number',
  'dose_date',
  'complaint_type'
] as const satisfies readonly (keyof LinkageColumns)[]

/**
 * Hands every record of one kind to `each`, in id order (runs are reproducible). Rows are
 * read as arrays into one reused object (half a million of them): `each` copies what it keeps.
 */
export function forEachLinkageRecord(db: Db, kind: RecordKind, each: (row: Readonly<LinkageColumns>) => void): void {
  const row = {} as Record<(typeof LINKAGE_COLUMNS)[number], unknown>
  const stmt = db.prepare(`SELECT ${LINKAGE_COLUMNS.join(', ')} FROM records WHERE kind = ? ORDER BY id`).raw()
  for (const values of stmt.iterate(kind) as IterableIterator<unknown[]>) {
    LINKAGE_COLUMNS.forEach((c, i) => (row[c] = values[i]))
    each(row as unknown as LinkageColumns)
  }
}

/** A reader of a person's site record ids, in id order (one statement for many persons). */
export function personSiteRowIds(db: Db): (personId: number) => number[] {
  const stmt = db.prepare(`SELECT id FROM records WHERE person_id = ? AND kind = 'site' ORDER BY id`).pluck()
  return (personId) => stmt.all(personId) as number[]
}

export function countRecords(db: Db, kind: RecordKind): number {
  return db.prepare(`SELECT count(*) FROM records WHERE kind = ?`).pluck().get(kind) as number
}

/** Site and complaint rows by the status of their subject's current link ('none' without one). */
export function rowsByLinkStatus(db: Db): { status: string; n: number }[] {
  return db
    .prepare(
      `WITH cur AS (${CURRENT_LINKS})
       SELECT k AS status, sum(n) AS n FROM (
         SELECT coalesce(cur.status, 'none') AS k, count(*) AS n FROM records r
         LEFT JOIN cur ON cur.subject_kind = 'person' AND cur.subject_id = r.person_id
         WHERE r.kind = 'site' GROUP BY 1
         UNION ALL
         SELECT coalesce(cur.status, 'none') AS k, count(*) AS n FROM records r
         LEFT JOIN cur ON cur.subject_kind = 'complaint' AND cur.subject_id = r.id
         WHERE r.kind = 'complaint' GROUP BY 1
       ) GROUP BY k`
    )
    .all() as { status: string; n: number }[]
}

/** One site or complaint row with its subject's current link (`vaxrecon links`). */
export interface SubjectLinkRow {
  source_kind: 'site' | 'complaint'
  source_file: string
  source_sheet: string | null
  source_row: number
  /** Empty when there is no link (status none). */
  registry_file: string | null
  registry_row: number | null
  person_id: number | null
  match_weight: number | null
  match_probability: number | null
  status: string
}

/**
 * Each site row with its person's current link, each complaint with its own; a rejected
 * link names the registry row a clerk rejected. Site rows first, then complaints, in file
 * and row order.
 */
export function iterateSubjectLinks(db: Db): IterableIterator<SubjectLinkRow> {
  const sql = `
    WITH cur AS (${CURRENT_LINKS}),
    subjects AS (
      SELECT r.id, r.kind, r.import_id, r.source_sheet, r.source_row, r.person_id, cur.id AS link_id
      FROM records r LEFT JOIN cur ON cur.subject_kind = 'person' AND cur.subject_id = r.person_id
      WHERE r.kind = 'site'
      UNION ALL
      SELECT r.id, r.kind, r.import_id, r.source_sheet, r.source_row, r.person_id, cur.id AS link_id
      FROM records r LEFT JOIN cur ON cur.subject_kind = 'complaint' AND cur.subject_id = r.id
      WHERE r.kind = 'complaint'
    )
    SELECT s.kind AS source_kind, i.file_name AS source_file, s.source_sheet, s.source_row,
           CASE WHEN l.status <> 'none' THEN ri.file_name END AS registry_file,
           CASE WHEN l.status <> 'none' THEN rr.source_row END AS registry_row,
           s.person_id, l.match_weight, l.match_probability, coalesce(l.status, 'none') AS status
    FROM subjects s
    JOIN imports i ON i.id = s.import_id
    LEFT JOIN links l ON l.id = s.link_id
    LEFT JOIN records rr ON rr.id = l.registry_record_id
    LEFT JOIN imports ri ON ri.id = rr.import_id
    ORDER BY s.kind DESC, i.file_name, s.import_id, s.source_sheet, s.source_row`
  return db.prepare(sql).iterate() as IterableIterator<SubjectLinkRow>
}
