import { afterAll, beforeAll, expect, test } from 'vitest'
import { inlineContext } from '../../../main/core/jobs/context.ts'
import { rebuildDiffs } from '../../../main/core/review/diffs.ts'
import { ReviewFilter } from '../../../main/core/review/schemas.ts'
import type { Harness } from '../../e2e/harness/server.ts'
import { ipcSession, type IpcCall } from '../../helpers/ipc.ts'
import { buildReviewWorkspace, type ReviewFixture } from './fixture.ts'

/** Bulk decisions through the real handlers and the real job runner, as the app makes them. */
let f: ReviewFixture
let harness: Harness
let call: IpcCall

beforeAll(async () => {
  f = await buildReviewWorkspace()
  rebuildDiffs(f.ws, inlineContext())
  f.ws.close()
  ;({ harness, call } = await ipcSession())
  expect((await call('workspace:open', { path: f.path })).ok).toBe(true)
})
afterAll(() => harness?.close())

const formatting = ReviewFilter.parse({ classes: ['formatting', 'missing'] })

test('a bulk decision runs as a job in a worker, made by the signed-in clerk whatever the renderer sends', async () => {
  const bulk = { filter: formatting, action: 'accept_registry', note: 'chuẩn hoá', expected: 1 }
  expect(await call('job:start', { kind: 'review-bulk', bulk })).toMatchObject({ ok: false, error: { code: 'NOT_SIGNED_IN' } })
  expect((await call('users:signIn', { name: 'Lan', password: 'mat-khau-lan' })).ok).toBe(true)
  const preview = (await call('review:bulkPreview', { filter: formatting, action: 'accept_registry' })) as { ok: true; value: { diffs: number; proposals: number } }
  expect(preview.value.diffs).toBeGreaterThan(0)
  // A stale count is refused by the job, and nothing is written.
  const stale = (await call('job:start', { kind: 'review-bulk', bulk: { ...bulk, expected: preview.value.diffs + 1 } })) as { ok: true; value: { jobId: string } }
  expect(stale.ok).toBe(true)
  const db = () => harness.session.workspace.db
  const decisions = () => db().prepare(`SELECT u.name FROM review_decisions d JOIN users u ON u.id = d.decided_by`).pluck().all()
  await expect.poll(() => harness.session.jobs.isBusy(f.path), { timeout: 30_000 }).toBe(false)
  expect(decisions()).toEqual([])

  // The renderer names another user; the decision is still the signed-in clerk's.
  const started = await call('job:start', { kind: 'review-bulk', bulk: { ...bulk, expected: preview.value.diffs }, userId: f.clerk2.id })
  expect(started.ok).toBe(true)
  await expect.poll(() => decisions(), { timeout: 30_000 }).toEqual(['Lan'])
  const live = () => db().prepare(`SELECT count(*) FROM proposals p JOIN users u ON u.id = p.proposed_by WHERE u.name = 'Lan' AND p.status = 'proposed'`).pluck().get()
  expect(live()).toBe(preview.value.proposals)

  // Taking it back runs in a worker too (the call waits for it), and leaves nothing proposed.
  const undone = (await call('review:undo', {})) as { ok: true; value: { scope: string } }
  expect(undone).toMatchObject({ ok: true, value: { scope: 'bulk' } })
  expect(live()).toBe(0)
  expect(await call('review:undo', {})).toMatchObject({ ok: false, error: { code: 'REVIEW_NOTHING_TO_UNDO' } })
})
