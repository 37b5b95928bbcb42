import { afterEach, beforeEach, expect, test } from 'vitest'
import type { Session } from '../../../main/ipc/session.ts'
import type { Harness } from '../../e2e/harness/server.ts'
import { ipcSession, type IpcCall } from '../../helpers/ipc.ts'
import { fixtureWorkspace, PASSWORDS, propose, type Fixture } from '../../helpers/corrections.ts'
import { tempDir } from '../../helpers/tmp.ts'

/** The real handlers behind the real dispatcher, as Electron's main process and the e2e harness use them. */
let f: Fixture
let session: Session
let harness: Harness
let call: IpcCall
let chosen: (dialog: string, path: string) => Promise<void>

beforeEach(async () => {
  f = await fixtureWorkspace()
  f.ws.close()
  // The e2e harness's session: the same Platform as the browser tests, without a browser.
  ;({ harness, call, chosen } = await ipcSession())
  session = harness.session
  await chosen('dialog:chooseWorkspace', f.path)
  expect((await call('workspace:open', { path: f.path })).ok).toBe(true)
})
afterEach(() => harness.close())

const statusOf = (id: number) =>
  (session.workspace.db.prepare('SELECT status FROM proposals WHERE id = ?').get(id) as { status: string }).status

test('nothing is decided before signing in, and a wrong password does not sign in', async () => {
  const id = propose(session.workspace, f.clerk)
  expect(await call('approve:decide', { verdict: 'approve', selection: { ids: [id] } })).toMatchObject({
    ok: false,
    error: { code: 'NOT_SIGNED_IN' }
  })
  expect(await call('users:signIn', { name: 'Minh', password: 'wrong-password' })).toMatchObject({
    ok: false,
    error: { code: 'LOGIN_FAILED' }
  })
  expect(await call('users:state')).toMatchObject({ ok: true, value: { hasUsers: true, current: null } })
})

test('a signed-in clerk cannot approve over IPC, and the refusal is audited', async () => {
  const id = propose(session.workspace, f.minh)
  expect(await call('users:signIn', { name: f.clerk.name, password: PASSWORDS.clerk })).toMatchObject({ ok: true })
  for (const selection of [{ ids: [id] }, { filter: { status: ['proposed'] } }]) {
    expect(await call('approve:decide', { verdict: 'approve', selection })).toMatchObject({
      ok: false,
      error: { code: 'APPROVE_NOT_SUPERVISOR' }
    })
  }
  expect(statusOf(id)).toBe('proposed')
  const audited = session.workspace.db
    .prepare(`SELECT count(*) AS n FROM audit_log WHERE action = 'approval.refused' AND actor = ?`)
    .get(f.clerk.name)
  expect(audited).toEqual({ n: 2 })
  // Nor can a clerk start an export signed by a supervisor, even with their password.
  expect(await call('job:start', { kind: 'export', outDir: tempDir(), signer: 'Minh', password: PASSWORDS.minh })).toMatchObject({
    ok: false,
    error: { code: 'EXPORT_SIGNER' }
  })
})

test('a supervisor cannot approve their own proposal over IPC; another supervisor can', async () => {
  const id = propose(session.workspace, f.minh)
  await call('users:signIn', { name: 'Minh', password: PASSWORDS.minh })
  expect(await call('approve:decide', { verdict: 'approve', selection: { ids: [id] } })).toMatchObject({
    ok: false,
    error: { code: 'APPROVE_OWN_PROPOSAL' }
  })
  expect(await call('approve:list', { filter: { status: ['proposed'], excludeMine: true } })).toMatchObject({
    ok: true,
    value: { total: 0 }
  })
  await call('users:signIn', { name: 'Hoa', password: PASSWORDS.hoa })
  expect(await call('approve:decide', { verdict: 'approve', selection: { ids: [id] }, comment: 'OK' })).toMatchObject({
    ok: true,
    value: { applied: 1 }
  })
  expect(statusOf(id)).toBe('approved')
})

test('users are added by a signed-in supervisor only', async () => {
  await call('users:signIn', { name: f.clerk.name, password: PASSWORDS.clerk })
  expect(await call('users:create', { name: 'Tú', role: 'clerk', password: 'password-123' })).toMatchObject({
    ok: false,
    error: { code: 'NOT_SUPERVISOR' }
  })
  await call('users:signIn', { name: 'Hoa', password: PASSWORDS.hoa })
  expect(await call('users:create', { name: 'Tú', role: 'clerk', password: 'password-123' })).toMatchObject({
    ok: true,
    value: { name: 'Tú', keyId: null }
  })
  expect(await call('users:publicKey')).toMatchObject({
    ok: true,
    value: { text: expect.stringMatching(/^untrusted comment: minisign public key/) }
  })
})
