import { copyFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { listProposals } from '../../main/core/approve/list.ts'
import { inlineContext } from '../../main/core/base/job-context.ts'
import { applyThresholds } from '../../main/core/jobs/pipeline.ts'
import { linkSummary, listLinks } from '../../main/core/link/queries.ts'
import { progressReport } from '../../main/core/reports/progress.ts'
import { candidateQueue } from '../../main/core/review/candidates.ts'
import { complaintQueue } from '../../main/core/review/complaint-queue.ts'
import { facets } from '../../main/core/review/grid.ts'
import { overview } from '../../main/core/review/overview.ts'
import { ReviewFilter } from '../../main/core/review/schemas.ts'
import { workspaceStatus } from '../../main/core/workspace/status.ts'
import { openWorkspace } from '../../main/core/workspace/workspace.ts'
import type { Fixture } from '../helpers/corrections.ts'
import { fullFlowWorkspace } from '../helpers/full-flow.ts'
import { tempDir } from '../helpers/tmp.ts'

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

const total = (o: Record<string, number>) => Object.values(o).reduce((a, b) => a + b, 0)

test('Overview and Link count persons by the same current link; the Link page adds the complaints, and Reports the same linked rows', () => {
  const o = overview(f.ws)
  const link = linkSummary(f.ws.db)
  expect(total(link.statusesByKind.person)).toBeGreaterThan(0)
  expect(o.stages.linked.byStatus).toEqual(link.statusesByKind.person)
  for (const s of new Set([...Object.keys(link.statuses), ...Object.keys(link.statusesByKind.complaint)])) {
    expect(link.statuses[s], s).toBe((link.statusesByKind.person[s] ?? 0) + (link.statusesByKind.complaint[s] ?? 0))
  }
  // "Người (đã gộp)" is every person; the Link page's list of all counts persons and complaints.
  expect(o.stages.linked.persons).toBe(total(link.statusesByKind.person))
  expect(listLinks(f.ws.db, { order: 'weight_desc', offset: 0, limit: 1 }).total).toBe(total(link.statuses))
  expect(progressReport(f.ws).total.linked).toBe(o.stages.linked.siteRowsLinked)
})

test('each Overview tile opens a view that lists the same number', () => {
  const o = overview(f.ws)
  const status = workspaceStatus(f.ws)
  // "Dòng tạm hoãn" opens the grid on the deferred rows; "quá hạn 48 giờ" the overdue complaints.
  expect(facets(f.ws, ReviewFilter.parse({ statuses: ['deferred'] })).total).toBe(o.workLeft.deferredRows)
  expect(complaintQueue(f.ws, { view: 'open', states: ['overdue'], offset: 0, limit: 1 }).total).toBe(o.workLeft.complaintsOverdue)
  expect(o.workLeft.complaintsOverdue).toBeGreaterThan(0)
  // The records tile for complaints opens every complaint.
  expect(complaintQueue(f.ws, { view: 'all', offset: 0, limit: 1 }).total).toBe(status.records.complaint)
})

test('a bulk decision counts its differences and its rows: those now all decided, and those with other differences still open', () => {
  const bulk = f.ws.db
    .prepare(
      `SELECT count(*) AS diffs, count(DISTINCT d.link_id) AS rows FROM review_decision_diffs x
       JOIN review_decisions r ON r.id = x.decision_id JOIN diffs d ON d.id = x.diff_id WHERE r.scope = 'bulk'`
    )
    .get() as { diffs: number; rows: number }
  expect(bulk.rows).toBeGreaterThan(0)
  expect(bulk.diffs).toBeGreaterThanOrEqual(bulk.rows)
  const touched = f.ws.db
    .prepare(
      `SELECT rr.status AS k, count(*) AS n FROM review_rows rr WHERE rr.link_id IN (SELECT d.link_id FROM review_decision_diffs x
       JOIN review_decisions r ON r.id = x.decision_id JOIN diffs d ON d.id = x.diff_id WHERE r.scope = 'bulk') GROUP BY 1`
    )
    .all() as { k: string; n: number }[]
  const byStatus = Object.fromEntries(touched.map((r) => [r.k, r.n]))
  // Every row the bulk touched is either all decided now or still open for its other
  // differences: the message's rows are those, the "all decided" filter shows the first.
  expect(total(byStatus)).toBe(bulk.rows)
  expect(byStatus['done']).toBeGreaterThan(0)
  expect(byStatus['done'] ?? 0).toBeLessThanOrEqual(facets(f.ws, ReviewFilter.parse({ statuses: ['done'] })).total)
})

test("the Link page's reasons for review add up to its review count", () => {
  // A copy with a strict auto threshold, so links wait for review, one of them held for a tie.
  // The threshold is the median person link's weight, not a fixed number of bits: what the
  // model weighs a link at moves whenever it learns more.
  const path = join(tempDir(), 'strict.vaxrecon')
  f.ws.db.pragma('wal_checkpoint(TRUNCATE)')
  copyFileSync(f.path, path)
  const ws = openWorkspace(path)
  try {
    const weighed = "FROM links WHERE subject_kind = 'person' AND match_weight IS NOT NULL"
    const median = ws.db
      .prepare(`SELECT match_weight ${weighed} ORDER BY match_weight LIMIT 1 OFFSET (SELECT count(*) / 2 ${weighed})`)
      .pluck()
      .get() as number
    applyThresholds(ws, { auto: median, review: -4 }, inlineContext())
    ws.db
      .prepare(
        "UPDATE links SET status = 'review', hold_reason = 'tie' WHERE id = (SELECT max(id) FROM links WHERE status = 'auto' AND match_weight >= ? AND subject_kind = 'person')"
      )
      .run(median)
    const s = linkSummary(ws.db)
    expect(s.statuses['review']).toBeGreaterThan(1)
    expect(total(s.holds)).toBe(s.statuses['review'])
    expect(s.holds['tie']).toBe(1)
    expect(listLinks(ws.db, { status: 'review', order: 'weight_desc', offset: 0, limit: 1 }).total).toBe(s.statuses['review'])
  } finally {
    ws.close()
  }
})
