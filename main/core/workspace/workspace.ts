import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs'
import { VaxError } from '../errors.ts'
import { appendAudit } from '../audit/append.ts'
import { LATEST_VERSION, migrations } from './migrations/index.ts'
import { openDb, type Db } from './driver.ts'

export type { Db } from './driver.ts'

/** 'VXRC': marks a SQLite file as a VaxRecon workspace so foreign files are refused. */
export const APPLICATION_ID = 0x56585243

const SQLITE_MAGIC = 'SQLite format 3\u0000'

export interface Workspace {
  readonly path: string
  readonly db: Db
  /** Runs fn in one IMMEDIATE transaction: all of it lands, or none of it. */
  tx<T>(fn: () => T): T
  close(): void
}

function wrap(path: string, db: Db): Workspace {
  return {
    path,
    db,
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

function notAWorkspace(path: string): VaxError {
  return new VaxError(
    'WORKSPACE_FOREIGN',
    {
      vi: 'Tệp này không phải là không gian làm việc VaxRecon. Tệp không bị thay đổi.',
      en: 'This file is not a VaxRecon workspace. The file was not changed.'
    },
    { path }
  )
}

/**
 * Reads the header with plain file I/O and then a read-only connection, so a file we
 * refuse is never touched: no WAL switch, no migration, not even a -shm file.
 */
function inspect(path: string): { version: number } {
  if (!existsSync(path) || !statSync(path).isFile()) {
    throw new VaxError(
      'WORKSPACE_NOT_FOUND',
      { vi: 'Không tìm thấy tệp không gian làm việc.', en: 'The workspace file was not found.' },
      { path }
    )
  }
  const header = Buffer.alloc(16)
  const fd = openSync(path, 'r')
  let read: number
  try {
    read = readSync(fd, header, 0, 16, 0)
  } finally {
    closeSync(fd)
  }
  if (read < 16 || header.toString('latin1') !== SQLITE_MAGIC) throw notAWorkspace(path)

  const probe = openDb(path, { readonly: true, fileMustExist: true, key: null })
  try {
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
    return { version }
  } catch (err) {
    if (err instanceof VaxError) throw err
    throw notAWorkspace(path)
  } finally {
    probe.close()
  }
}

export function createWorkspace(path: string, actor: string | null = null): Workspace {
  if (existsSync(path)) {
    throw new VaxError(
      'WORKSPACE_EXISTS',
      {
        vi: 'Đã có tệp ở đường dẫn này. Hãy chọn tên khác hoặc mở tệp đó.',
        en: 'A file already exists at this path. Choose another name or open it.'
      },
      { path }
    )
  }
  const db = openDb(path, { key: null })
  db.pragma(`application_id = ${APPLICATION_ID}`)
  configure(db)
  migrate(db)
  const ws = wrap(path, db)
  ws.tx(() => appendAudit(db, { actor, action: 'workspace.create', entity: 'workspace' }))
  return ws
}

export function openWorkspace(path: string): Workspace {
  const { version } = inspect(path)
  const db = openDb(path, { fileMustExist: true, key: null })
  configure(db)
  if (version < LATEST_VERSION) {
    migrate(db)
    const ws = wrap(path, db)
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
  return wrap(path, db)
}

export function schemaVersion(ws: Workspace): number {
  return ws.db.pragma('user_version', { simple: true }) as number
}
