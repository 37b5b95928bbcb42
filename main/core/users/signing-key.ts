import { createCipheriv, createDecipheriv, createPrivateKey, generateKeyPairSync, randomBytes } from 'node:crypto'
import { z } from 'zod'
import { VaxError } from '../base/errors.ts'
import { fingerprint, keyIdHex, parsePublicKey, publicKeyBlob, type PublicKey, type Signer } from '../base/minisign.ts'
import { SCRYPT, scrypt } from '../base/kdf.ts'

/**
 * A supervisor's Ed25519 signing key. It is generated on this device and never leaves
 * it: the 32-byte seed is encrypted with AES-256-GCM under a key derived from the
 * supervisor's password with scrypt. Only the public half is ever exported.
 */

// The key id and public key are authenticated with the seed, so a ciphertext pasted
// onto another user's public key fails to open instead of signing under a wrong name.
const AAD_PREFIX = Buffer.from('vaxrecon-ed25519-seed-v1')

const Sealed = z.object({
  v: z.literal(1),
  kdf: z.literal('scrypt'),
  N: z.number().int(),
  r: z.number().int(),
  p: z.number().int(),
  salt: z.string(),
  iv: z.string(),
  tag: z.string(),
  ct: z.string()
})

export interface StoredKey {
  /** base64 of the minisign public key blob: line 2 of the .pub file. */
  publicKey: string
  /** JSON of the sealed seed. */
  secretKeyEnc: string
}

const aad = (pk: PublicKey) => Buffer.concat([AAD_PREFIX, publicKeyBlob(pk)])

/** Seals an open key under a (new) password; the key pair itself does not change. */
export async function sealSigningKey(signer: Signer, password: string): Promise<StoredKey> {
  const seed = Buffer.from(signer.secret.export({ format: 'jwk' }).d ?? '', 'base64url')
  const salt = randomBytes(16)
  const iv = randomBytes(12)
  const kek = await scrypt(password, salt, SCRYPT)
  const cipher = createCipheriv('aes-256-gcm', kek, iv)
  cipher.setAAD(aad(signer.publicKey))
  const ct = Buffer.concat([cipher.update(seed), cipher.final()])
  seed.fill(0)
  const sealed: z.infer<typeof Sealed> = {
    v: 1,
    kdf: 'scrypt',
    N: SCRYPT.N,
    r: SCRYPT.r,
    p: SCRYPT.p,
    salt: salt.toString('base64'),
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    ct: ct.toString('base64')
  }
  return { publicKey: publicKeyBlob(signer.publicKey).toString('base64'), secretKeyEnc: JSON.stringify(sealed) }
}

/** A new key pair, open: the caller seals it (and may first sign with it, as the first supervisor does). */
export function generateSigner(): Signer {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519')
  const key = Buffer.from(publicKey.export({ format: 'jwk' }).x ?? '', 'base64url')
  return { publicKey: { keyId: randomBytes(8), key }, secret: privateKey }
}

export async function generateSigningKey(password: string): Promise<StoredKey> {
  return sealSigningKey(generateSigner(), password)
}

const cannotUnlock = () =>
  new VaxError('SIGNING_KEY_LOCKED', {
    vi: 'Không mở được khoá ký bằng mật khẩu này.',
    en: 'The signing key does not open with this password.'
  })

/** Decrypts the seed with the password; a wrong password or any tampering fails the same way. */
export async function unlockSigningKey(stored: StoredKey, password: string): Promise<Signer> {
  const publicKey = parsePublicKey(stored.publicKey)
  let sealed: unknown
  try {
    sealed = JSON.parse(stored.secretKeyEnc)
  } catch {
    throw cannotUnlock()
  }
  const parsed = Sealed.safeParse(sealed)
  if (!parsed.success) throw cannotUnlock()
  const s = parsed.data
  const kek = await scrypt(password, Buffer.from(s.salt, 'base64'), { N: s.N, r: s.r, p: s.p, maxmem: SCRYPT.maxmem })
  let seed: Buffer
  try {
    const decipher = createDecipheriv('aes-256-gcm', kek, Buffer.from(s.iv, 'base64'))
    decipher.setAAD(aad(publicKey))
    decipher.setAuthTag(Buffer.from(s.tag, 'base64'))
    seed = Buffer.concat([decipher.update(Buffer.from(s.ct, 'base64')), decipher.final()])
  } catch {
    throw cannotUnlock()
  }
  const secret = createPrivateKey({
    key: { kty: 'OKP', crv: 'Ed25519', d: seed.toString('base64url'), x: publicKey.key.toString('base64url') },
    format: 'jwk'
  })
  seed.fill(0)
  return { publicKey, secret }
}

/** What a person compares by eye or over the phone: minisign's key id and the SHA-256 fingerprint. */
export function describeKey(publicKeyB64: string): { keyId: string; fingerprint: string } {
  const pk = parsePublicKey(publicKeyB64)
  return { keyId: keyIdHex(pk.keyId), fingerprint: fingerprint(pk) }
}
