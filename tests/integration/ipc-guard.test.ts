import { existsSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, test } from 'vitest'
import type { Harness } from '../e2e/harness/server.ts'
import { ipcSession, type IpcCall } from '../helpers/ipc.ts'
import { tempDir } from '../helpers/tmp.ts'
import { reviewWorkspaceForSession, type ReviewFixture } from './review/fixture.ts'

/**
 * What a compromised page gets from main (issue 12): nothing of the workspace while
 * signed out, and no file read or written at a path it made up instead of one chosen in
 * main's own dialogs.
 */
let f: ReviewFixture
let harness: Harness
let call: IpcCall
let chosen: (dialog: string, path: string) => Promise<void>

beforeAll(async () => {
  f = await reviewWorkspaceForSession()
  ;({ harness, call, chosen } = await ipcSession())
  await chosen('dialog:chooseWorkspace', f.path)
  expect((await call('workspace:open', { path: f.path })).ok).toBe(true)
})
afterAll(() => harness?.close())

const refused = (code: string) => ({ ok: false, error: expect.objectContaining({ code }) })

test('signed out, the page reads no names, IDs or phones and starts no job', async () => {
  await call('users:signOut', {})
  const reads: [string, unknown][] = [
    ['link:list', { offset: 0, limit: 10 }],
    ['link:detail', { linkId: f.link['P1'] ?? 1 }],
    ['link:summary', {}],
    ['review:person', { personId: f.person['P1'] ?? 1 }],
    ['review:candidateQueue', { offset: 0, limit: 10 }],
    ['review:overview', {}],
    ['complaints:queue', {}],
    ['complaints:evidence', { recordId: f.rec['C1'] ?? 1 }],
    ['import:list', {}],
    ['users:list', {}],
    ['approve:list', { filter: {}, offset: 0, limit: 10 }],
    ['export:batches', {}],
    ['reports:get', {}]
  ]
  for (const [channel, payload] of reads) expect(await call(channel, payload), channel).toMatchObject(refused('NOT_SIGNED_IN'))
  for (const job of [
    { kind: 'match' },
    { kind: 'link-thresholds', thresholds: { auto: 10, review: 2 } },
    { kind: 'verify' },
    { kind: 'sample' },
    { kind: 'import', source: 'site', path: f.path }
  ]) {
    expect(await call('job:start', job), job.kind).toMatchObject(refused('NOT_SIGNED_IN'))
  }
  // The sign-in screen still works: it needs the names to offer, nothing else.
  expect(await call('users:state', {})).toMatchObject({ ok: true, value: { hasUsers: true, current: null } })
})

test('made-up paths are refused on every channel that reads or writes a file; dialog answers are accepted', async () => {
  expect((await call('users:signIn', { name: 'Hùng', password: 'mat-khau-hung' })).ok).toBe(true)
  const where = { kind: 'site' }
  expect(await call('import:inspect', { path: '/etc/passwd', ...where })).toMatchObject(refused('PATH_NOT_CHOSEN'))
  expect(await call('import:preview', { path: '/etc/passwd', ...where, mapping: {} })).toMatchObject(refused('PATH_NOT_CHOSEN'))
  expect(await call('import:convert', { path: '/etc/passwd' })).toMatchObject(refused('PATH_NOT_CHOSEN'))
  expect(await call('job:start', { kind: 'import', source: 'site', path: '/etc/passwd' })).toMatchObject(refused('PATH_NOT_CHOSEN'))
  const outDir = tempDir()
  expect(await call('job:start', { kind: 'export', outDir, signer: 'Hùng', password: 'mat-khau-hung' })).toMatchObject(
    refused('PATH_NOT_CHOSEN')
  )
  const planted = join(tempDir(), 'planted.vaxrecon')
  expect(await call('workspace:create', { path: planted })).toMatchObject(refused('PATH_NOT_CHOSEN'))
  expect(existsSync(planted)).toBe(false)
  expect(await call('workspace:open', { path: join(tempDir(), 'other.vaxrecon') })).toMatchObject(refused('PATH_NOT_CHOSEN'))

  // The same requests with paths the user chose in main's dialogs go through.
  const csv = join(tempDir(), 'site.csv')
  writeFileSync(csv, 'Họ và tên,Ngày sinh,Số CCCD\nNguyễn Văn A,01/02/1980,001080012345\n')
  await chosen('dialog:chooseImportFile', csv)
  expect(await call('import:inspect', { path: csv, ...where })).toMatchObject({ ok: true })
  await chosen('dialog:chooseExportDir', outDir)
  expect(await call('job:start', { kind: 'export', outDir, signer: 'Hùng', password: 'mat-khau-hung' })).toMatchObject({ ok: true })
  await chosen('dialog:chooseWorkspace', planted)
  expect(await call('workspace:create', { path: planted })).toMatchObject({ ok: true })
})
