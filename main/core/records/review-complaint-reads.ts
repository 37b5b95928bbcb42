import type { Db } from '../base/sqlite-driver.ts'
import type { DoseColumns, IdentityColumns, RecordKind } from './record-columns.ts'
import { SOURCE_SQL, type IdentityRecord } from './review-subject-reads.ts'

/**
 * The complaints' reads: the queue (each complaint with its latest outcome), a complaint
 * opened, the site rows that bear on it and the registry person it is linked to.
 */

/** A complaint in the queue, with its latest outcome; open means no outcome yet, or deferred. */
export interface ComplaintQueueRow {
  id: number
  complaint_id: string | null
  submitted_at: string | null
  complaint_type: string | null
  full_name: string | null
  national_id: string | null
  site_name: string | null
  outcome: 'approved' | 'deferred' | 'rejected' | null
  reason_code: string | null
  note: string | null
  decided_at: string | null
  decided_by: string | null
  open: number
  linked: number
}

// deadline_utc: the submission (Vietnam time, UTC+7) plus the hours a complaint may wait.
const complaintsSql = (hours: number): string => `
  SELECT r.id, r.complaint_id, r.submitted_at, r.complaint_type, r.full_name, r.national_id, r.site_name,
         o.outcome, o.reason_code, o.note, o.decided_at, u.name AS decided_by,
         (o.id IS NULL OR o.outcome = 'deferred') AS open,
         EXISTS (SELECT 1 FROM links l WHERE l.subject_kind = 'complaint' AND l.subject_id = r.id
                   AND l.status IN ('auto', 'review', 'confirmed') AND l.registry_record_id IS NOT NULL) AS linked,
         datetime(replace(r.submitted_at, ' ', 'T'), '-7 hours', '+${Number(hours)} hours') AS deadline_utc
  FROM records r
  LEFT JOIN complaint_outcomes o ON o.id = (SELECT max(x.id) FROM complaint_outcomes x WHERE x.record_id = r.id)
  LEFT JOIN users u ON u.id = o.decided_by
  WHERE r.kind = 'complaint'`

export interface ComplaintCounts {
  open: number | null
  overdue: number | null
  resolved: number | null
  late: number | null
}

/** Open, overdue at `nowSql` (UTC, "yyyy-mm-dd hh:mm:ss"), resolved, and resolved after the deadline. */
export function complaintCounts(db: Db, hours: number, nowSql: string): ComplaintCounts {
  return db
    .prepare(
      `SELECT sum(open) AS open, sum(open AND deadline_utc < ?) AS overdue, sum(NOT open) AS resolved,
              sum(NOT open AND datetime(decided_at) > deadline_utc) AS late
       FROM (${complaintsSql(hours)})`
    )
    .get(nowSql) as ComplaintCounts
}

export function complaintQueueRows(db: Db, hours: number, view: 'open' | 'resolved' | 'all'): ComplaintQueueRow[] {
  const where = { open: 'open = 1', resolved: 'open = 0', all: '1' }[view]
  return db.prepare(`SELECT * FROM (${complaintsSql(hours)}) WHERE ${where}`).all() as ComplaintQueueRow[]
}

export function complaintQueueRow(db: Db, hours: number, recordId: number): ComplaintQueueRow | undefined {
  return db.prepare(`SELECT * FROM (${complaintsSql(hours)}) WHERE id = ?`).get(recordId) as ComplaintQueueRow | undefined
}

/** The sites complaints name ('' for none), sorted. */
export function complaintSites(db: Db): string[] {
  return db.prepare("SELECT DISTINCT coalesce(site_name, '') FROM records WHERE kind = 'complaint' ORDER BY 1").pluck().all() as string[]
}

/** A record opened as a complaint (any kind: the caller checks `kind`). */
export interface ComplaintRecord extends IdentityColumns, DoseColumns {
  id: number
  kind: RecordKind
  person_id: number | null
  complaint_id: string | null
  submitted_at: string | null
  complaint_type: string | null
  description: string | null
  source: string
}

export function complaintRecord(db: Db, recordId: number): ComplaintRecord | undefined {
  return db.prepare(`SELECT r.*, ${SOURCE_SQL} AS source FROM records r WHERE r.id = ?`).get(recordId) as ComplaintRecord | undefined
}

/** A site row shown beside a complaint. */
export interface ComplaintSiteRow extends Omit<IdentityColumns, 'old_national_id'>, DoseColumns {
  id: number
  source: string
}

export interface JudgedSiteRow extends ComplaintSiteRow {
  relation: 'supports' | 'contradicts' | 'related'
  reasons_json: string
}

const SITE_COLS = `r.id, r.site_name, r.full_name, r.dob, r.gender, r.national_id, r.phone, r.address, r.vaccine, r.dose_number, r.dose_date, r.lot,
  ${SOURCE_SQL} AS source`

/** The site rows linkage judged against the complaint, by dose date. */
export function judgedSiteRows(db: Db, complaintId: number): JudgedSiteRow[] {
  return db
    .prepare(
      `SELECT ${SITE_COLS}, e.relation, e.reasons_json FROM complaint_evidence e JOIN records r ON r.id = e.site_record_id WHERE e.complaint_record_id = ? ORDER BY r.dose_date, r.id`
    )
    .all(complaintId) as JudgedSiteRow[]
}

/** The site rows of a person, and of every site person actively linked to the registry row. */
export function personSiteRows(db: Db, personId: number | null, registryId: number | null): ComplaintSiteRow[] {
  return db
    .prepare(
      `SELECT ${SITE_COLS} FROM records r WHERE r.kind = 'site' AND r.person_id IN (
         SELECT ? UNION SELECT l.subject_id FROM links l
         WHERE l.subject_kind = 'person' AND l.registry_record_id = ? AND l.status IN ('auto', 'review', 'confirmed'))
       ORDER BY r.dose_date, r.id`
    )
    .all(personId, registryId) as ComplaintSiteRow[]
}

export interface ComplaintRegistryRow extends IdentityRecord {
  status: string
}

/** The registry row a complaint is actively linked to: confirmed first, then auto, the latest first. */
export function complaintRegistry(db: Db, complaintId: number): ComplaintRegistryRow | null {
  return (
    (db
      .prepare(
        `SELECT r.id, l.status, r.full_name, r.dob, r.gender, r.national_id, r.old_national_id, r.phone, r.address
         FROM links l JOIN records r ON r.id = l.registry_record_id
         WHERE l.subject_kind = 'complaint' AND l.subject_id = ? AND l.status IN ('auto', 'review', 'confirmed')
         ORDER BY CASE l.status WHEN 'confirmed' THEN 0 WHEN 'auto' THEN 1 ELSE 2 END, l.id DESC LIMIT 1`
      )
      .get(complaintId) as ComplaintRegistryRow | undefined) ?? null
  )
}
