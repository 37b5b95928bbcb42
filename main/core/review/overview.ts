import { linkStatusCounts } from '../link/status-counts.ts'
import type { Workspace } from '../workspace/workspace.ts'
import { complaintQueue } from './complaint-queue.ts'
import { candidateQueue } from './candidates.ts'
import { DIFF_CLASSES, classBit } from './fields.ts'
import type { Overview } from './overview-schema.ts'
import { linkedSiteRows, recordsPerKind } from '../records/record-counts.ts'

/**
 * The overview screen: how many records are at each stage of the workflow, and how much
 * work is left at each. Every figure is one aggregate query; nothing is listed.
 */
export function overview(ws: Workspace, now = new Date()): Overview {
  const db = ws.db
  const one = (sql: string): number => (db.prepare(sql).get() as { n: number | null }).n ?? 0
  const group = (sql: string): Record<string, number> =>
    Object.fromEntries((db.prepare(sql).all() as { k: string; n: number }[]).map((r) => [r.k, r.n]))
  const records = recordsPerKind(db)
  // Persons by their current link, as the Link page counts them (it adds the complaints).
  const links = linkStatusCounts(db).person
  const rows = group('SELECT status AS k, count(*) AS n FROM review_rows GROUP BY status')
  // Open rows by class, as the review page's facets count them (a row with two minor
  // differences is one row), so the two pages show the same numbers in the same unit.
  const byClass = db
    .prepare(
      `SELECT ${DIFF_CLASSES.map((c, i) => `sum((classes & ${classBit(c)}) <> 0) AS c${i}`).join(', ')} FROM review_rows WHERE status = 'open'`
    )
    .get() as Record<string, number | null>
  const openRowsByClass = Object.fromEntries(DIFF_CLASSES.map((c, i) => [c, byClass[`c${i}`] ?? 0]).filter(([, n]) => n !== 0))
  const proposals = group('SELECT status AS k, count(*) AS n FROM proposals GROUP BY status')
  const complaints = complaintQueue(ws, { view: 'open', offset: 0, limit: 1 }, now).counts
  const siteRows = records['site'] ?? 0
  return {
    stages: {
      imported: {
        site: siteRows,
        registry: records['registry'] ?? 0,
        complaint: records['complaint'] ?? 0,
        rejects: one('SELECT count(*) AS n FROM rejects')
      },
      linked: { persons: one('SELECT count(*) AS n FROM persons'), siteRowsLinked: linkedSiteRows(db), byStatus: links },
      reviewed: { rows: rows, openRowsByClass },
      proposed: proposals,
      complaints
    },
    workLeft: {
      // The review page's queue of persons and complaints waiting for a registry person: one definition.
      candidates: candidateQueue(ws, { offset: 0, limit: 1 }).total,
      reviewRows: rows['open'] ?? 0,
      deferredRows: rows['deferred'] ?? 0,
      complaintsOpen: complaints.open,
      complaintsOverdue: complaints.overdue,
      awaitingApproval: proposals['proposed'] ?? 0,
      awaitingExport: proposals['approved'] ?? 0,
      doseIssues: one('SELECT count(*) AS n FROM dose_issues')
    }
  }
}
