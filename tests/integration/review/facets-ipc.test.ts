import { afterAll, beforeAll, expect, test } from 'vitest'
import { inlineContext } from '../../../main/core/jobs/context.ts'
import { rebuildDiffs } from '../../../main/core/review/diffs.ts'
import { facets } from '../../../main/core/review/grid.ts'
import { ReviewFilter } from '../../../main/core/review/schemas.ts'
import { openWorkspace } from '../../../main/core/workspace/index.ts'
import type { Harness } from '../../e2e/harness/server.ts'
import { ipcSession, type IpcCall } from '../../helpers/ipc.ts'
import { buildReviewWorkspace, type ReviewFixture } from './fixture.ts'

/** Facets are counted by the query worker, on its own connection, as the app asks for them. */
let f: ReviewFixture
let harness: Harness
let call: IpcCall

beforeAll(async () => {
  f = await buildReviewWorkspace()
  rebuildDiffs(f.ws, inlineContext())
  f.ws.close()
  ;({ harness, call } = await ipcSession())
})
afterAll(() => harness?.close())

test('facets over IPC come from the query worker and agree with core, and follow the open workspace', async () => {
  expect(await call('review:facets', { filter: ReviewFilter.parse({}) })).toMatchObject({ ok: false, error: { code: 'NO_WORKSPACE' } })
  expect((await call('workspace:open', { path: f.path })).ok).toBe(true)
  expect((await call('users:signIn', { name: 'Lan', password: 'mat-khau-lan' })).ok).toBe(true)
  const ws = openWorkspace(f.path)
  try {
    for (const filter of [ReviewFilter.parse({}), ReviewFilter.parse({ classes: ['formatting'] }), ReviewFilter.parse({ statuses: ['open', 'deferred'], fields: ['dob'] })]) {
      expect(await call('review:facets', { filter })).toEqual({ ok: true, value: facets(ws, filter) })
    }
  } finally {
    ws.close()
  }
  expect(await call('review:facets', { filter: { classes: ['nonsense'] } })).toMatchObject({ ok: false, error: { code: 'IPC_INVALID_REQUEST' } })

  // Another workspace: the reader follows it (an empty one has nothing to count).
  const other = await buildReviewWorkspace()
  other.ws.close()
  expect((await call('workspace:open', { path: other.path })).ok).toBe(true)
  const r = (await call('review:facets', { filter: ReviewFilter.parse({}) })) as { ok: true; value: { total: number } }
  expect(r.value.total).toBe(0)
})
