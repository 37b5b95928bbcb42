import { workspaceDistrict } from '../export/district.ts'
import type { Workspace } from '../workspace/workspace.ts'
import { now as clockNow } from '../base/clock.ts'
import { complaintDeadline } from '../review/complaint-deadline.ts'
import type { ProgressReport, SiteProgress } from './schema.ts'
import { compareSites, complaintRows, isResolved, LATEST_LINK_OF_ROW, LINKED, PROPOSAL_SITE, PROPOSAL_SITE_JOINS } from './sources.ts'

const empty = (site: string): SiteProgress => ({
  site,
  records: 0,
  linked: 0,
  inReview: 0,
  proposed: 0,
  awaiting: 0,
  approved: 0,
  rejected: 0,
  exported: 0,
  duplicateDoses: 0,
  complaints: 0,
  complaintsInTime: 0,
  complaintsLate: 0,
  complaintsOverdue: 0,
  complaintsOpen: 0
})

type Counter = Exclude<keyof SiteProgress, 'site'>

/**
 * Progress per vaccination site and for the whole district: what the district sends up
 * instead of a hand-made report. Corrections count under the site whose row they
 * correct (a registry correction under the site row it was compared with); complaints
 * under their own site, or else the site of the person they are linked to.
 */
export function progressReport(ws: Workspace, now: Date = clockNow()): ProgressReport {
  const sites = new Map<string, SiteProgress>()
  const add = (site: string | null, key: Counter, n = 1) => {
    const name = site ?? ''
    const s = sites.get(name) ?? empty(name)
    s[key] += n
    sites.set(name, s)
  }
  const db = ws.db

  for (const r of db
    .prepare(
      `SELECT r.site_name AS site, count(*) AS records,
              sum(CASE WHEN l.${LINKED} THEN 1 ELSE 0 END) AS linked,
              sum(CASE WHEN l.status = 'review' THEN 1 ELSE 0 END) AS in_review
       FROM records r ${LATEST_LINK_OF_ROW}
       WHERE r.kind = 'site' GROUP BY r.site_name`
    )
    .all() as { site: string | null; records: number; linked: number; in_review: number }[]) {
    add(r.site, 'records', r.records)
    add(r.site, 'linked', r.linked)
    add(r.site, 'inReview', r.in_review)
  }

  const byStatus: Record<string, Counter[]> = {
    proposed: ['proposed', 'awaiting'],
    approved: ['proposed', 'approved'],
    exported: ['proposed', 'approved', 'exported'],
    rejected: ['proposed', 'rejected']
  }
  for (const r of db
    .prepare(`SELECT ${PROPOSAL_SITE} AS site, p.status, count(*) AS n FROM proposals p ${PROPOSAL_SITE_JOINS} GROUP BY 1, 2`)
    .all() as { site: string | null; status: string; n: number }[]) {
    for (const key of byStatus[r.status] ?? []) add(r.site, key, r.n)
  }

  for (const r of db
    .prepare(
      `SELECT r.site_name AS site, count(*) AS n FROM dose_issues di LEFT JOIN records r ON r.id = di.record_id
       WHERE di.kind = 'duplicate' GROUP BY 1`
    )
    .all() as { site: string | null; n: number }[]) {
    add(r.site, 'duplicateDoses', r.n)
  }

  for (const c of complaintRows(db)) {
    const deadline = c.submittedAt ? complaintDeadline(c.submittedAt) : null
    add(c.site, 'complaints')
    if (isResolved(c)) add(c.site, deadline && new Date(c.decidedAt) > deadline ? 'complaintsLate' : 'complaintsInTime')
    else add(c.site, deadline && now > deadline ? 'complaintsOverdue' : 'complaintsOpen')
  }

  const list = [...sites.values()].sort((a, b) => compareSites(a.site, b.site))
  const total = empty('')
  for (const s of list) for (const k of Object.keys(total) as (keyof SiteProgress)[]) if (k !== 'site') total[k] += s[k]

  const batches = db
    .prepare(
      `SELECT b.batch_no AS batchNo, b.created_at AS createdAt, b.correction_count AS corrections, u.name AS signer, b.file_hash AS sha256
       FROM export_batches b JOIN users u ON u.id = b.signer_id ORDER BY b.id`
    )
    .all() as ProgressReport['batches']

  return { generatedAt: now.toISOString(), district: workspaceDistrict(ws), sites: list, total, batches }
}
