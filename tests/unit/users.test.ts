import { join } from 'node:path'
import { expect, test } from 'vitest'
import { addUser, authenticate, listUsers } from '../../main/core/users/users.ts'
import { createWorkspace } from '../../main/core/workspace/index.ts'
import { tempDir } from '../helpers/tmp.ts'

test('users are stored with a scrypt hash, never the password, and sign in with it', async () => {
  const ws = createWorkspace(join(tempDir(), 'u.vaxrecon'))
  await addUser(ws, null, { name: 'Nguyễn Thị Lan', role: 'clerk', password: 'mật-khẩu-123' })
  const stored = ws.db.prepare('SELECT password_hash FROM users').get() as { password_hash: string }
  expect(stored.password_hash).toMatch(/^scrypt\$32768\$8\$1\$/)
  expect(stored.password_hash).not.toContain('mật-khẩu-123')
  expect(await authenticate(ws, 'Nguyễn Thị Lan', 'mật-khẩu-123')).toMatchObject({ role: 'clerk' })
  await expect(authenticate(ws, 'Nguyễn Thị Lan', 'wrong-password')).rejects.toMatchObject({ code: 'LOGIN_FAILED' })
  await expect(authenticate(ws, 'Nobody', 'mật-khẩu-123')).rejects.toMatchObject({ code: 'LOGIN_FAILED' })
  // After the first user, nobody adds users without a signed-in supervisor.
  await expect(addUser(ws, null, { name: 'Nguyễn Thị Lan', role: 'supervisor', password: 'another-pass' })).rejects.toMatchObject({
    code: 'NOT_SUPERVISOR'
  })
  await expect(addUser(ws, null, { name: 'Short', role: 'clerk', password: 'short' })).rejects.toMatchObject({
    code: 'PASSWORD_TOO_SHORT'
  })
  expect(listUsers(ws).map((u) => u.name)).toEqual(['Nguyễn Thị Lan'])
  const audit = ws.db.prepare(`SELECT new_json FROM audit_log WHERE action = 'user.add'`).all()
  expect(JSON.stringify(audit)).not.toContain('mật-khẩu')
  ws.close()
})
