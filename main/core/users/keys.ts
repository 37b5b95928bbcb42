import { VaxError } from '../base/errors.ts'
import { formatPublicKey, parsePublicKey, type PublicKey, type Signer } from '../base/minisign.ts'
import type { Workspace } from '../workspace/workspace.ts'
import { currentUser } from './accounts.ts'
import { unlockSigningKey } from './signing-key.ts'
import type { User } from './users.ts'

interface KeyRow {
  public_key: string | null
  secret_key_enc: string | null
}

const notSupervisor = () =>
  new VaxError('NOT_SUPERVISOR', {
    vi: 'Chỉ người phê duyệt (supervisor) mới có khoá ký.',
    en: 'Only supervisors have a signing key.'
  })

export const noSigningKey = () =>
  new VaxError('NO_SIGNING_KEY', { vi: 'Người dùng này chưa có khoá ký.', en: 'This user has no signing key.' })

function keyRow(ws: Workspace, userId: number): KeyRow {
  return ws.db.prepare('SELECT public_key, secret_key_enc FROM users WHERE id = ?').get(userId) as KeyRow
}

/**
 * Opens a supervisor's signing key with their password. The key must be the one their
 * endorsement vouches for: a key pasted into the users table opens nothing.
 */
export async function signerFor(ws: Workspace, user: User, password: string): Promise<Signer> {
  const me = currentUser(ws, user)
  if (me.role !== 'supervisor') throw notSupervisor()
  const row = keyRow(ws, me.id)
  if (!row.public_key || !row.secret_key_enc) {
    throw noSigningKey()
  }
  return unlockSigningKey({ publicKey: row.public_key, secretKeyEnc: row.secret_key_enc }, password)
}

export function publicKeyOf(ws: Workspace, userId: number): PublicKey | null {
  const row = keyRow(ws, userId) as KeyRow | undefined
  return row?.public_key ? parsePublicKey(row.public_key) : null
}

/** The supervisor's public key as a minisign .pub file, for `minisign -V -p`. */
export function publicKeyFile(ws: Workspace, user: User): string {
  const me = currentUser(ws, user)
  const pk = publicKeyOf(ws, me.id)
  if (!pk) {
    throw me.role === 'supervisor'
      ? new VaxError('NO_SIGNING_KEY', {
          vi: 'Người dùng này chưa có khoá ký. Khoá được tạo ở lần xuất lô đầu tiên.',
          en: 'This user has no signing key yet. It is made at their first export.'
        })
      : notSupervisor()
  }
  return formatPublicKey(pk)
}
