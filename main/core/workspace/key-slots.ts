import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto'
import { VaxError } from '../base/errors.ts'
import { SCRYPT, scrypt } from '../base/kdf.ts'
import { KEY_BYTES } from '../base/sqlite-driver.ts'
import { readKeyFile, writeKeyFile, type KeyFile, type WrappedSlot } from './key-file.ts'

/**
 * Who can open an encrypted workspace. The workspace key is random: it comes from the
 * office recovery secret (25 random bytes, shown once at creation) through HKDF, so that
 * secret alone opens the file even with the key file lost. Each user's password wraps the
 * same key in a slot (scrypt, then AES-256-GCM), so a password change rewraps one slot and
 * a removed user loses theirs; the database file is never re-encrypted for either.
 */

const RECOVERY_BYTES = 25
// Crockford's base32: no I, L, O or U, so a secret read aloud or copied by hand survives.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'

export function newRecoverySecret(): string {
  const bytes = randomBytes(RECOVERY_BYTES)
  let bits = 0
  let value = 0
  let out = ''
  for (const b of bytes) {
    value = (value << 8) | b
    bits += 8
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31]
      bits -= 5
    }
  }
  return out.match(/.{4}/g)?.join('-') ?? out
}

/** The recovery secret's bytes, or null if the text is not one (any case, dashes and spaces optional). */
function parseRecoverySecret(text: string): Buffer | null {
  const clean = text.toUpperCase().replace(/[\s-]/g, '').replace(/[IL]/g, '1').replace(/O/g, '0')
  if (clean.length !== (RECOVERY_BYTES * 8) / 5 || [...clean].some((c) => !ALPHABET.includes(c))) return null
  const out: number[] = []
  let bits = 0
  let value = 0
  for (const c of clean) {
    value = ((value << 5) | ALPHABET.indexOf(c)) & 0xffff
    bits += 5
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff)
      bits -= 8
    }
  }
  return Buffer.from(out)
}

export function keyFromRecoverySecret(secret: string): Buffer | null {
  const bytes = parseRecoverySecret(secret)
  return bytes ? Buffer.from(hkdfSync('sha256', bytes, Buffer.alloc(0), 'vaxrecon workspace key v1', KEY_BYTES)) : null
}

const aad = (slotId: string): Buffer => Buffer.from(`vaxrecon-keys/1 ${slotId}`)

export async function wrapKey(slotId: string, key: Buffer, password: string): Promise<WrappedSlot> {
  const salt = randomBytes(16)
  const kek = await scrypt(password, salt, SCRYPT)
  const iv = randomBytes(12)
  const c = createCipheriv('aes-256-gcm', kek, iv).setAAD(aad(slotId))
  const wrapped = Buffer.concat([c.update(key), c.final(), c.getAuthTag()])
  return {
    id: slotId,
    kdf: { name: 'scrypt', N: SCRYPT.N, r: SCRYPT.r, p: SCRYPT.p, salt: salt.toString('base64') },
    iv: iv.toString('base64'),
    wrapped: wrapped.toString('base64')
  }
}

async function unwrapKey(slot: WrappedSlot, password: string): Promise<Buffer | null> {
  const { N, r, p } = slot.kdf
  // A crafted key file must not make us burn minutes or gigabytes: at most our own cost, a few times over.
  if (128 * N * r > SCRYPT.maxmem || p > 4) return null
  let kek: Buffer
  try {
    kek = await scrypt(password, Buffer.from(slot.kdf.salt, 'base64'), { N, r, p, maxmem: SCRYPT.maxmem })
  } catch {
    return null
  }
  const data = Buffer.from(slot.wrapped, 'base64')
  if (data.length !== KEY_BYTES + 16) return null
  try {
    const d = createDecipheriv('aes-256-gcm', kek, Buffer.from(slot.iv, 'base64')).setAAD(aad(slot.id))
    d.setAuthTag(data.subarray(KEY_BYTES))
    return Buffer.concat([d.update(data.subarray(0, KEY_BYTES)), d.final()])
  } catch {
    return null
  }
}

export const userSlotId = (userId: number): string => `user:${userId}`

export const wrongSecret = (): VaxError =>
  new VaxError('WORKSPACE_WRONG_PASSWORD', {
    vi: 'Mật khẩu hoặc mã khôi phục không mở được không gian làm việc này. Tệp không bị thay đổi.',
    en: 'That password or recovery secret does not open this workspace. The file was not changed.'
  })

/**
 * The keys a password or the recovery secret may stand for, cheapest first: the recovery
 * secret's, the setup key of a workspace with no supervisor yet, then every slot it
 * unwraps. `authentic` says the key file vouched for it (a GCM tag checked), so a key that
 * then does not fit the database means a damaged file, not a wrong password.
 */
export async function* candidateKeys(workspacePath: string, secret: string): AsyncGenerator<{ key: Buffer; authentic: boolean }> {
  const fromRecovery = keyFromRecoverySecret(secret)
  if (fromRecovery) yield { key: fromRecovery, authentic: false }
  const file = readKeyFile(workspacePath)
  if (file?.setup) yield { key: Buffer.from(file.setup, 'base64'), authentic: false }
  for (const slot of file?.slots ?? []) {
    const key = await unwrapKey(slot, secret)
    if (key) yield { key, authentic: true }
  }
}

/** The key a new workspace keeps in the clear until its first supervisor exists, else null. */
export function setupKey(workspacePath: string): Buffer | null {
  const setup = readKeyFile(workspacePath)?.setup
  return setup ? Buffer.from(setup, 'base64') : null
}

function update(workspacePath: string, change: (file: KeyFile) => KeyFile): void {
  const file = readKeyFile(workspacePath)
  if (file) writeKeyFile(workspacePath, change(file))
}

/**
 * Gives a user a slot (new user, or a changed password): replaces their old one. The first
 * supervisor's slot ends the setup window, after which only passwords open the file.
 */
export async function putUserSlot(
  workspacePath: string,
  key: Buffer,
  userId: number,
  password: string,
  supervisor: boolean
): Promise<void> {
  const slot = await wrapKey(userSlotId(userId), key, password)
  update(workspacePath, (f) => ({
    ...f,
    setup: supervisor ? null : f.setup,
    slots: [...f.slots.filter((s) => s.id !== slot.id), slot]
  }))
}

/**
 * A user who signs in with a password the file does not know yet (a workspace encrypted
 * in place knows only its encrypting supervisor's) gets a slot for it then.
 */
export async function ensureUserSlot(
  workspacePath: string,
  key: Buffer,
  userId: number,
  password: string,
  supervisor: boolean
): Promise<void> {
  const file = readKeyFile(workspacePath)
  if (file && !file.slots.some((s) => s.id === userSlotId(userId))) await putUserSlot(workspacePath, key, userId, password, supervisor)
}

/** A deactivated user's password no longer opens the file; nothing else changes. */
export function dropUserSlot(workspacePath: string, userId: number): void {
  update(workspacePath, (f) => ({ ...f, slots: f.slots.filter((s) => s.id !== userSlotId(userId)) }))
}
