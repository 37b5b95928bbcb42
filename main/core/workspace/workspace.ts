import { accessSync, constants, existsSync, rmSync } from 'node:fs'
import { dirname } from 'node:path'
import { conditionOf, sqliteCode } from '../base/db-conditions.ts'
import { asVaxError, VaxError } from '../base/errors.ts'
import { appendAudit } from '../audit/append.ts'
import { LATEST_VERSION, migrations } from './migrations/index.ts'
import { KEY_BYTES, openDb, type Db } from '../base/sqlite-driver.ts'
import { fileKind, lockedWorkspace, notAWorkspace, unreadableWorkspace } from './file-kind.ts'
import { emptyKeyFile, keyFilePath, removeKeyFile, writeKeyFile } from './key-file.ts'
import { candidateKeys, keyFromRecoverySecret, newRecoverySecret, wrongSecret } from './key-slots.ts'

export type { Db } from '../base/sqlite-driver.ts'

/** 'VXRC': marks a SQLite file as a VaxRecon workspace so foreign files are refused. */
export const APPLICATION_ID = 0x56585243

export interface Workspace {
  readonly path: string
  readonly db: Db
  /** The workspace key of an encrypted workspace (job workers open it with it); null when plain. */
  readonly key: Buffer | null
  /** Runs fn in one IMMEDIATE transaction: all of it lands, or none of it. */
  tx<T>(fn: () => T): T
  close(): void
}

function wrap(path: string, db: Db, key: Buffer | null): Workspace {
  return {
    path,
    db,
    key,
    tx: <T>(fn: () => T): T => db.transaction(fn).immediate(),
    close: () => db.close()
  }
}

function configure(db: Db): void {
  db.pragma('journal_mode = WAL')
  db.pragma('foreign_keys = ON')
  // Two connections (UI and a job worker) share the file; wait rather than fail.
  db.pragma('busy_timeout = 5000')
  db.pragma('synchronous = NORMAL')
  // 64 MB of page cache (default 2 MB): review decisions and linkage touch random pages of
  // indexes over millions of rows; with the default cache every touch is a read call.
  db.pragma('cache_size = -65536')
}

/** Applies migrations above the current user_version, each in its own transaction. */
export function migrate(db: Db, upTo: number = LATEST_VERSION): void {
  const current = db.pragma('user_version', { simple: true }) as number
  for (const m of migrations) {
    if (m.version <= current || m.version > upTo) continue
    db.transaction(() => {
      db.exec(m.sql)
      db.pragma(`user_version = ${m.version}`)
    }).immediate()
  }
}

/**
 * The -wal and -shm files SQLite may create beside a file: those that were not there
 * before are removed when the file is refused, so a refusal leaves the folder as it was.
 */
function sidecars(path: string): () => void {
  const absent = [`${path}-wal`, `${path}-shm`].filter((p) => !existsSync(p))
  return () => {
    for (const p of absent) rmSync(p, { force: true })
  }
}

/**
 * Reads the header with plain file I/O and then a read-only connection, so a file we
 * refuse is never touched: no WAL switch, no migration, not even a -shm file.
 */
function inspect(path: string, key: Buffer | null): { version: number; key: Buffer | null } {
  const kind = fileKind(path)
  if (kind === 'foreign') throw notAWorkspace(path)
  if (kind === 'encrypted' && !key) throw lockedWorkspace(path)
  const fileKey = kind === 'encrypted' ? key : null
  const tidy = sidecars(path)
  let probe: Db | undefined
  try {
    probe = openDb(path, { readonly: true, fileMustExist: true, key: fileKey })
    const appId = probe.pragma('application_id', { simple: true }) as number
    const version = probe.pragma('user_version', { simple: true }) as number
    if (appId !== APPLICATION_ID) throw notAWorkspace(path)
    if (version > LATEST_VERSION) {
      throw new VaxError(
        'WORKSPACE_NEWER',
        {
          vi: `Không gian làm việc được tạo bởi phiên bản VaxRecon mới hơn (lược đồ ${version}, phiên bản này hỗ trợ đến ${LATEST_VERSION}). Hãy cập nhật VaxRecon. Tệp không bị thay đổi.`,
          en: `The workspace was made by a newer VaxRecon (schema ${version}; this version supports up to ${LATEST_VERSION}). Please update VaxRecon. The file was not changed.`
        },
        { path, version, supported: LATEST_VERSION }
      )
    }
    return { version, key: fileKey }
  } catch (err) {
    probe?.close()
    tidy()
    if (err instanceof VaxError) throw err
    const code = sqliteCode(err)
    // With a key, a file SQLite cannot read is the wrong key or a damaged file, not a foreign one.
    if (fileKey && (code?.startsWith('SQLITE_NOTADB') || code?.startsWith('SQLITE_CORRUPT'))) throw unreadableWorkspace(path)
    // Busy, read-only or unreadable is said as such; only a file SQLite cannot read as a database is foreign.
    if (code && !code.startsWith('SQLITE_NOTADB')) throw asVaxError(err) ?? err
    throw notAWorkspace(path)
  } finally {
    if (probe?.open) probe.close()
  }
}

/**
 * The key that opens a workspace, from a user's password or the office recovery secret;
 * null for a plain workspace, which needs none. Nothing is written.
 */
export async function unlockWorkspace(path: string, secret: string): Promise<Buffer | null> {
  const kind = fileKind(path)
  if (kind === 'plain') return null
  if (kind === 'foreign') throw notAWorkspace(path)
  let vouched = false
  for await (const { key, authentic } of candidateKeys(path, secret)) {
    try {
      inspect(path, key)
      return key
    } catch (err) {
      if (!(err instanceof VaxError) || (err.code !== 'WORKSPACE_CORRUPT' && err.code !== 'WORKSPACE_FOREIGN')) throw err
      vouched ||= authentic
    }
  }
  throw vouched ? unreadableWorkspace(path) : wrongSecret()
}

function refuseExisting(path: string): void {
  if (existsSync(path) || existsSync(keyFilePath(path))) {
    throw new VaxError(
      'WORKSPACE_EXISTS',
      {
        vi: 'Đã có tệp ở đường dẫn này. Hãy chọn tên khác hoặc mở tệp đó.',
        en: 'A file already exists at this path. Choose another name or open it.'
      },
      { path }
    )
  }
}

function initialise(path: string, key: Buffer | null, actor: string | null): Workspace {
  const db = openDb(path, { key })
  db.pragma(`application_id = ${APPLICATION_ID}`)
  configure(db)
  migrate(db)
  const ws = wrap(path, db, key)
  ws.tx(() => appendAudit(db, { actor, action: 'workspace.create', entity: 'workspace', ...(key ? { new: { encrypted: true } } : {}) }))
  return ws
}

/** A file or folder we may not write is refused before SQLite opens it, so no -wal/-shm is left behind. */
function requireWritable(path: string): void {
  for (const p of [path, dirname(path)]) {
    try {
      accessSync(p, constants.W_OK)
    } catch {
      const c = conditionOf('SQLITE_READONLY')
      if (c) throw new VaxError(c.code, c, { path })
    }
  }
}

/** A plain workspace, as before encryption existed (tests, and `init --plain`). */
export function createWorkspace(path: string, actor: string | null = null): Workspace {
  refuseExisting(path)
  return initialise(path, null, actor)
}

/**
 * An encrypted workspace and its recovery secret, which the caller shows once and keeps
 * nowhere. Until its first supervisor is added the key file holds the key in the clear.
 */
export function createEncryptedWorkspace(path: string, actor: string | null = null): { workspace: Workspace; recoverySecret: string } {
  refuseExisting(path)
  const recoverySecret = newRecoverySecret()
  const key = keyFromRecoverySecret(recoverySecret)
  if (key?.length !== KEY_BYTES) throw new Error('recovery secret did not yield a key')
  writeKeyFile(path, emptyKeyFile(key))
  try {
    return { workspace: initialise(path, key, actor), recoverySecret }
  } catch (err) {
    removeKeyFile(path)
    throw err
  }
}

/** Opens a workspace; an encrypted one needs its key (see unlockWorkspace). */
export function openWorkspace(path: string, key: Buffer | null = null): Workspace {
  // Before the read-only probe, which would otherwise leave a -shm beside a file it cannot tidy.
  if (existsSync(path)) requireWritable(path)
  const { version, key: fileKey } = inspect(path, key)
  const tidy = sidecars(path)
  let db: Db | null = null
  try {
    db = openDb(path, { fileMustExist: true, key: fileKey })
    configure(db)
    return upgraded(path, db, version, fileKey)
  } catch (err) {
    // A read-only file or folder, a busy or damaged file: refused with a clear message, left as it was.
    db?.close()
    tidy()
    throw asVaxError(err) ?? err
  }
}

function upgraded(path: string, db: Db, version: number, fileKey: Buffer | null): Workspace {
  if (version < LATEST_VERSION) {
    migrate(db)
    const ws = wrap(path, db, fileKey)
    ws.tx(() =>
      appendAudit(db, {
        actor: null,
        action: 'workspace.migrate',
        entity: 'workspace',
        old: { version },
        new: { version: LATEST_VERSION }
      })
    )
    return ws
  }
  return wrap(path, db, fileKey)
}

export function schemaVersion(ws: Workspace): number {
  return ws.db.pragma('user_version', { simple: true }) as number
}
