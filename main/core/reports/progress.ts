import { workspaceDistrict } from '../export/district.ts'
import type { Workspace } from '../workspace/workspace.ts'
import { now as clockNow } from '../base/clock.ts'
import { complaintDeadline } from '../review/complaint-deadline.ts'
import type { ProgressReport, SiteProgress } from './schema.ts'
import { compareSites, isResolved, readSources, type ReportSources } from './sources.ts'

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
export function progressReport(ws: Workspace, now: Date = clockNow(), src: ReportSources = readSources(ws.db)): ProgressReport {
  const sites = new Map<string, SiteProgress>()
  const add = (site: string | null, key: Counter, n = 1) => {
    const name = site ?? ''
    const s = sites.get(name) ?? empty(name)
    s[key] += n
    sites.set(name, s)
  }
  for (const r of src.siteRows) {
    add(r.site, 'records', r.n)
    if (r.linked) add(r.site, 'linked', r.n)
    if (r.linkStatus === 'review') add(r.site, 'inReview', r.n)
  }

  const byStatus: Record<string, Counter[]> = {
    proposed: ['proposed', 'awaiting'],
    approved: ['proposed', 'approved'],
    exported: ['proposed', 'approved', 'exported'],
    rejected: ['proposed', 'rejected']
  }
  for (const r of src.proposals) for (const key of byStatus[r.status] ?? []) add(r.site, key, r.n)

  for (const r of src.duplicateDoses) add(r.site, 'duplicateDoses', r.n)

  for (const c of src.complaints) {
    const deadline = c.submittedAt ? complaintDeadline(c.submittedAt) : null
    add(c.site, 'complaints')
    if (isResolved(c)) add(c.site, deadline && new Date(c.decidedAt) > deadline ? 'complaintsLate' : 'complaintsInTime')
    else add(c.site, deadline && now > deadline ? 'complaintsOverdue' : 'complaintsOpen')
  }

  const list = [...sites.values()].sort((a, b) => compareSites(a.site, b.site))
  const total = empty('')
  for (const s of list) for (const k of Object.keys(total) as (keyof SiteProgress)[]) if (k !== 'site') total[k] += s[k]

  const batches = ws.db
    .prepare(
      `SELECT b.batch_no AS batchNo, b.created_at AS createdAt, b.correction_count AS corrections, u.name AS signer, b.file_hash AS sha256
       FROM export_batches b JOIN users u ON u.id = b.signer_id ORDER BY b.id`
    )
    .all() as ProgressReport['batches']

  return { generatedAt: now.toISOString(), district: workspaceDistrict(ws), sites: list, total, batches }
}
