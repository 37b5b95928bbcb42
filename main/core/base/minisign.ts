import { createHash, createPublicKey, sign as edSign, verify as edVerify, type KeyObject } from 'node:crypto'
import { VaxError } from './errors.ts'

/**
 * The minisign file formats (https://jedisct1.github.io/minisign/), written with
 * node:crypto's Ed25519 so the receiving side can check a batch with the stock
 * `minisign -V` tool. Only the prehashed ("ED") signature is produced: it signs the
 * BLAKE2b-512 digest, so a big file never has to sit in memory twice.
 */

const PK_ALG = Buffer.from('Ed')
const SIG_ALG_PREHASHED = Buffer.from('ED')
const KEY_ID_LEN = 8
const PK_LEN = 32
const SIG_LEN = 64
// minisign refuses comment lines longer than this (COMMENTMAXBYTES).
const COMMENT_MAX = 1024

export interface PublicKey {
  /** minisign's key number: 8 random bytes, shown reversed as 16 hex digits. */
  keyId: Buffer
  /** The raw 32-byte Ed25519 public key. */
  key: Buffer
}

/** The key ID as minisign prints it (little-endian 64-bit number, upper-case hex). */
export function keyIdHex(keyId: Buffer): string {
  return Buffer.from(keyId).reverse().toString('hex').toUpperCase()
}

/** The 42-byte public key blob: 'Ed' + key id + key; its base64 is line 2 of a .pub file. */
export function publicKeyBlob(pk: PublicKey): Buffer {
  return Buffer.concat([PK_ALG, pk.keyId, pk.key])
}

/** SHA-256 of the public key blob, grouped for reading aloud over the phone. */
export function fingerprint(pk: PublicKey): string {
  const hex = createHash('sha256').update(publicKeyBlob(pk)).digest('hex').toUpperCase()
  return hex.match(/.{4}/g)?.join(' ') ?? hex
}

function commentLine(prefix: string, text: string): string {
  const clean = text.replace(/[\r\n]+/g, ' ')
  const line = `${prefix}${clean}`
  if (Buffer.byteLength(line) > COMMENT_MAX) throw new Error('minisign comment too long')
  return line
}

export function formatPublicKey(pk: PublicKey, comment = `minisign public key ${keyIdHex(pk.keyId)}`): string {
  return `${commentLine('untrusted comment: ', comment)}\n${publicKeyBlob(pk).toString('base64')}\n`
}

const badKey = () =>
  new VaxError('PUBKEY_INVALID', {
    vi: 'Tệp khoá công khai không đúng định dạng minisign.',
    en: 'The public key file is not in minisign format.'
  })

/** Accepts a whole .pub file, or just its base64 line (what `minisign -P` takes). */
export function parsePublicKey(text: string): PublicKey {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l.length > 0)
  const b64 = lines.length === 1 ? lines[0] : lines[0]?.startsWith('untrusted comment:') ? lines[1] : undefined
  if (!b64 || !/^[A-Za-z0-9+/]+={0,2}$/.test(b64)) throw badKey()
  const blob = Buffer.from(b64, 'base64')
  if (blob.length !== PK_ALG.length + KEY_ID_LEN + PK_LEN || !blob.subarray(0, 2).equals(PK_ALG)) throw badKey()
  return { keyId: blob.subarray(2, 2 + KEY_ID_LEN), key: blob.subarray(2 + KEY_ID_LEN) }
}

export function ed25519PublicKey(raw: Buffer): KeyObject {
  return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: raw.toString('base64url') }, format: 'jwk' })
}

export function blake2b512(data: Buffer): Buffer {
  return createHash('blake2b512').update(data).digest()
}

export interface Signer {
  publicKey: PublicKey
  secret: KeyObject
}

/** A detached .minisig for `data`; the trusted comment is signed too (the "global signature"). */
export function signMinisig(data: Buffer, signer: Signer, trustedComment: string, untrustedComment = 'signature from VaxRecon'): string {
  const trusted = commentLine('', trustedComment)
  const sig = edSign(null, blake2b512(data), signer.secret)
  const globalSig = edSign(null, Buffer.concat([sig, Buffer.from(trusted)]), signer.secret)
  return [
    commentLine('untrusted comment: ', untrustedComment),
    Buffer.concat([SIG_ALG_PREHASHED, signer.publicKey.keyId, sig]).toString('base64'),
    `trusted comment: ${trusted}`,
    globalSig.toString('base64'),
    ''
  ].join('\n')
}

export type MinisigVerdict =
  | { ok: true; keyId: string; trustedComment: string }
  | { ok: false; problem: 'format' | 'key-mismatch' | 'signature' | 'trusted-comment'; keyId: string | null }

/** Checks a .minisig the way `minisign -V` does: key id, file signature, then the trusted comment. */
export function verifyMinisig(data: Buffer, minisig: string, pk: PublicKey): MinisigVerdict {
  const lines = minisig.split(/\r?\n/)
  const sigLine = lines[1]?.trim()
  const trustedLine = lines[2]
  const globalLine = lines[3]?.trim()
  if (!lines[0]?.startsWith('untrusted comment:') || !sigLine || !trustedLine?.startsWith('trusted comment: ') || !globalLine) {
    return { ok: false, problem: 'format', keyId: null }
  }
  const blob = Buffer.from(sigLine, 'base64')
  if (blob.length !== 2 + KEY_ID_LEN + SIG_LEN) return { ok: false, problem: 'format', keyId: null }
  const alg = blob.subarray(0, 2)
  const keyId = blob.subarray(2, 2 + KEY_ID_LEN)
  const sig = blob.subarray(2 + KEY_ID_LEN)
  if (!keyId.equals(pk.keyId)) return { ok: false, problem: 'key-mismatch', keyId: keyIdHex(keyId) }
  const key = ed25519PublicKey(pk.key)
  // Legacy 'Ed' signatures sign the file itself; minisign still accepts them, so do we.
  const message = alg.equals(SIG_ALG_PREHASHED) ? blake2b512(data) : alg.equals(PK_ALG) ? data : null
  if (!message) return { ok: false, problem: 'format', keyId: keyIdHex(keyId) }
  if (!edVerify(null, message, key, sig)) return { ok: false, problem: 'signature', keyId: keyIdHex(keyId) }
  const trusted = trustedLine.slice('trusted comment: '.length)
  const globalSig = Buffer.from(globalLine, 'base64')
  if (globalSig.length !== SIG_LEN || !edVerify(null, Buffer.concat([sig, Buffer.from(trusted)]), key, globalSig)) {
    return { ok: false, problem: 'trusted-comment', keyId: keyIdHex(keyId) }
  }
  return { ok: true, keyId: keyIdHex(keyId), trustedComment: trusted }
}
