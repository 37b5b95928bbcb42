import { VN_OFFSET_MS } from '../base/clock.ts'
import type { Db } from '../base/sqlite-driver.ts'

/**
 * What the progress report and its daily series read from the records, each a handful
 * of grouped rows however many records there are: a million site rows are counted in
 * SQL in one pass, never handed to JavaScript one by one.
 */

// Stored instants are ISO (UTC); SQLite shifts them to Vietnam's wall clock and takes the date.
const VN_DAY = `'+${VN_OFFSET_MS / 3_600_000} hours'`

// 'auto' and 'confirmed' link a subject, 'review' waits for a clerk.
const LINKED = `l.status IN ('auto', 'confirmed') AND l.registry_record_id IS NOT NULL`

/**
 * A site row's link is its person's newest link row: a correlated lookup on links_subject
 * per row, O(n log n), where joining a "newest per subject" subquery made SQLite scan that
 * subquery's id list for every row.
 */
const PERSON_LINK_OF_ROW = `LEFT JOIN links l ON l.subject_kind = 'person' AND l.subject_id = r.person_id
  AND l.id = (SELECT max(x.id) FROM links x WHERE x.subject_kind = 'person' AND x.subject_id = r.person_id)`

/** Site rows of one site, imported on one day, whose person's current link has one status (and, when linked, was made on one day). */
export interface SiteRowTally {
  site: string | null
  /** Vietnamese date (yyyy-mm-dd) of the import; null if the import's time is unreadable. */
  importedDay: string | null
  /** The current link's status; null for a row with no link (or no person). */
  linkStatus: string | null
  linked: 0 | 1
  /** For a linked row, the Vietnamese date its link was made: the clerk's confirmation, else the match run (else the person's creation). */
  linkedDay: string | null
  n: number
}

/** Every site row counted once, grouped by site, import day and current link. */
export function siteRowTallies(db: Db): SiteRowTally[] {
  // The inner pass groups by import id and the link's raw time (cheap keys); the outer turns
  // the few groups left into Vietnamese days. `+r.kind` scans the table: nearly every row is a
  // site row, and the kind index would add a lookup per row.
  return db
    .prepare(
      `SELECT g.site, date(i.imported_at, ${VN_DAY}) AS importedDay, g.linkStatus, g.linked,
              date(g.linkedAt, ${VN_DAY}) AS linkedDay, sum(g.n) AS n
       FROM (
         SELECT r.site_name AS site, r.import_id, l.status AS linkStatus, CASE WHEN ${LINKED} THEN 1 ELSE 0 END AS linked,
                CASE WHEN ${LINKED} THEN COALESCE(l.decided_at,
                  (SELECT COALESCE(mr.finished_at, mr.started_at) FROM match_runs mr WHERE mr.id = l.run_id),
                  (SELECT pe.created_at FROM persons pe WHERE pe.id = r.person_id)) END AS linkedAt,
                count(*) AS n
         FROM records r ${PERSON_LINK_OF_ROW}
         WHERE +r.kind = 'site' GROUP BY 1, 2, 3, 4, 5
       ) g LEFT JOIN imports i ON i.id = g.import_id
       GROUP BY 1, 2, 3, 4, 5`
    )
    .all() as SiteRowTally[]
}

/** Corrections of one site in one status, proposed, approved and exported on the same days. */
export interface ProposalTally {
  site: string | null
  status: string
  proposedDay: string | null
  /** For an approved or exported correction, the day of its latest approval. */
  approvedDay: string | null
  /** For an exported correction, the day of its batch. */
  exportedDay: string | null
  n: number
}

/**
 * Every correction, under the site row it corrects (a registry correction: the site row it
 * was compared with).
 */
export function proposalTallies(db: Db): ProposalTally[] {
  return db
    .prepare(
      `SELECT COALESCE(sr.site_name, r.site_name) AS site, p.status, date(p.proposed_at, ${VN_DAY}) AS proposedDay,
              CASE WHEN p.status IN ('approved', 'exported') THEN date((SELECT a.decided_at FROM approvals a
                WHERE a.proposal_id = p.id AND a.verdict = 'approved' ORDER BY a.id DESC LIMIT 1), ${VN_DAY}) END AS approvedDay,
              CASE WHEN p.status = 'exported' THEN date((SELECT b.created_at FROM export_batches b WHERE b.id = p.batch_id), ${VN_DAY})
              END AS exportedDay,
              count(*) AS n
       FROM proposals p
       LEFT JOIN diffs d ON d.id = p.diff_id
       LEFT JOIN records sr ON sr.id = d.record_id
       LEFT JOIN records r ON r.id = p.record_id
       GROUP BY 1, 2, 3, 4, 5`
    )
    .all() as ProposalTally[]
}

export interface SiteCount {
  site: string | null
  n: number
}

/** Doses entered twice, under the site of the row found twice. */
export function duplicateDosesBySite(db: Db): SiteCount[] {
  return db
    .prepare(
      `SELECT r.site_name AS site, count(*) AS n FROM dose_issues di LEFT JOIN records r ON r.id = di.record_id
       WHERE di.kind = 'duplicate' GROUP BY 1`
    )
    .all() as SiteCount[]
}

export interface ComplaintRow {
  site: string | null
  submittedAt: string | null
  outcome: string | null
  decidedAt: string | null
}

/**
 * Every complaint with its latest outcome, under its own site or else the site of the
 * person its latest link points to (the site row of their latest dose; looked up only for
 * the complaints without a site).
 */
export function complaintRows(db: Db): ComplaintRow[] {
  return db
    .prepare(
      `SELECT COALESCE(c.site_name, (
                SELECT r.site_name FROM links pl JOIN records r ON r.person_id = pl.subject_id AND r.kind = 'site'
                WHERE pl.subject_kind = 'person' AND pl.status IN ('auto', 'confirmed')
                  AND pl.registry_record_id = (SELECT cl.registry_record_id FROM links cl
                    WHERE cl.subject_kind = 'complaint' AND cl.subject_id = c.id ORDER BY cl.id DESC LIMIT 1)
                  AND pl.id = (SELECT max(x.id) FROM links x WHERE x.subject_kind = 'person' AND x.subject_id = pl.subject_id)
                ORDER BY r.dose_date DESC, r.id DESC LIMIT 1)) AS site,
              c.submitted_at AS submittedAt,
              (SELECT o.outcome FROM complaint_outcomes o WHERE o.record_id = c.id ORDER BY o.id DESC LIMIT 1) AS outcome,
              (SELECT o.decided_at FROM complaint_outcomes o WHERE o.record_id = c.id ORDER BY o.id DESC LIMIT 1) AS decidedAt
       FROM records c WHERE c.kind = 'complaint'`
    )
    .all() as ComplaintRow[]
}
