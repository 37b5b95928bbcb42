import { join } from 'node:path'
import { expect, test } from 'vitest'
import { QueryRunner } from '../../../main/core/jobs/query-runner.ts'
import { JobRunner } from '../../../main/core/jobs/runner.ts'
import { createEncryptedWorkspace } from '../../../main/core/workspace/index.ts'
import { tempDir } from '../../helpers/tmp.ts'

const WORKER = new URL('../../../main/core/jobs/worker.ts', import.meta.url)

test('job and query workers open an encrypted workspace with the key handed to them, and not without it', async () => {
  const path = join(tempDir(), 'w.vaxrecon')
  const { workspace } = createEncryptedWorkspace(path)
  const key = workspace.key
  workspace.close()
  const runner = new JobRunner(WORKER)
  expect(await runner.start(path, { kind: 'verify' }, key).result).toMatchObject({ integrity: 'ok', audit: { ok: true } })
  await expect(runner.start(path, { kind: 'verify' }).result).rejects.toMatchObject({ code: 'WORKSPACE_LOCKED' })
  const reader = new QueryRunner(WORKER, path, key)
  expect(reader.alive).toBe(true)
  await reader.close()
})
