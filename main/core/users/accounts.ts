import { appendAudit } from '../audit/append.ts'
import { VaxError } from '../base/errors.ts'
import type { Signer } from '../base/minisign.ts'
import { putUserSlot } from '../workspace/key-slots.ts'
import type { Workspace } from '../workspace/workspace.ts'
import { trustedRole } from './endorse.ts'
import { SCRYPT } from '../base/kdf.ts'
import { describeKey, sealSigningKey, unlockSigningKey } from './signing-key.ts'
import { addUser, authenticate, hashPassword, MIN_PASSWORD_LENGTH, notSignedIn, type Role, type User } from './users.ts'

/**
 * Re-reads a signed-in user from the workspace. Rules are checked against the role held
 * now, not the one remembered at sign-in, so a session never outlives a change of role.
 */
export function currentUser(ws: Workspace, user: Pick<User, 'id'>): User {
  const row = ws.db.prepare('SELECT id, name, role FROM users WHERE id = ? AND disabled_at IS NULL').get(user.id) as User | undefined
  if (row) {
    // The role the chain of endorsements vouches for, not the column alone: sqlite3 can write the column.
    return { ...row, role: trustedRole(ws.db, row.id) }
  }
  throw new VaxError('USER_UNKNOWN', {
    vi: 'Người dùng không còn trong không gian làm việc này. Hãy đăng nhập lại.',
    en: 'This user is no longer in this workspace. Please sign in again.'
  })
}

export function hasUsers(ws: Workspace): boolean {
  return ws.db.prepare('SELECT 1 FROM users WHERE disabled_at IS NULL LIMIT 1').get() !== undefined
}

/**
 * Adds a user from the app or the CLI. The very first user of a workspace is created
 * without a sign-in and must be a supervisor (someone has to be able to approve and to
 * add the others); after that only a signed-in supervisor adds users, endorsing each with
 * their open signing key.
 */
export async function createUserBy(
  ws: Workspace,
  actor: User | null,
  input: { name: string; role: Role; password: string },
  signer: Signer | null = null
): Promise<User> {
  if (actor === null) {
    if (hasUsers(ws)) {
      throw notSignedIn()
    }
    if (input.role !== 'supervisor') {
      throw new VaxError('FIRST_USER_SUPERVISOR', {
        vi: 'Người dùng đầu tiên phải là người phê duyệt (supervisor).',
        en: 'The first user must be a supervisor.'
      })
    }
    return addUser(ws, null, input)
  }
  const me = currentUser(ws, actor)
  if (me.role !== 'supervisor') {
    throw new VaxError('NOT_SUPERVISOR', {
      vi: 'Chỉ người phê duyệt (supervisor) mới thêm được người dùng.',
      en: 'Only supervisors can add users.'
    })
  }
  if (!signer) throw keyLocked()
  return addUser(ws, { userId: me.id, signer }, input)
}

const keyLocked = () =>
  new VaxError('SIGNING_KEY_LOCKED', {
    vi: 'Khoá ký của bạn chưa được mở. Hãy đăng nhập lại.',
    en: 'Your signing key is not open. Please sign in again.'
  })

export interface Account extends User {
  createdAt: string
  keyId: string | null
  fingerprint: string | null
}

export function listAccounts(ws: Workspace): Account[] {
  const rows = ws.db
    .prepare('SELECT id, name, role, created_at, public_key FROM users WHERE disabled_at IS NULL ORDER BY name')
    .all() as (User & { created_at: string; public_key: string | null })[]
  return rows.map((r) => {
    const key = r.public_key ? describeKey(r.public_key) : null
    return {
      id: r.id,
      name: r.name,
      role: trustedRole(ws.db, r.id),
      createdAt: r.created_at,
      keyId: key?.keyId ?? null,
      fingerprint: key?.fingerprint ?? null
    }
  })
}

/** Changes one's own password; the signing key is re-sealed, so its public half stays the same. */
export async function changePassword(ws: Workspace, user: User, oldPassword: string, newPassword: string): Promise<void> {
  const me = await authenticate(ws, currentUser(ws, user).name, oldPassword)
  if (newPassword.length < MIN_PASSWORD_LENGTH) {
    throw new VaxError('PASSWORD_TOO_SHORT', {
      vi: `Mật khẩu phải có ít nhất ${MIN_PASSWORD_LENGTH} ký tự.`,
      en: `The password must have at least ${MIN_PASSWORD_LENGTH} characters.`
    })
  }
  const row = ws.db.prepare('SELECT public_key, secret_key_enc FROM users WHERE id = ?').get(me.id) as {
    public_key: string | null
    secret_key_enc: string | null
  }
  // Only re-sealed: a new key pair would no longer match the endorsement that vouches for it.
  const resealed =
    row.public_key && row.secret_key_enc
      ? await sealSigningKey(
          await unlockSigningKey({ publicKey: row.public_key, secretKeyEnc: row.secret_key_enc }, oldPassword),
          newPassword
        )
      : null
  const hash = await hashPassword(newPassword)
  ws.tx(() => {
    ws.db.prepare('UPDATE users SET password_hash = ?, secret_key_enc = ? WHERE id = ?').run(hash, resealed?.secretKeyEnc ?? null, me.id)
    appendAudit(ws.db, {
      actor: me.name,
      action: 'user.password',
      entity: 'user',
      entityId: me.id,
      new: { kdf: `scrypt N=${SCRYPT.N}`, ...(resealed ? { key: describeKey(resealed.publicKey) } : {}) }
    })
  })
  // The old password stops opening the file; the file itself is not re-encrypted.
  if (ws.key) await putUserSlot(ws.path, ws.key, me.id, newPassword, me.role === 'supervisor')
}
