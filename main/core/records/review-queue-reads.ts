import type { Db } from '../base/sqlite-driver.ts'

/**
 * The candidates queue: subjects waiting for a person, i.e. review-band links and subjects
 * whose current link is none or rejected (no active link at all), each with its first row
 * and its best candidate's weight. The filters are the caller's, as SQL over the columns of
 * `WaitingRow` with their parameters (the name search uses vx_name_key, which the caller
 * registers on the connection).
 */
const QUEUE = `
  WITH waiting AS (
    SELECT l.subject_kind, l.subject_id, l.status, l.id AS link_id FROM links l WHERE l.status = 'review'
    UNION ALL
    SELECT l.subject_kind, l.subject_id, l.status, l.id FROM links l
    WHERE l.status IN ('none', 'rejected')
      AND l.id = (SELECT max(x.id) FROM links x WHERE x.subject_kind = l.subject_kind AND x.subject_id = l.subject_id)
      AND NOT EXISTS (SELECT 1 FROM links a WHERE a.subject_kind = l.subject_kind AND a.subject_id = l.subject_id
                        AND a.status IN ('auto', 'review', 'confirmed'))
  )`

const WAITING = `${QUEUE}, listed AS (
  SELECT w.subject_kind, w.subject_id, w.status, w.link_id,
         (SELECT max(c.match_weight) FROM candidates c WHERE c.subject_kind = w.subject_kind AND c.subject_id = w.subject_id) AS top_weight,
         (SELECT count(*) FROM candidates c WHERE c.subject_kind = w.subject_kind AND c.subject_id = w.subject_id) AS n_candidates,
         r.full_name, r.dob, r.site_name
  FROM waiting w
  LEFT JOIN records r ON r.id = CASE WHEN w.subject_kind = 'person'
    THEN (SELECT x.id FROM records x WHERE x.person_id = w.subject_id AND x.kind = 'site' ORDER BY x.dose_date IS NULL, x.dose_date, x.id LIMIT 1)
    ELSE w.subject_id END)`

export interface WaitingRow {
  subject_kind: 'person' | 'complaint'
  subject_id: number
  status: string
  link_id: number
  top_weight: number | null
  n_candidates: number
  full_name: string | null
  dob: string | null
  site_name: string | null
}

/** A filter over the queue's columns: `sql` is empty or a WHERE clause. */
export interface WaitingWhere {
  sql: string
  params: unknown[]
}

export function waitingCount(db: Db, where: WaitingWhere): number {
  return (db.prepare(`${WAITING} SELECT count(*) AS n FROM listed ${where.sql}`).get(...where.params) as { n: number }).n
}

/** One page of the queue: review-band links first, then by best weight (none last). */
export function waitingPage(db: Db, where: WaitingWhere, limit: number, offset: number): WaitingRow[] {
  return db
    .prepare(
      `${WAITING}
       SELECT * FROM listed ${where.sql}
       ORDER BY status = 'review' DESC, top_weight IS NULL, top_weight DESC, link_id
       LIMIT ? OFFSET ?`
    )
    .all(...where.params, limit, offset) as WaitingRow[]
}

/** Waiting subjects outside the review band whose best candidate weighs less than `weight` (or that have none). */
export function waitingBelow(db: Db, weight: number): { kind: 'person' | 'complaint'; id: number }[] {
  return db
    .prepare(
      `${WAITING} SELECT subject_kind AS kind, subject_id AS id FROM listed WHERE status <> 'review' AND (top_weight IS NULL OR top_weight < ?) ORDER BY link_id`
    )
    .all(weight) as { kind: 'person' | 'complaint'; id: number }[]
}
