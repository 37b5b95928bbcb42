import { randomBytes, timingSafeEqual } from 'node:crypto'
import type { Role } from './schema.ts'
import { appendAudit } from '../audit/append.ts'
import { VaxError } from '../errors.ts'
import type { Db, Workspace } from '../workspace/workspace.ts'
import { SCRYPT, scrypt } from './kdf.ts'
import { describeKey, generateSigningKey } from './signing-key.ts'
import { ensureUserSlot, putUserSlot } from '../workspace/key-slots.ts'

export { Role } from './schema.ts'

export interface User {
  id: number
  name: string
  role: Role
}

/** Stored as scrypt$N$r$p$salt$hash so the parameters can be raised later without breaking old users. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16)
  const key = await scrypt(password, salt, SCRYPT)
  return ['scrypt', SCRYPT.N, SCRYPT.r, SCRYPT.p, salt.toString('base64'), key.toString('base64')].join('$')
}

export async function checkPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$')
  if (scheme !== 'scrypt' || !salt || !hash) return false
  const expected = Buffer.from(hash, 'base64')
  const key = await scrypt(password, Buffer.from(salt, 'base64'), {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: SCRYPT.maxmem
  })
  return key.length === expected.length && timingSafeEqual(key, expected)
}

export const MIN_PASSWORD_LENGTH = 8

export async function addUser(
  ws: Workspace,
  actor: string | null,
  input: { name: string; role: Role; password: string }
): Promise<User> {
  const name = input.name.normalize('NFC').trim()
  if (name.length === 0) {
    throw new VaxError('USER_NAME_EMPTY', { vi: 'Tên người dùng không được để trống.', en: 'The user name is empty.' })
  }
  if (input.password.length < MIN_PASSWORD_LENGTH) {
    throw new VaxError('PASSWORD_TOO_SHORT', {
      vi: `Mật khẩu phải có ít nhất ${MIN_PASSWORD_LENGTH} ký tự.`,
      en: `The password must have at least ${MIN_PASSWORD_LENGTH} characters.`
    })
  }
  const passwordHash = await hashPassword(input.password)
  // Supervisors sign export batches: their key is made here, on this device, sealed with their password.
  const key = input.role === 'supervisor' ? await generateSigningKey(input.password) : null
  const user = ws.tx(() => {
    const exists = ws.db.prepare('SELECT 1 FROM users WHERE name = ?').get(name)
    if (exists) {
      throw new VaxError('USER_EXISTS', { vi: `Đã có người dùng tên “${name}”.`, en: `A user named “${name}” already exists.` })
    }
    const id = Number(
      ws.db
        .prepare('INSERT INTO users (name, role, password_hash, public_key, secret_key_enc, created_at) VALUES (?, ?, ?, ?, ?, ?)')
        .run(name, input.role, passwordHash, key?.publicKey ?? null, key?.secretKeyEnc ?? null, new Date().toISOString())
        .lastInsertRowid
    )
    appendAudit(ws.db, {
      actor,
      action: 'user.add',
      entity: 'user',
      entityId: id,
      new: { name, role: input.role, ...(key ? { key: describeKey(key.publicKey) } : {}) }
    })
    return { id, name, role: input.role }
  })
  // An encrypted workspace: the new user's password opens the file too.
  if (ws.key) await putUserSlot(ws.path, ws.key, user.id, input.password, user.role === 'supervisor')
  return user
}

export function listUsers(ws: Workspace): User[] {
  return ws.db.prepare('SELECT id, name, role FROM users WHERE disabled_at IS NULL ORDER BY name').all() as User[]
}

/**
 * The user a job acts for, by id (main sets it from the session): a user disabled or
 * removed since the job was asked for acts for nobody.
 */
export function userById(db: Db, id: number | undefined): User {
  const row = id === undefined ? undefined : (db.prepare('SELECT id, name, role FROM users WHERE id = ? AND disabled_at IS NULL').get(id) as User | undefined)
  if (!row) throw notSignedIn()
  return row
}

export const notSignedIn = (): VaxError => new VaxError('NOT_SIGNED_IN', { vi: 'Hãy đăng nhập trước.', en: 'Please sign in first.' })

const wrongLogin = () =>
  new VaxError('LOGIN_FAILED', { vi: 'Sai tên người dùng hoặc mật khẩu.', en: 'Wrong user name or password.' })

/** Checks a password; the same error for an unknown name and a wrong password. */
export async function authenticate(ws: Workspace, name: string, password: string): Promise<User> {
  const row = ws.db
    .prepare('SELECT id, name, role, password_hash FROM users WHERE name = ? AND disabled_at IS NULL')
    .get(name.normalize('NFC').trim()) as (User & { password_hash: string }) | undefined
  if (!row || !(await checkPassword(password, row.password_hash))) throw wrongLogin()
  if (ws.key) await ensureUserSlot(ws.path, ws.key, row.id, password, row.role === 'supervisor')
  return { id: row.id, name: row.name, role: row.role }
}
