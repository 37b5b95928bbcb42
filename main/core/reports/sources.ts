import {
  complaintRows,
  duplicateDosesBySite,
  proposalTallies,
  siteRowTallies,
  type ComplaintRow,
  type ProposalTally,
  type SiteCount,
  type SiteRowTally
} from '../records/report-reads.ts'
import type { Db } from '../workspace/workspace.ts'

/**
 * What the snapshot and the daily series both count, read once (a report file needs both):
 * site rows by site, import day and current link; corrections by site, status and days;
 * duplicate doses by site; every complaint with its latest outcome.
 */
export interface ReportSources {
  siteRows: SiteRowTally[]
  proposals: ProposalTally[]
  duplicateDoses: SiteCount[]
  complaints: ComplaintRow[]
}

export const readSources = (db: Db): ReportSources => ({
  siteRows: siteRowTallies(db),
  proposals: proposalTallies(db),
  duplicateDoses: duplicateDosesBySite(db),
  complaints: complaintRows(db)
})

/** Proposals in these states count as proposed; withdrawn and superseded ones never left the clerk. */
export const COUNTED_PROPOSAL: ReadonlySet<string> = new Set(['proposed', 'approved', 'exported', 'rejected'])

/** Approved or rejected (a deferred complaint is still open). */
export const isResolved = (c: ComplaintRow): c is ComplaintRow & { decidedAt: string } =>
  (c.outcome === 'approved' || c.outcome === 'rejected') && c.decidedAt !== null

/** Sites in Vietnamese order, the rows without a site last. */
export const compareSites = (a: string, b: string): number => (a === '' ? (b === '' ? 0 : 1) : b === '' ? -1 : a.localeCompare(b, 'vi'))
