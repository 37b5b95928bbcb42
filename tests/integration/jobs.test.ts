import { join } from 'node:path'
import { expect, test } from 'vitest'
import { JobRunner, type JobEvent } from '../../main/core/jobs/runner.ts'
import { createWorkspace } from '../../main/core/workspace/index.ts'
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
