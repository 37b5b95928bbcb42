import { afterEach, beforeEach, expect, test } from 'vitest'
import { trustedUsers } from '../../../main/core/users/endorse.ts'
import type { Harness } from '../../e2e/harness/server.ts'
import { approvedCorrections, fixtureWorkspace, PASSWORDS, type Fixture } from '../../helpers/corrections.ts'
import { ipcSession, type IpcCall } from '../../helpers/ipc.ts'

/** `users:adopt` over the real dispatcher, on a workspace made before signed approvals (migration 0004). */
let f: Fixture
let harness: Harness
let call: IpcCall

beforeEach(async () => {
  f = await fixtureWorkspace()
  approvedCorrections(f.ws, f.clerk, f.minh, 2)
  // What migration 0004 leaves in an older workspace: no endorsement, no signed act.
  f.ws.db.exec('UPDATE users SET endorsement = NULL; UPDATE approvals SET act_id = NULL')
  f.ws.close()
  let chosen: (dialog: string, path: string) => Promise<void>
  ;({ harness, call, chosen } = await ipcSession())
  await chosen('dialog:chooseWorkspace', f.path)
  expect((await call('workspace:open', { path: f.path })).ok).toBe(true)
})
afterEach(() => harness.close())

test('users:state says the workspace is adoptable, with the table roles, before anyone signs in', async () => {
  expect(await call('users:state', {})).toMatchObject({
    ok: true,
    value: {
      hasUsers: true,
      adoptable: true,
      current: null,
      users: expect.arrayContaining([{ id: f.hoa.id, name: 'Hoa', role: 'supervisor' }])
    }
  })
})

test('adoption is refused signed out, to a clerk and to a wrong password; the supervisor adopts once and counts as one at once', async () => {
  expect(await call('users:adopt', { password: PASSWORDS.hoa })).toMatchObject({ ok: false, error: { code: 'NOT_SIGNED_IN' } })

  expect(await call('users:signIn', { name: f.clerk.name, password: PASSWORDS.clerk })).toMatchObject({ ok: true })
  expect(await call('users:adopt', { password: PASSWORDS.clerk })).toMatchObject({ ok: false, error: { code: 'NOT_SUPERVISOR' } })

  // Before adoption the supervisor signs in as a clerk: no chain vouches for them yet.
  expect(await call('users:signIn', { name: 'Hoa', password: PASSWORDS.hoa })).toMatchObject({ ok: true, value: { role: 'clerk' } })
  expect(await call('users:adopt', { password: 'wrong-password' })).toMatchObject({ ok: false, error: { code: 'SIGNING_KEY_LOCKED' } })
  expect(trustedUsers(harness.session.workspace.db).rootKeyId).toBeNull()

  const adopted = await call('users:adopt', { password: PASSWORDS.hoa })
  expect(adopted).toMatchObject({
    ok: true,
    value: { root: { id: f.hoa.id, name: 'Hoa' }, leftOut: [], unsignedApprovals: 2 }
  })
  const endorsed = (adopted.value as { endorsed: { name: string; role: string }[] }).endorsed
  expect(endorsed.map((e) => [e.name, e.role]).sort()).toEqual([
    ['Lan (văn thư)', 'clerk'],
    ['Minh', 'supervisor']
  ])
  // The session now holds Hoa as a supervisor with the key open: adding a user needs no new sign-in.
  expect(await call('users:state', {})).toMatchObject({
    ok: true,
    value: { adoptable: false, current: { name: 'Hoa', role: 'supervisor' } }
  })
  expect(await call('users:create', { name: 'Tâm', role: 'clerk', password: 'tam-pass-123' })).toMatchObject({
    ok: true,
    value: { name: 'Tâm', role: 'clerk' }
  })

  expect(await call('users:adopt', { password: PASSWORDS.hoa })).toMatchObject({ ok: false, error: { code: 'ADOPT_NOT_NEEDED' } })
})
