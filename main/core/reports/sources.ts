import type { Db } from '../workspace/workspace.ts'

/** What the snapshot and the daily series both read, so they count the same things. */

// A subject's link is its newest row; 'auto' and 'confirmed' link it, 'review' waits for a clerk.
export const LATEST_PERSON_LINK = `
  SELECT id, run_id, subject_id, status, registry_record_id, decided_at FROM links
  WHERE id IN (SELECT max(id) FROM links WHERE subject_kind = 'person' GROUP BY subject_id)`

/**
 * The same, joined from a site row (alias r): a correlated lookup on links_subject, which
 * stays O(n log n) where joining the subquery above made SQLite scan its id list per row.
 */
export const LATEST_LINK_OF_ROW = `LEFT JOIN links l ON l.subject_kind = 'person' AND l.subject_id = r.person_id
  AND l.id = (SELECT max(x.id) FROM links x WHERE x.subject_kind = 'person' AND x.subject_id = r.person_id)`

export const LINKED = `status IN ('auto', 'confirmed') AND registry_record_id IS NOT NULL`

/** Proposals in these states count as proposed; withdrawn and superseded ones never left the clerk. */
export const COUNTED_PROPOSAL = `p.status IN ('proposed', 'approved', 'exported', 'rejected')`

/** The site a correction counts under: the site row it corrects (a registry correction: the site row it was compared with). */
export const PROPOSAL_SITE = 'COALESCE(sr.site_name, r.site_name)'
export const PROPOSAL_SITE_JOINS = `
  LEFT JOIN diffs d ON d.id = p.diff_id
  LEFT JOIN records sr ON sr.id = d.record_id
  LEFT JOIN records r ON r.id = p.record_id`

export interface ComplaintRow {
  site: string | null
  submittedAt: string | null
  outcome: string | null
  decidedAt: string | null
}

/**
 * Every complaint with its latest outcome, under its own site or else the site of the
 * person it is linked to (the site row of their latest dose).
 */
export function complaintRows(db: Db): ComplaintRow[] {
  const siteOfRegistry = new Map<number, string | null>()
  for (const r of db
    .prepare(
      `SELECT l.registry_record_id AS reg, r.site_name AS site FROM (${LATEST_PERSON_LINK}) l
       JOIN records r ON r.person_id = l.subject_id AND r.kind = 'site'
       WHERE l.${LINKED} ORDER BY r.dose_date, r.id`
    )
    .iterate() as IterableIterator<{ reg: number; site: string | null }>) {
    siteOfRegistry.set(r.reg, r.site)
  }
  const rows = db
    .prepare(
      `SELECT c.site_name AS site, c.submitted_at,
              (SELECT o.outcome FROM complaint_outcomes o WHERE o.record_id = c.id ORDER BY o.id DESC LIMIT 1) AS outcome,
              (SELECT o.decided_at FROM complaint_outcomes o WHERE o.record_id = c.id ORDER BY o.id DESC LIMIT 1) AS decided_at,
              (SELECT l.registry_record_id FROM links l WHERE l.subject_kind = 'complaint' AND l.subject_id = c.id ORDER BY l.id DESC LIMIT 1) AS reg
       FROM records c WHERE c.kind = 'complaint'`
    )
    .all() as { site: string | null; submitted_at: string | null; outcome: string | null; decided_at: string | null; reg: number | null }[]
  return rows.map((c) => ({
    site: c.site ?? (c.reg !== null ? (siteOfRegistry.get(c.reg) ?? null) : null),
    submittedAt: c.submitted_at,
    outcome: c.outcome,
    decidedAt: c.decided_at
  }))
}

/** Approved or rejected (a deferred complaint is still open). */
export const isResolved = (c: ComplaintRow): c is ComplaintRow & { decidedAt: string } =>
  (c.outcome === 'approved' || c.outcome === 'rejected') && c.decidedAt !== null

/** Sites in Vietnamese order, the rows without a site last. */
export const compareSites = (a: string, b: string): number => (a === '' ? (b === '' ? 0 : 1) : b === '' ? -1 : a.localeCompare(b, 'vi'))
