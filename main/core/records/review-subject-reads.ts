import type { Db } from '../base/sqlite-driver.ts'
import type { IdentityColumns } from './record-columns.ts'

/**
 * The review's reads of one subject (a site person or a complaint) and the registry
 * persons it may be: its own rows, the stored candidates, the linked registry row, and the
 * namesakes and twins of a held link. Each returns the row type declared beside it.
 */

/** A subject of linkage: a site person (through its rows) or a complaint (its one row). */
export interface SubjectKey {
  kind: 'person' | 'complaint'
  id: number
}

export interface IdentityRecord extends IdentityColumns {
  id: number
}

const IDENTITY_COLS = 'r.id, r.full_name, r.dob, r.gender, r.national_id, r.old_national_id, r.phone, r.address'

/** Where a row came from, as the panels show it: "file, sheet, dòng N". */
export const SOURCE_SQL = `(SELECT i.file_name FROM imports i WHERE i.id = r.import_id) || ', ' || r.source_sheet || ', dòng ' || r.source_row`

const subjectWhere = (s: SubjectKey): string =>
  s.kind === 'person' ? "r.person_id = ? AND r.kind = 'site'" : "r.id = ? AND r.kind = 'complaint'"

export interface SubjectIdentityRow extends IdentityRecord {
  site_name: string | null
  source: string
}

/** The subject's own rows: a person's site rows by dose date, or the complaint. */
export function subjectIdentityRows(db: Db, s: SubjectKey): SubjectIdentityRow[] {
  return db
    .prepare(
      `SELECT ${IDENTITY_COLS}, r.site_name, ${SOURCE_SQL} AS source FROM records r WHERE ${subjectWhere(s)} ORDER BY r.dose_date, r.id`
    )
    .all(s.id) as SubjectIdentityRow[]
}

export interface CandidateIdentityRow extends IdentityRecord {
  match_weight: number
  contributions_json: string
}

/** The stored candidates of a subject, strongest first, at most `limit`. */
export function candidateIdentityRows(db: Db, s: SubjectKey, limit: number): CandidateIdentityRow[] {
  return db
    .prepare(
      `SELECT ${IDENTITY_COLS}, c.match_weight, c.contributions_json FROM candidates c JOIN records r ON r.id = c.registry_record_id
       WHERE c.subject_kind = ? AND c.subject_id = ? ORDER BY c.match_weight DESC, r.id LIMIT ?`
    )
    .all(s.kind, s.id, limit) as CandidateIdentityRow[]
}

export interface LinkedIdentityRow extends IdentityRecord {
  match_weight: number | null
  contributions_json: string
}

/** The registry row a link points to, with the link's weight and waterfall. */
export function linkedIdentityRow(db: Db, linkId: number): LinkedIdentityRow | undefined {
  return db
    .prepare(
      `SELECT ${IDENTITY_COLS}, l.match_weight, l.contributions_json FROM links l JOIN records r ON r.id = l.registry_record_id WHERE l.id = ?`
    )
    .get(linkId) as LinkedIdentityRow | undefined
}

/** Registry rows born on `dob`, other than `exceptId`: where namesakes and twins are found. */
export function registryBornOn(db: Db, dob: string, exceptId: number): IdentityRecord[] {
  // No index on birth date: this runs only for a held link, when the clerk opens its panel.
  return db
    .prepare(`SELECT ${IDENTITY_COLS} FROM records r WHERE r.kind = 'registry' AND r.dob = ? AND r.id <> ?`)
    .all(dob, exceptId) as IdentityRecord[]
}

/** The registry row a person is linked to (active link, latest first). */
export function personRegistryIdentity(db: Db, personId: number): IdentityRecord | undefined {
  return db
    .prepare(
      `SELECT ${IDENTITY_COLS}
       FROM links l JOIN records r ON r.id = l.registry_record_id
       WHERE l.subject_kind = 'person' AND l.subject_id = ? AND l.status IN ('auto', 'review', 'confirmed') ORDER BY l.id DESC LIMIT 1`
    )
    .get(personId) as IdentityRecord | undefined
}

/** Whether the subject exists: a person with a site row, or a complaint row. */
export function subjectExists(db: Db, s: SubjectKey): boolean {
  return s.kind === 'person'
    ? db.prepare("SELECT 1 FROM records WHERE person_id = ? AND kind = 'site' LIMIT 1").get(s.id) !== undefined
    : db.prepare('SELECT kind FROM records WHERE id = ?').pluck().get(s.id) === 'complaint'
}

/** One column of one record (null when the record is absent). `column` is a field name from the caller's own list. */
export function recordValue(db: Db, recordId: number, column: string): string | null {
  return (db.prepare(`SELECT ${column} FROM records WHERE id = ?`).pluck().get(recordId) as string | null | undefined) ?? null
}

/** The named columns of one record, or undefined. */
export function recordValues<F extends string>(db: Db, recordId: number, columns: readonly F[]): Record<F, string | null> | undefined {
  return db.prepare(`SELECT ${columns.join(', ')} FROM records WHERE id = ?`).get(recordId) as Record<F, string | null> | undefined
}

/** The registry row of each link, in the named columns, by link id. */
export function registryValuesOfLinks<F extends string>(
  db: Db,
  linkIds: readonly number[],
  columns: readonly F[]
): Map<number, Record<F, string | null>> {
  const out = new Map<number, Record<F, string | null>>()
  for (const r of db
    .prepare(
      `SELECT l.id AS link_id, ${columns.map((f) => `r.${f}`).join(', ')} FROM links l JOIN records r ON r.id = l.registry_record_id
       WHERE l.id IN (SELECT value FROM json_each(?))`
    )
    .all(JSON.stringify(linkIds)) as ({ link_id: number } & Record<F, string | null>)[]) {
    out.set(r.link_id, r)
  }
  return out
}

/**
 * The live proposals (proposed, approved, exported) that decisions on a link's diffs made
 * on its registry row or on the subject's rows: what unlinking it must withdraw.
 */
export function liveProposalsOfLink(
  db: Db,
  link: { id: number; subject_kind: SubjectKey['kind']; subject_id: number; registry_record_id: number | null }
): { id: number; status: string }[] {
  return db
    .prepare(
      `SELECT id, status FROM proposals
       WHERE target IN ('site', 'registry') AND decision_id IN (SELECT decision_id FROM diffs WHERE link_id = ? AND decision_id IS NOT NULL)
         AND (record_id = ? OR record_id IN (SELECT id FROM records WHERE ${link.subject_kind === 'person' ? "person_id = ? AND kind = 'site'" : 'id = ?'}))
         AND status IN ('proposed', 'approved', 'exported')`
    )
    .all(link.id, link.registry_record_id, link.subject_id) as { id: number; status: string }[]
}
