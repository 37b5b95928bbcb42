import { join } from 'node:path'
import { QueryRunner } from '../../main/core/jobs/query-runner.ts'
import { dailySeries } from '../../main/core/reports/daily.ts'
import { progressReport } from '../../main/core/reports/progress.ts'
import { saveReport } from '../../main/core/reports/save-report.ts'
import { fixtureWorkspace } from '../helpers/corrections.ts'
import { tempDir } from '../helpers/tmp.ts'

const seconds = (t0: number) => ((performance.now() - t0) / 1000).toFixed(2)
const SITES = 20
const DAYS = 60
const NOW = new Date('2021-12-31T05:00:00Z')
const WORKER = new URL('../../main/core/jobs/worker.ts', import.meta.url)

/** Runs `work` while a 10 ms timer ticks on this thread: the longest gap is how long the thread (the window) froze. */
async function longestStall(work: () => Promise<unknown>): Promise<number> {
  let last = performance.now()
  let worst = 0
  const timer = setInterval(() => {
    const t = performance.now()
    worst = Math.max(worst, t - last)
    last = t
  }, 10)
  await new Promise((r) => setTimeout(r, 20))
  await work()
  await new Promise((r) => setTimeout(r, 20))
  clearInterval(timer)
  return Math.max(worst, performance.now() - last)
}

/**
 * The snapshot, the daily series and the district report file over a district whose
 * site rows arrived over 60 days from 20 sites, every person linked, one row in ten
 * corrected, one in a hundred complained about. Written straight into the tables. Then
 * the snapshot and the series as the app asks for them (reports:get, reports:daily): the
 * longest this thread stalls computing them itself, against asking the query worker.
 */
export default async function bench(): Promise<void> {
  for (const n of (process.env.VAXRECON_BENCH_ROWS ?? '100000,1000000').split(',').map(Number)) {
    const f = await fixtureWorkspace()
    const db = f.ws.db
    let t = performance.now()
    f.ws.tx(() => {
      db.prepare(
        `WITH RECURSIVE k(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM k WHERE i + 1 < ${SITES * DAYS})
         INSERT INTO imports (kind, file_name, file_hash, imported_at)
         SELECT 'site', 'site-' || i, 'h' || i, strftime('%Y-%m-%dT02:00:00.000Z', '2021-11-01', '+' || (i / ${SITES}) || ' days') FROM k`
      ).run()
      const reg = Number(
        db
          .prepare(
            `INSERT INTO imports (kind, file_name, file_hash, imported_at) VALUES ('registry', 'r', 'r', '2021-11-01T00:00:00.000Z')`
          )
          .run().lastInsertRowid
      )
      const regRow = Number(
        db
          .prepare(`INSERT INTO records (import_id, kind, source_sheet, source_row, raw_json) VALUES (?, 'registry', 'DS', 1, '{}')`)
          .run(reg).lastInsertRowid
      )
      db.prepare(
        `INSERT INTO match_runs (started_at, finished_at, params_json) VALUES ('2021-12-20T01:00:00.000Z', '2021-12-20T01:10:00.000Z', '{}')`
      ).run()
      db.prepare(
        `WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE i < ${n}) INSERT INTO persons (id, created_at) SELECT i + 1000000, 'x' FROM k`
      ).run()
      db.prepare(
        `WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE i < ${n})
         INSERT INTO records (import_id, kind, source_sheet, source_row, raw_json, site_name, person_id)
         SELECT 1 + (i % ${SITES * DAYS}), 'site', 'S', i, '{}', 'Trạm Y tế ' || (i % ${SITES}), i + 1000000 FROM k`
      ).run()
      db.prepare(
        `INSERT INTO links (run_id, subject_kind, subject_id, registry_record_id, status) SELECT 1, 'person', id, ?, 'auto' FROM persons WHERE id > 1000000`
      ).run(regRow)
      db.prepare(
        `INSERT INTO proposals (record_id, target, field, old_value, new_value, proposed_by, proposed_at)
         SELECT id, 'site', 'full_name', 'a', 'b', ?, strftime('%Y-%m-%dT03:00:00.000Z', '2021-12-01', '+' || (id % 30) || ' days') FROM records WHERE kind = 'site' AND id % 10 = 0`
      ).run(f.clerk.id)
      const kn = Number(
        db
          .prepare(
            `INSERT INTO imports (kind, file_name, file_hash, imported_at) VALUES ('complaint', 'k', 'k', '2021-12-01T00:00:00.000Z')`
          )
          .run().lastInsertRowid
      )
      db.prepare(
        `WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE i < ${n / 100})
         INSERT INTO records (import_id, kind, source_sheet, source_row, raw_json, site_name, submitted_at)
         SELECT ?, 'complaint', 'KN', i, '{}', 'Trạm Y tế ' || (i % ${SITES}), strftime('%Y-%m-%d 09:00', '2021-12-01', '+' || (i % 30) || ' days') FROM k`
      ).run(kn)
    })
    const buildS = seconds(t)
    t = performance.now()
    progressReport(f.ws, NOW)
    const snapS = seconds(t)
    t = performance.now()
    const s = dailySeries(f.ws, { now: NOW })
    const seriesS = seconds(t)
    t = performance.now()
    const saved = await saveReport(f.ws, join(tempDir(), 'bao-cao.xlsx'), { now: NOW })
    const saveS = seconds(t)
    process.stdout.write(
      `${String(n).padStart(9)} site rows (${s.days.length} days × ${s.sites.length} sites): built in ${buildS} s; snapshot ${snapS} s, daily series ${seriesS} s, report file ${saveS} s (${saved.report.days.length} day rows)\n`
    )
    process.env.VAXRECON_NOW = NOW.toISOString()
    const inThread = await longestStall(async () => {
      progressReport(f.ws)
      dailySeries(f.ws)
    })
    const runner = new QueryRunner(WORKER, f.path)
    t = performance.now()
    const offThread = await longestStall(() => Promise.all([runner.run({ kind: 'report-progress' }), runner.run({ kind: 'report-daily' })]))
    const workerS = seconds(t)
    await runner.close()
    delete process.env.VAXRECON_NOW
    process.stdout.write(
      `${' '.repeat(9)} snapshot + series as the app asks: this thread stalls ${(inThread / 1000).toFixed(2)} s computing them itself, ${offThread.toFixed(0)} ms asking the query worker (answered in ${workerS} s)\n`
    )
    f.ws.close()
  }
}
