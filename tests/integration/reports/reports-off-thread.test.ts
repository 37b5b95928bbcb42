import { afterAll, beforeAll, expect, test } from 'vitest'
import { QueryRunner } from '../../../main/core/jobs/query-runner.ts'
import { dailySeries } from '../../../main/core/reports/daily.ts'
import { progressReport } from '../../../main/core/reports/progress.ts'
import { reportContent } from '../../../main/core/reports/report-file.ts'
import { approvedCorrections, fixtureWorkspace, propose, type Fixture } from '../../helpers/corrections.ts'

const WORKER = new URL('../../../main/core/jobs/worker.ts', import.meta.url)
const NOW = '2021-12-31T05:00:00.000Z'

/**
 * The app asks the query worker for the reports (reports:get, reports:daily, and the
 * content of reports:save), so a million-row count never holds Electron's main process:
 * the worker's answers are the ones this thread computes.
 */
let f: Fixture
beforeAll(async () => {
  process.env.TZ = 'America/New_York'
  // The worker copies the environment when it starts: both threads read the same "now".
  process.env.VAXRECON_NOW = NOW
  f = await fixtureWorkspace()
  propose(f.ws, f.clerk, { site: 'Trạm Y tế Phường Hàng Bạc' })
  approvedCorrections(f.ws, f.clerk, f.minh, 2, { site: 'Trạm Y tế Phường Cửa Đông' })
})
afterAll(() => {
  delete process.env.VAXRECON_NOW
  f.ws.close()
})

test('the snapshot, the daily series and the report file content come from the query worker, equal to those made here', async () => {
  const runner = new QueryRunner(WORKER, f.path)
  try {
    const snap = await runner.run({ kind: 'report-progress' })
    expect(snap).toEqual(progressReport(f.ws))
    expect(snap.total).toMatchObject({ proposed: 3, awaiting: 1, approved: 2 })
    expect(snap.sites.map((s) => s.site)).toEqual(['Trạm Y tế Phường Cửa Đông', 'Trạm Y tế Phường Hàng Bạc'])
    expect(await runner.run({ kind: 'report-daily' })).toEqual(dailySeries(f.ws))
    const content = await runner.run({ kind: 'report-content' })
    expect(content).toEqual(reportContent(f.ws))
    expect(content.report.to).toBe('2021-12-31')
  } finally {
    await runner.close()
  }
})
