import { join } from 'node:path'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { inlineContext } from '../../../main/core/base/job-context.ts'
import { matchJob } from '../../../main/core/jobs/pipeline.ts'
import { createWorkspace } from '../../../main/core/workspace/index.ts'
import type { Harness } from '../../e2e/harness/server.ts'
import { addUser } from '../../../main/core/users/users.ts'
import { ipcSession, type IpcCall } from '../../helpers/ipc.ts'
import { tempDir } from '../../helpers/tmp.ts'
import { population, siteRow, siteRows, type Person } from './population.ts'
import { insertRows } from './records.ts'

/** The linkage channels behind the real dispatcher, as Electron and the e2e harness use them. */
let harness: Harness
let call: IpcCall
let chosen: (dialog: string, path: string) => Promise<void>

beforeAll(async () => {
  const path = join(tempDir('vaxrecon-link-ipc-'), 'w.vaxrecon')
  const ws = createWorkspace(path)
  const people = population(400, 31)
  insertRows(ws, 'registry', 'registry.xlsx', people)
  insertRows(ws, 'site', 'site.xlsx', [...siteRows(people, 32).rows, siteRow(people[0] as Person, ['no_id', 'year_only'])])
  matchJob(ws, {}, inlineContext())
  await addUser(ws, null, { name: 'Hùng', role: 'supervisor', password: 'mat-khau-hung' })
  ws.close()
  ;({ harness, call, chosen } = await ipcSession())
  await chosen('dialog:chooseWorkspace', path)
  expect((await call('workspace:open', { path })).ok).toBe(true)
  // Every linkage channel shows people's data: it needs a signed-in user.
  expect((await call('users:signIn', { name: 'Hùng', password: 'mat-khau-hung' })).ok).toBe(true)
})
afterAll(() => harness.close())

test('the summary has the thresholds, counts by status, the histogram and the model', async () => {
  const r = (await call('link:summary', {})) as {
    ok: true
    value: {
      thresholds: { auto: number }
      statuses: Record<string, number>
      histogram: { counts: Record<string, number> }[]
      model: { comparisons: { name: string }[] }
    }
  }
  expect(r.ok).toBe(true)
  expect(r.value.thresholds.auto).toBe(10)
  const inBins = r.value.histogram.reduce((s, b) => s + Object.values(b.counts).reduce((a, n) => a + n, 0), 0)
  const total = Object.values(r.value.statuses).reduce((a, n) => a + n, 0)
  expect(inBins).toBe(total)
  expect(r.value.model.comparisons.map((c) => c.name)).toContain('given_name')
})

test('a preview changes nothing, and thresholds in the wrong order are refused', async () => {
  const before = (await call('link:summary', {})).value
  const preview = (await call('link:preview', { auto: 100, review: 90 })) as { ok: true; value: { statuses: Record<string, number> } }
  expect(preview.value.statuses['auto'] ?? 0).toBe(0)
  expect((await call('link:summary', {})).value).toEqual(before)
  expect(await call('link:preview', { auto: 5, review: 9 })).toMatchObject({ ok: false, error: { code: 'LINK_THRESHOLDS_ORDER' } })
  expect(await call('link:preview', { auto: 'high', review: 9 })).toMatchObject({ ok: false, error: { code: 'IPC_INVALID_REQUEST' } })
})

test('the list pages links by status, and a link opens with its waterfall and candidates', async () => {
  const page = (await call('link:list', { status: 'auto', limit: 5 })) as {
    ok: true
    value: { total: number; rows: { linkId: number; status: string; weight: number }[] }
  }
  expect(page.value.rows).toHaveLength(5)
  expect(page.value.rows.every((r) => r.status === 'auto')).toBe(true)
  expect(page.value.rows.map((r) => r.weight)).toEqual([...page.value.rows.map((r) => r.weight)].sort((a, b) => b - a))
  const detail = (await call('link:detail', { linkId: page.value.rows[0]?.linkId })) as {
    ok: true
    value: { contributions: { comparison: string }[]; subjectRows: unknown[]; registry: unknown }
  }
  expect(detail.value.contributions[0]?.comparison).toBe('prior')
  expect(detail.value.subjectRows.length).toBeGreaterThan(0)
  expect(detail.value.registry).not.toBeNull()
  expect(await call('link:detail', { linkId: 999_999 })).toMatchObject({ ok: false, error: { code: 'LINK_NOT_FOUND' } })
})
