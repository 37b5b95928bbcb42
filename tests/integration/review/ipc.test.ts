import { afterAll, beforeAll, expect, test } from 'vitest'
import { previewBulk } from '../../../main/core/review/bulk.ts'
import { facets } from '../../../main/core/review/grid.ts'
import { ReviewFilter } from '../../../main/core/review/schemas.ts'
import { openWorkspace } from '../../../main/core/workspace/index.ts'
import type { Harness } from '../../e2e/harness/server.ts'
import { ipcSession, type IpcCall } from '../../helpers/ipc.ts'
import { buildReviewWorkspace, reviewWorkspaceForSession, type ReviewFixture } from './fixture.ts'

/**
 * The review channels behind the real handlers, job runner and query worker, as the app
 * uses them: heavy reads and bulk writes happen off the main process.
 */
let f: ReviewFixture
let harness: Harness
let call: IpcCall
let chosen: (dialog: string, path: string) => Promise<void>

beforeAll(async () => {
  f = await reviewWorkspaceForSession()
  ;({ harness, call, chosen } = await ipcSession())
})
afterAll(() => harness?.close())

test('facets over IPC come from the query worker and agree with core, and follow the open workspace', async () => {
  // Nobody is signed in without a workspace either.
  expect(await call('review:facets', { filter: ReviewFilter.parse({}) })).toMatchObject({ ok: false, error: { code: 'NOT_SIGNED_IN' } })
  await chosen('dialog:chooseWorkspace', f.path)
  expect((await call('workspace:open', { path: f.path })).ok).toBe(true)
  expect((await call('users:signIn', { name: 'Lan', password: 'mat-khau-lan' })).ok).toBe(true)
  const ws = openWorkspace(f.path)
  try {
    for (const filter of [
      ReviewFilter.parse({}),
      ReviewFilter.parse({ classes: ['formatting'] }),
      ReviewFilter.parse({ statuses: ['open', 'deferred'], fields: ['dob'] })
    ]) {
      expect(await call('review:facets', { filter })).toEqual({ ok: true, value: facets(ws, filter) })
    }
  } finally {
    ws.close()
  }
  expect(await call('review:facets', { filter: { classes: ['nonsense'] } })).toMatchObject({
    ok: false,
    error: { code: 'IPC_INVALID_REQUEST' }
  })

  // Another workspace: the reader follows it (an empty one has nothing to count).
  const other = await buildReviewWorkspace()
  other.ws.close()
  await chosen('dialog:chooseWorkspace', other.path)
  expect((await call('workspace:open', { path: other.path })).ok).toBe(true)
  expect((await call('users:signIn', { name: 'Lan', password: 'mat-khau-lan' })).ok).toBe(true)
  const r = (await call('review:facets', { filter: ReviewFilter.parse({}) })) as { ok: true; value: { total: number } }
  expect(r.value.total).toBe(0)
})

const formatting = ReviewFilter.parse({ classes: ['formatting', 'missing'] })

test('a bulk decision runs as a job in a worker, made by the signed-in clerk whatever the renderer sends', async () => {
  await chosen('dialog:chooseWorkspace', f.path)
  expect((await call('workspace:open', { path: f.path })).ok).toBe(true)
  const bulk = { filter: formatting, action: 'accept_registry', note: 'chuẩn hoá', expected: 1 }
  expect(await call('job:start', { kind: 'review-bulk', bulk })).toMatchObject({ ok: false, error: { code: 'NOT_SIGNED_IN' } })
  expect((await call('users:signIn', { name: 'Lan', password: 'mat-khau-lan' })).ok).toBe(true)
  const preview = (await call('review:bulkPreview', { filter: formatting, action: 'accept_registry' })) as {
    ok: true
    value: { diffs: number; proposals: number }
  }
  expect(preview.value.diffs).toBeGreaterThan(0)
  // Counted by the query worker, as core counts it.
  const other = openWorkspace(f.path)
  try {
    expect(preview.value).toEqual(previewBulk(other, formatting, 'accept_registry'))
  } finally {
    other.close()
  }
  // A stale count is refused by the job, and nothing is written.
  const stale = (await call('job:start', { kind: 'review-bulk', bulk: { ...bulk, expected: preview.value.diffs + 1 } })) as {
    ok: true
    value: { jobId: string }
  }
  expect(stale.ok).toBe(true)
  const db = () => harness.session.workspace.db
  const decisions = () => db().prepare(`SELECT u.name FROM review_decisions d JOIN users u ON u.id = d.decided_by`).pluck().all()
  await expect.poll(() => harness.session.jobs.isBusy(f.path), { timeout: 30_000 }).toBe(false)
  expect(decisions()).toEqual([])

  // The renderer names another user; the decision is still the signed-in clerk's.
  const started = await call('job:start', { kind: 'review-bulk', bulk: { ...bulk, expected: preview.value.diffs }, userId: f.clerk2.id })
  expect(started.ok).toBe(true)
  await expect.poll(() => decisions(), { timeout: 30_000 }).toEqual(['Lan'])
  const live = () =>
    db()
      .prepare(`SELECT count(*) FROM proposals p JOIN users u ON u.id = p.proposed_by WHERE u.name = 'Lan' AND p.status = 'proposed'`)
      .pluck()
      .get()
  expect(live()).toBe(preview.value.proposals)
  // The decisions are visible at the commit, before the job has reported done; until then undo is refused as busy.
  await expect.poll(() => harness.session.jobs.isBusy(f.path), { timeout: 30_000 }).toBe(false)

  // Taking it back runs in a worker too (the call waits for it), and leaves nothing proposed.
  const undone = (await call('review:undo', {})) as { ok: true; value: { scope: string } }
  expect(undone).toMatchObject({ ok: true, value: { scope: 'bulk' } })
  expect(live()).toBe(0)
  expect(await call('review:undo', {})).toMatchObject({ ok: false, error: { code: 'REVIEW_NOTHING_TO_UNDO' } })
})
