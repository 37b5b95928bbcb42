import { scrypt as scryptCb, type ScryptOptions } from 'node:crypto'

// scrypt parameters (N=2^15, r=8, p=1): about 50 ms and 32 MiB per check on the office PCs we target.
export const SCRYPT = { N: 1 << 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 } as const
const KEY_LEN = 32

/** The one password KDF: password hashes and signing-key encryption both use it. */
export function scrypt(password: string, salt: Buffer, opts: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scryptCb(password.normalize('NFC'), salt, KEY_LEN, opts, (err, key) => (err ? reject(err) : resolve(key)))
  )
}
