import { join } from 'node:path'
import { expect, test } from 'vitest'
import { currentUser, listAccounts } from '../../main/core/users/accounts.ts'
import { deactivateUser } from '../../main/core/users/deactivate.ts'
import { scriptsOf, userNameKey } from '../../main/core/users/names.ts'
import { signerFor } from '../../main/core/users/keys.ts'
import { addUser, authenticate, listUsers, type User } from '../../main/core/users/users.ts'
import type { Workspace } from '../../main/core/workspace/workspace.ts'
import { createWorkspace } from '../../main/core/workspace/index.ts'
import { tempDir } from '../helpers/tmp.ts'

const workspace = () => createWorkspace(join(tempDir(), 'u.vaxrecon'))

/** After the first user, only a signed-in supervisor adds users: this one endorses them. */
async function endorserOf(ws: Workspace, supervisor: User, password: string) {
  return { userId: supervisor.id, signer: await signerFor(ws, supervisor, password) }
}

/** A workspace whose first user, the supervisor Trưởng, adds the others. */
async function withSupervisor() {
  const ws = workspace()
  const root = await addUser(ws, null, { name: 'Trưởng', role: 'supervisor', password: 'mat-khau-truong' })
  return { ws, by: await endorserOf(ws, root, 'mat-khau-truong') }
}

test('user names are one name whatever their case, accents, spacing or Unicode form', async () => {
  expect(userNameKey('  Nguyễn  Thị Lan ')).toBe(userNameKey('nguyen thi lan'))
  expect(userNameKey('Đỗ Hùng')).toBe(userNameKey('do hung'))
  const { ws, by } = await withSupervisor()
  await addUser(ws, by, { name: 'Nguyễn Thị Lan', role: 'clerk', password: 'mat-khau-lan' })
  for (const twin of ['nguyễn thị lan', 'NGUYEN THI LAN', 'Nguyen  Thi Lan', 'Nguye\u0302\u0303n Thị Lan']) {
    await expect(addUser(ws, by, { name: twin, role: 'clerk', password: 'mat-khau-2' })).rejects.toMatchObject({ code: 'USER_EXISTS' })
  }
  // Names that differ only by an accent are refused too: the clerk adds something to tell them apart.
  await expect(addUser(ws, by, { name: 'Nguyễn Thị Lân', role: 'clerk', password: 'mat-khau-3' })).rejects.toMatchObject({
    code: 'USER_EXISTS'
  })
  await addUser(ws, by, { name: 'Nguyễn Thị Lân (Tân Lập)', role: 'clerk', password: 'mat-khau-3' })
  expect(
    listUsers(ws)
      .map((u) => u.name)
      .sort()
  ).toEqual(['Trưởng', 'Nguyễn Thị Lan', 'Nguyễn Thị Lân (Tân Lập)'].sort())
  ws.close()
})

test('a name mixing Latin with Cyrillic or Greek look-alikes is refused; one script is fine', async () => {
  const { ws, by } = await withSupervisor()
  await addUser(ws, by, { name: 'Hoa', role: 'clerk', password: 'mat-khau-hoa' })
  // "Hоа" with a Cyrillic о and а: it reads as "Hoa".
  expect(scriptsOf('H\u043e\u0430')).toEqual(['Latin', 'Cyrillic'])
  await expect(addUser(ws, by, { name: 'H\u043e\u0430', role: 'clerk', password: 'mat-khau-2' })).rejects.toMatchObject({
    code: 'USER_NAME_MIXED_SCRIPTS'
  })
  // A Greek omicron in a Vietnamese name.
  await expect(addUser(ws, by, { name: 'Tr\u03bfng Văn Nam', role: 'clerk', password: 'mat-khau-3' })).rejects.toMatchObject({
    code: 'USER_NAME_MIXED_SCRIPTS'
  })
  await addUser(ws, by, { name: 'Иван Петров', role: 'clerk', password: 'mat-khau-4' })
  await addUser(ws, by, { name: 'Trần Văn Nam 2', role: 'clerk', password: 'mat-khau-5' })
  expect(
    listUsers(ws)
      .map((u) => u.name)
      .sort()
  ).toEqual(['Trưởng', 'Hoa', 'Trần Văn Nam 2', 'Иван Петров'].sort())
  ws.close()
})

test('a supervisor deactivates a user: no sign-in, no session, never deleted, still in the audit trail, name kept', async () => {
  process.env.VAXRECON_NOW = '2021-10-03T02:00:00Z'
  try {
    const ws = workspace()
    const boss = await addUser(ws, null, { name: 'Hùng', role: 'supervisor', password: 'mat-khau-hung' })
    const by = await endorserOf(ws, boss, 'mat-khau-hung')
    const lan = await addUser(ws, by, { name: 'Lan', role: 'clerk', password: 'mat-khau-lan' })
    const minh = await addUser(ws, by, { name: 'Minh', role: 'clerk', password: 'mat-khau-minh' })

    expect(() => deactivateUser(ws, minh, lan.id)).toThrow(expect.objectContaining({ code: 'NOT_SUPERVISOR' }))
    expect(() => deactivateUser(ws, boss, boss.id)).toThrow(expect.objectContaining({ code: 'USER_DEACTIVATE_SELF' }))
    deactivateUser(ws, boss, lan.id)
    expect(() => deactivateUser(ws, boss, lan.id)).toThrow(expect.objectContaining({ code: 'USER_UNKNOWN' }))

    await expect(authenticate(ws, 'Lan', 'mat-khau-lan')).rejects.toMatchObject({ code: 'LOGIN_FAILED' })
    // A session she still had stops at its next call.
    expect(() => currentUser(ws, lan)).toThrow(expect.objectContaining({ code: 'USER_UNKNOWN' }))
    expect(listUsers(ws).map((u) => u.name)).toEqual(['Hùng', 'Minh'])
    expect(listAccounts(ws).map((u) => u.name)).toEqual(['Hùng', 'Minh'])
    expect(ws.db.prepare('SELECT name, disabled_at FROM users WHERE id = ?').get(lan.id)).toEqual({
      name: 'Lan',
      disabled_at: '2021-10-03T02:00:00.000Z'
    })
    const audit = ws.db.prepare("SELECT actor, entity_id, old_json FROM audit_log WHERE action = 'user.deactivate'").all()
    expect(audit).toEqual([{ actor: 'Hùng', entity_id: String(lan.id), old_json: JSON.stringify({ name: 'Lan', role: 'clerk' }) }])
    // Her name is not given to someone else.
    await expect(addUser(ws, by, { name: 'lan', role: 'clerk', password: 'mat-khau-moi' })).rejects.toMatchObject({ code: 'USER_EXISTS' })
    ws.close()
  } finally {
    delete process.env.VAXRECON_NOW
  }
})
