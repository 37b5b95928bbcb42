import Database from 'better-sqlite3-multiple-ciphers'

/**
 * The one module that loads the SQLite driver. better-sqlite3-multiple-ciphers is
 * better-sqlite3 (same API, N-API prebuilds inside the package) built on SQLite3
 * Multiple Ciphers, which reads and writes the SQLCipher format: a plain file opens as
 * before, an encrypted one once its key is given.
 */
export type Db = Database.Database
export type Statement = Database.Statement

/** A workspace key: 32 random bytes, handed to SQLCipher as a raw key (no KDF of its own). */
export const KEY_BYTES = 32

/**
 * SQLCipher 3's format (AES-256-CBC per page, HMAC-SHA1) with 4096-byte pages: Debian's
 * stock sqlcipher 3.4.1 opens it given the key and `PRAGMA cipher_page_size = 4096`.
 * The pages match plain SQLite's default size, so encryption costs the cipher, not I/O.
 */
const CIPHER_PRAGMAS = ["cipher = 'sqlcipher'", 'legacy = 3', 'legacy_page_size = 4096'] as const

export interface DbOptions {
  readonly?: boolean
  fileMustExist?: boolean
  /** The raw workspace key; null for a plain workspace. */
  key: Buffer | null
}

export function openDb(path: string, opts: DbOptions): Db {
  const db = new Database(path, { readonly: opts.readonly ?? false, fileMustExist: opts.fileMustExist ?? false })
  try {
    if (opts.key) applyKey(db, opts.key)
    // Sorts, indexes and temp tables never spill to a plain temp file beside the workspace.
    db.pragma('temp_store = MEMORY')
  } catch (err) {
    db.close()
    throw err
  }
  return db
}

/**
 * `key` must run before the first read (SQLCipher decides the key when the first page is
 * read); `rekey` encrypts an open plain file in place (rollback-journal mode only).
 */
export function applyKey(db: Db, key: Buffer, pragma: 'key' | 'rekey' = 'key'): void {
  if (key.length !== KEY_BYTES) throw new Error('a workspace key has 32 bytes')
  for (const p of CIPHER_PRAGMAS) db.pragma(p)
  db.pragma(`${pragma} = "x'${key.toString('hex')}'"`)
}
