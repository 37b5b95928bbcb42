import { randomBytes, timingSafeEqual } from 'node:crypto'
import type { Role } from './schema.ts'
import { appendAudit } from '../audit/append.ts'
import { VaxError } from '../base/errors.ts'
import type { Db, Workspace } from '../workspace/workspace.ts'
import { SCRYPT, scrypt } from '../base/kdf.ts'
import { keyIdHex } from '../base/minisign.ts'
import { endorse, trustedRole, trustedUsers, type Endorser } from './endorse.ts'
import { checkUserNameScript, userNameKey } from './names.ts'
import { describeKey, generateSigner, sealSigningKey } from './signing-key.ts'
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

const onlySupervisorsAdd = () =>
  new VaxError('NOT_SUPERVISOR', {
    vi: 'Chỉ người phê duyệt (supervisor) đã đăng nhập mới thêm được người dùng.',
    en: 'Only a signed-in supervisor can add users.'
  })

/**
 * Adds a user, endorsed (signed) by `by`, a signed-in supervisor whose key is open. Only
 * the first user of an empty workspace is added by nobody; a first supervisor endorses
 * themself and becomes the root every later key chains back to.
 */
export async function addUser(ws: Workspace, by: Endorser | null, input: { name: string; role: Role; password: string }): Promise<User> {
  const name = input.name.normalize('NFC').trim()
  if (name.length === 0) {
    throw new VaxError('USER_NAME_EMPTY', { vi: 'Tên người dùng không được để trống.', en: 'The user name is empty.' })
  }
  checkUserNameScript(name)
  if (input.password.length < MIN_PASSWORD_LENGTH) {
    throw new VaxError('PASSWORD_TOO_SHORT', {
      vi: `Mật khẩu phải có ít nhất ${MIN_PASSWORD_LENGTH} ký tự.`,
      en: `The password must have at least ${MIN_PASSWORD_LENGTH} characters.`
    })
  }
  const passwordHash = await hashPassword(input.password)
  // Supervisors sign approvals and batches: their key is made here, on this device, sealed with their password.
  const own = input.role === 'supervisor' ? generateSigner() : null
  const key = own ? await sealSigningKey(own, input.password) : null
  const user = ws.tx(() => {
    const anyone = ws.db.prepare('SELECT 1 FROM users LIMIT 1').get() !== undefined
    let actor: string | null = null
    if (by !== null) {
      const endorser = trustedUsers(ws.db).users.get(by.userId)
      if (endorser?.role !== 'supervisor' || endorser.disabled || endorser.keyId !== keyIdHex(by.signer.publicKey.keyId))
        throw onlySupervisorsAdd()
      actor = endorser.name
    } else if (anyone) {
      throw onlySupervisorsAdd()
    }
    // Deactivated users count too: the audit trail must never show two people under one name.
    const wanted = userNameKey(name)
    const same = (ws.db.prepare('SELECT name FROM users').pluck().all() as string[]).find((n) => userNameKey(n) === wanted)
    if (same !== undefined) {
      throw new VaxError('USER_EXISTS', {
        vi: `Đã có người dùng tên “${same}” (tên không phân biệt chữ hoa, chữ thường và dấu).`,
        en: `A user named “${same}” already exists (names ignore case and accents).`
      })
    }
    const id = Number(
      ws.db
        .prepare('INSERT INTO users (name, role, password_hash, public_key, secret_key_enc, created_at) VALUES (?, ?, ?, ?, ?, ?)')
        .run(name, input.role, passwordHash, key?.publicKey ?? null, key?.secretKeyEnc ?? null, new Date().toISOString()).lastInsertRowid
    )
    // The first supervisor signs with their own new key; a first clerk has nobody to vouch for them.
    const signer = by?.signer ?? own
    if (signer) {
      const body = {
        userId: id,
        name,
        role: input.role,
        publicKey: key?.publicKey ?? null,
        endorserId: by?.userId ?? null,
        at: new Date().toISOString()
      }
      ws.db.prepare('UPDATE users SET endorsement = ? WHERE id = ?').run(endorse(body, signer), id)
    }
    appendAudit(ws.db, {
      actor,
      action: 'user.add',
      entity: 'user',
      entityId: id,
      new: { name, role: input.role, ...(key ? { key: describeKey(key.publicKey) } : {}), endorsedBy: by ? actor : own ? 'self' : null }
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
  const row =
    id === undefined
      ? undefined
      : (db.prepare('SELECT id, name, role FROM users WHERE id = ? AND disabled_at IS NULL').get(id) as User | undefined)
  if (!row) throw notSignedIn()
  return row
}

export const notSignedIn = (): VaxError => new VaxError('NOT_SIGNED_IN', { vi: 'Hãy đăng nhập trước.', en: 'Please sign in first.' })

const wrongLogin = () => new VaxError('LOGIN_FAILED', { vi: 'Sai tên người dùng hoặc mật khẩu.', en: 'Wrong user name or password.' })

/** Checks a password; the same error for an unknown name and a wrong password. */
export async function authenticate(ws: Workspace, name: string, password: string): Promise<User> {
  const row = ws.db
    .prepare('SELECT id, name, role, password_hash FROM users WHERE name = ? AND disabled_at IS NULL')
    .get(name.normalize('NFC').trim()) as (User & { password_hash: string }) | undefined
  if (!row || !(await checkPassword(password, row.password_hash))) throw wrongLogin()
  const role = trustedRole(ws.db, row.id)
  if (ws.key) await ensureUserSlot(ws.path, ws.key, row.id, password, role === 'supervisor')
  return { id: row.id, name: row.name, role }
}
