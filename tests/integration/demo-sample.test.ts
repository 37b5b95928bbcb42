import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test } from 'vitest'
import { SAMPLE_PERSONS, sampleFolderFor, sampleJob, type SampleResult } from '../../main/core/demo/sample-workspace.ts'
import { inlineContext } from '../../main/core/base/job-context.ts'
import { JobRunner, type JobEvent } from '../../main/core/jobs/runner.ts'
import { createWorkspace, openWorkspace } from '../../main/core/workspace/index.ts'
import { tempDir } from '../helpers/tmp.ts'
import { readCsv } from './demo-helpers.ts'

const WORKER = new URL('../../main/core/jobs/worker.ts', import.meta.url)

test('the sample job generates the set next to the workspace and imports every file, in a worker', async () => {
  const path = join(tempDir(), 'huyen-mau.vaxrecon')
  createWorkspace(path).close()
  const events: JobEvent[] = []
  const runner = new JobRunner(WORKER, (e) => events.push(e))
  const result = (await runner.start(path, { kind: 'sample' }).result) as SampleResult

  const folder = sampleFolderFor(path)
  expect(folder).toBe(join(path, '..', 'huyen-mau-du-lieu-mau'))
  expect(result.folder).toBe(folder)
  expect(existsSync(join(folder, 'truth', 'site_rows.csv'))).toBe(true)
  expect(result.persons).toBe(SAMPLE_PERSONS)
  expect(result.imports.map((i) => i.kind)).toEqual(['registry', ...result.imports.slice(1, -1).map(() => 'site'), 'complaint'])
  expect(events.some((e) => e.type === 'progress' && e.progress.stage === 'import')).toBe(true)

  // Every row of every file is in, as the truth counts them.
  const ws = openWorkspace(path)
  const count = (kind: string) => (ws.db.prepare('SELECT count(*) AS n FROM records WHERE kind = ?').get(kind) as { n: number }).n
  expect(count('registry')).toBe(readCsv(join(folder, 'truth', 'registry_rows.csv')).length)
  expect(count('site')).toBe(readCsv(join(folder, 'truth', 'site_rows.csv')).length)
  expect(count('complaint')).toBe(readCsv(join(folder, 'truth', 'complaint_rows.csv')).length)
  expect(result.imports.reduce((n, i) => n + i.rejected, 0)).toBe(0)
  const audit = ws.db.prepare("SELECT actor, new_json FROM audit_log WHERE action = 'sample.create'").all() as {
    actor: string | null
    new_json: string
  }[]
  expect(audit).toHaveLength(1)
  expect(JSON.parse(audit[0]?.new_json ?? '{}')).toMatchObject({ folder, persons: SAMPLE_PERSONS })
  ws.close()

  // The data is deterministic: running it again adds nothing.
  const again = (await runner.start(path, { kind: 'sample' }).result) as SampleResult
  expect(again.imports.every((i) => i.alreadyImported)).toBe(true)
  const ws2 = openWorkspace(path)
  expect((ws2.db.prepare("SELECT count(*) AS n FROM records WHERE kind = 'site'").get() as { n: number }).n).toBe(
    readCsv(join(folder, 'truth', 'site_rows.csv')).length
  )
  ws2.close()
})

test('a sample job cancelled halfway through the imports leaves the workspace as it was', async () => {
  const path = join(tempDir(), 'huy.vaxrecon')
  // Run in-process so the cancel lands exactly after the third file: through the worker
  // the cancel travels between threads and a fast machine finishes all imports first.
  // (The worker's own cancel is tested in tests/integration/import/job.test.ts.)
  const target = createWorkspace(path)
  let cancelled = false
  const ctx = inlineContext(
    (p) => (cancelled ||= p.stage === 'import' && p.done >= 3),
    () => cancelled
  )
  await expect(sampleJob(target, ctx)).rejects.toMatchObject({ code: 'JOB_CANCELLED' })
  target.close()
  const ws = openWorkspace(path)
  const n = (sql: string) => (ws.db.prepare(sql).get() as { n: number }).n
  expect(n('SELECT count(*) AS n FROM imports')).toBe(0)
  expect(n('SELECT count(*) AS n FROM records')).toBe(0)
  expect(n("SELECT count(*) AS n FROM audit_log WHERE action IN ('import.file', 'sample.create')")).toBe(0)
  ws.close()
})
