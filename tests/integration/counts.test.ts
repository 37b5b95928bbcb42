import { afterAll, beforeAll, expect, test } from 'vitest'
import { listProposals } from '../../main/core/approve/list.ts'
import { progressReport } from '../../main/core/reports/progress.ts'
import { candidateQueue } from '../../main/core/review/candidates.ts'
import { complaintQueue } from '../../main/core/review/complaint-queue.ts'
import { facets } from '../../main/core/review/grid.ts'
import { overview } from '../../main/core/review/overview.ts'
import { ReviewFilter } from '../../main/core/review/schemas.ts'
import type { Fixture } from '../helpers/corrections.ts'
import { fullFlowWorkspace } from '../helpers/full-flow.ts'

/**
 * A count that appears on more than one page has one definition: the Overview's figures
 * are the same numbers, in the same unit, as the Review, Complaints, Approve and Reports
 * pages show for the same thing, on the sample data after the whole flow.
 */
let f: Fixture
beforeAll(async () => {
  f = await fullFlowWorkspace()
})
afterAll(() => f.ws.close())

const nonZero = (o: Record<string, number>) => Object.fromEntries(Object.entries(o).filter(([, n]) => n !== 0))

test('Overview and Review count the same rows: open, deferred, by class, and waiting for a person', () => {
  const o = overview(f.ws)
  // The review page opens on the open rows; its facets count rows.
  const open = facets(f.ws, ReviewFilter.parse({ statuses: ['open'] }))
  expect(o.workLeft.reviewRows).toBeGreaterThan(0)
  expect(o.workLeft.reviewRows).toBe(open.total)
  expect(o.workLeft.reviewRows).toBe(open.statuses['open'])
  expect(o.workLeft.deferredRows).toBe(open.statuses['deferred'] ?? 0)
  expect(o.stages.reviewed.rows['done'] ?? 0).toBe(open.statuses['done'] ?? 0)
  expect(o.stages.reviewed.openRowsByClass).toEqual(nonZero(open.classes))
  // "Chờ chọn người" on the review page's queue.
  expect(o.workLeft.candidates).toBe(candidateQueue(f.ws, { offset: 0, limit: 1 }).total)
})

test('Overview, Complaints and Reports count the same complaints; Overview and Approve the same corrections', () => {
  const now = new Date()
  const o = overview(f.ws, now)
  const q = complaintQueue(f.ws, { view: 'open', offset: 0, limit: 1 }, now).counts
  expect(o.workLeft.complaintsOpen).toBe(q.open)
  expect(o.workLeft.complaintsOverdue).toBe(q.overdue)
  const report = progressReport(f.ws, now)
  // Reports splits the open complaints into those still within 48 hours and the overdue.
  expect(report.total.complaintsOverdue).toBe(q.overdue)
  expect(report.total.complaintsOpen + report.total.complaintsOverdue).toBe(q.open)

  expect(o.workLeft.awaitingApproval).toBe(5)
  expect(o.workLeft.awaitingApproval).toBe(listProposals(f.ws, null, { status: ['proposed'] }, { offset: 0, limit: 1 }).total)
  expect(o.workLeft.awaitingExport).toBe(listProposals(f.ws, null, { status: ['approved'] }, { offset: 0, limit: 1 }).total)
  expect(o.stages.proposed['exported'] ?? 0).toBe(listProposals(f.ws, null, { status: ['exported'] }, { offset: 0, limit: 1 }).total)
})
