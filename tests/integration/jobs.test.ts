import { join } from 'node:path'
import { expect, test } from 'vitest'
import { JobRunner, type JobEvent } from '../../main/core/jobs/runner.ts'
import { createWorkspace, openWorkspace } from '../../main/core/workspace/index.ts'
import { tempDir } from '../helpers/tmp.ts'

const WORKER = new URL('../../main/core/jobs/worker.ts', import.meta.url)

function workspace(): string {
  const path = join(tempDir(), 'w.vaxrecon')
  createWorkspace(path).close()
  return path
}

test('a job runs in a worker thread and reports progress and its result', async () => {
  const events: JobEvent[] = []
  const runner = new JobRunner(WORKER, (e) => events.push(e))
  const job = runner.start(workspace(), { kind: 'verify' })
  const result = await job.result
  expect(result).toMatchObject({ integrity: 'ok', audit: { ok: true, entries: 1 } })
  expect(events.some((e) => e.type === 'progress')).toBe(true)
  expect(events.at(-1)).toMatchObject({ type: 'finished', ok: true, jobId: job.id })
})

test('a second job on the same workspace is refused while one runs', async () => {
  const runner = new JobRunner(WORKER)
  const path = workspace()
  const first = runner.start(path, { kind: 'verify' })
  expect(() => runner.start(path, { kind: 'verify' })).toThrow(expect.objectContaining({ code: 'JOB_BUSY' }))
  await first.result
  await runner.start(path, { kind: 'verify' }).result
})

test('a job on a missing workspace fails with the core error, not a crash', async () => {
  const events: JobEvent[] = []
  const runner = new JobRunner(WORKER, (e) => events.push(e))
  const job = runner.start(join(tempDir(), 'missing.vaxrecon'), { kind: 'verify' })
  await expect(job.result).rejects.toMatchObject({ code: 'WORKSPACE_NOT_FOUND' })
  expect(events.at(-1)).toMatchObject({ type: 'finished', ok: false, error: { code: 'WORKSPACE_NOT_FOUND' } })
})

test('a cancel from the calling thread stops the job in its worker and leaves the workspace as it was', async () => {
  const events: JobEvent[] = []
  const runner = new JobRunner(WORKER, (e) => events.push(e))
  const path = workspace()
  const job = runner.start(path, { kind: 'sample' })
  // Set before the worker has even loaded: the job sees it at its first check, whatever the machine's speed.
  job.cancel()
  await expect(job.result).rejects.toMatchObject({ code: 'JOB_CANCELLED' })
  expect(events.at(-1)).toMatchObject({ type: 'finished', ok: false, error: { code: 'JOB_CANCELLED' } })
  const ws = openWorkspace(path)
  expect(ws.db.prepare('SELECT count(*) FROM imports').pluck().get()).toBe(0)
  ws.close()
  expect(runner.isBusy(path)).toBe(false)
})
