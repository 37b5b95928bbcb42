import type { Db } from '../base/sqlite-driver.ts'
import { CURRENT_LINKS } from './link-reads.ts'

/* The `records` reads of the linkage screen: its table of links and one link's detail. */

export interface LinkListRow {
  linkId: number
  subjectKind: 'person' | 'complaint'
  subjectId: number
  subjectName: string | null
  rows: number
  registryName: string | null
  weight: number | null
  probability: number | null
  status: string
  hold: string | null
}

export interface LinkListPage {
  /** Only links of this status (any when absent). */
  status?: string | undefined
  /** Only links held for this reason (any when absent). */
  hold?: string | undefined
  order: 'weight_desc' | 'weight_asc'
  offset: number
  limit: number
}

/**
 * A page of subjects' current links, with the subject's name (a person's first site row)
 * and row count and the registry person's name, and how many links the filter matches.
 */
export function linkListPage(db: Db, q: LinkListPage): { total: number; rows: LinkListRow[] } {
  const where: string[] = []
  const args: (string | number)[] = []
  if (q.status) {
    where.push('l.status = ?')
    args.push(q.status)
  }
  if (q.hold) {
    where.push('l.hold_reason = ?')
    args.push(q.hold)
  }
  const filter = where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''
  const total = db
    .prepare(`SELECT count(*) FROM (${CURRENT_LINKS}) l ${filter}`)
    .pluck()
    .get(...args) as number
  const rows = db
    .prepare(
      `SELECT l.id AS linkId, l.subject_kind AS subjectKind, l.subject_id AS subjectId,
              CASE l.subject_kind WHEN 'person' THEN (SELECT full_name FROM records WHERE person_id = l.subject_id AND kind = 'site' ORDER BY id LIMIT 1)
                                  ELSE (SELECT full_name FROM records WHERE id = l.subject_id) END AS subjectName,
              CASE l.subject_kind WHEN 'person' THEN (SELECT count(*) FROM records WHERE person_id = l.subject_id AND kind = 'site') ELSE 1 END AS rows,
              rr.full_name AS registryName, l.match_weight AS weight, l.match_probability AS probability, l.status, l.hold_reason AS hold
       FROM (${CURRENT_LINKS}) l LEFT JOIN records rr ON rr.id = l.registry_record_id
       ${filter}
       ORDER BY l.match_weight IS NULL, l.match_weight ${q.order === 'weight_asc' ? 'ASC' : 'DESC'}, l.id
       LIMIT ? OFFSET ?`
    )
    .all(...args, q.limit, q.offset) as LinkListRow[]
  return { total, rows }
}

/** A person's fields as the linkage screen compares them. */
export interface PersonFields {
  id: number
  full_name: string | null
  dob: string | null
  gender: string | null
  national_id: string | null
  old_national_id: string | null
  phone: string | null
  address: string | null
  ward_code: string | null
}

const PERSON_FIELDS = 'id, full_name, dob, gender, national_id, old_national_id, phone, address, ward_code'

/** A reader of one record's person fields by records.id (one statement for many). */
export function personFieldsReader(db: Db): (recordId: number) => PersonFields | undefined {
  const stmt = db.prepare(`SELECT ${PERSON_FIELDS} FROM records WHERE id = ?`)
  return (recordId) => stmt.get(recordId) as PersonFields | undefined
}

/** A subject's row with where it came from and the dose it records. */
export interface SubjectRecord extends PersonFields {
  source_file: string
  source_row: number
  vaccine: string | null
  dose_number: number | null
  dose_date: string | null
}

/** A person's site rows by dose date, or a complaint's own row. */
export function subjectRecords(db: Db, kind: 'person' | 'complaint', subjectId: number): SubjectRecord[] {
  const fields = `r.id, r.full_name, r.dob, r.gender, r.national_id, r.old_national_id, r.phone, r.address, r.ward_code, i.file_name AS source_file, r.source_row, r.vaccine, r.dose_number, r.dose_date`
  return db
    .prepare(
      kind === 'person'
        ? `SELECT ${fields} FROM records r JOIN imports i ON i.id = r.import_id WHERE r.person_id = ? AND r.kind = 'site' ORDER BY r.dose_date, r.id`
        : `SELECT ${fields} FROM records r JOIN imports i ON i.id = r.import_id WHERE r.id = ?`
    )
    .all(subjectId) as SubjectRecord[]
}
