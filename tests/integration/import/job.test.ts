import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test } from 'vitest'
import { importFile } from '../../../main/core/import/import-file.ts'
import { inlineContext, type JobProgress } from '../../../main/core/base/job-context.ts'
import { JobRunner, type JobEvent } from '../../../main/core/jobs/runner.ts'
import { openWorkspace } from '../../../main/core/workspace/index.ts'
import { tempDir } from '../../helpers/tmp.ts'
import { fixture, freshWorkspace, importFixture, snapshot } from './helpers.ts'

const WORKER = new URL('../../../main/core/jobs/worker.ts', import.meta.url)

/** A CSV big enough to be cancelled halfway. */
function bigCsv(rows: number): string {
  const path = join(tempDir(), 'lon.csv')
  const lines = ['Họ và tên,Ngày sinh,Số CCCD,Loại vắc xin,Mũi,Ngày tiêm']
  const family = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi']
  const given = ['An', 'Bình', 'Chi', 'Dũng', 'Giang', 'Hà', 'Khánh', 'Linh', 'Minh', 'Nam', 'Phương']
  for (let i = 0; i < rows; i++)
    lines.push(
      `${family[i % 8]} Văn ${given[i % 11]},${1 + (i % 28)}/0${1 + (i % 9)}/19${50 + (i % 50)},0010${String(i).padStart(8, '0')},Pfizer,${1 + (i % 3)},15/09/2021`
    )
  writeFileSync(path, lines.join('\n') + '\n')
  return path
}

test('cancelling an import rolls everything back', async () => {
  const ws = freshWorkspace()
  await importFixture(ws, 'site-basic.xlsx', 'site')
  const path = ws.path
  ws.close()
  const before = snapshot(path)
  const again = openWorkspace(path)
  const seen: JobProgress[] = []
  const ctx = inlineContext(
    (p) => seen.push(p),
    () => seen.some((p) => p.stage === 'rows' && p.done >= 4000)
  )
  await expect(importFile(again, { kind: 'site', path: bigCsv(20_000) }, ctx, 'clerk')).rejects.toMatchObject({ code: 'JOB_CANCELLED' })
  // It had really started writing rows.
  expect(seen.some((p) => p.stage === 'rows' && p.done >= 4000)).toBe(true)
  again.close()
  expect(snapshot(path)).toEqual(before)
})

test('an import runs as a job in a worker, with rows per second and an estimate of the total', async () => {
  const ws = freshWorkspace()
  const path = ws.path
  ws.close()
  const events: JobEvent[] = []
  const runner = new JobRunner(WORKER, (e) => events.push(e))
  const job = runner.start(path, { kind: 'import', source: 'site', path: bigCsv(30_000), actor: 'clerk1' })
  const result = (await job.result) as { imported: number; rejected: number }
  expect(result).toMatchObject({ imported: 30_000, rejected: 0 })
  const progress = events.filter((e) => e.type === 'progress')
  expect(progress.length).toBeGreaterThan(0)
  expect(progress.some((e) => e.type === 'progress' && e.progress.total !== null && e.rowsPerSecond !== null)).toBe(true)
  const check = openWorkspace(path)
  expect(check.db.prepare('SELECT imported_by FROM imports').get()).toEqual({ imported_by: 'clerk1' })
  expect(check.db.prepare("SELECT actor FROM audit_log WHERE action = 'import.file'").get()).toEqual({ actor: 'clerk1' })
  check.close()
})

test('a bad file through the job runner fails with its bilingual error', async () => {
  const ws = freshWorkspace()
  const path = ws.path
  ws.close()
  const runner = new JobRunner(WORKER)
  const job = runner.start(path, { kind: 'import', source: 'site', path: fixture('bad/bad-encrypted.xlsx') })
  await expect(job.result).rejects.toMatchObject({ code: 'FILE_ENCRYPTED' })
})
