import { existsSync, renameSync, rmSync, statSync } from 'node:fs'
import { basename } from 'node:path'
import { appendAudit } from '../audit/append.ts'
import { VaxError } from '../base/errors.ts'
import { crashPoint } from '../base/crash-point.ts'
import { applyKey, openDb, type Db } from '../base/sqlite-driver.ts'
import { keyFilePath, writeKeyFile } from './key-file.ts'
import { keyFromRecoverySecret, newRecoverySecret, wrapKey, userSlotId } from './key-slots.ts'
import { openWorkspace, type Workspace } from './workspace.ts'

/**
 * Converting a workspace between plain and encrypted, always by writing a new file beside
 * it and renaming: SQLite3 Multiple Ciphers' rekey rewrites every page of a private copy,
 * so the file in place is at every moment either the old one or the complete new one.
 */

const sqlString = (s: string): string => `'${s.replaceAll("'", "''")}'`

function inUse(path: string): VaxError {
  return new VaxError(
    'WORKSPACE_IN_USE',
    {
      vi: 'Không gian làm việc đang được mở ở nơi khác (cửa sổ hoặc tác vụ khác). Hãy đóng chúng rồi thử lại. Tệp không bị thay đổi.',
      en: 'The workspace is open elsewhere (another window or job). Close it and try again. The file was not changed.'
    },
    { path }
  )
}

/** A consistent copy of the open workspace at `to`, in the source's own format (VACUUM INTO). */
function snapshot(ws: Workspace, to: string): void {
  for (const f of [to, `${to}-journal`, `${to}-wal`]) rmSync(f, { force: true })
  const [cp] = ws.db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[]
  if (cp?.busy) throw inUse(ws.path)
  ws.db.exec(`VACUUM INTO ${sqlString(to)}`)
}

function withDb<T>(path: string, key: Buffer | null, fn: (db: Db) => T): T {
  const db = openDb(path, { fileMustExist: true, key })
  try {
    return fn(db)
  } finally {
    db.close()
  }
}

/**
 * Encrypts a plain workspace in place for the supervisor `by`, whose password gets the
 * first slot; the other users get theirs the first time they sign in (see ensureUserSlot).
 * Returns the workspace reopened, encrypted, and the recovery secret to show once. The
 * caller's connection is closed: nobody else may have the file open.
 */
export async function encryptInPlace(
  ws: Workspace,
  by: { id: number; name: string; role: string },
  password: string
): Promise<{ workspace: Workspace; recoverySecret: string }> {
  if (ws.key)
    throw new VaxError('WORKSPACE_ENCRYPTED', { vi: 'Không gian làm việc đã được mã hoá.', en: 'The workspace is already encrypted.' })
  if (by.role !== 'supervisor') {
    throw new VaxError('SUPERVISOR_ONLY', {
      vi: 'Chỉ giám sát viên được mã hoá không gian làm việc.',
      en: 'Only a supervisor may encrypt the workspace.'
    })
  }
  const path = ws.path
  const recoverySecret = newRecoverySecret()
  const key = keyFromRecoverySecret(recoverySecret)
  if (!key) throw new Error('recovery secret did not yield a key')
  const slot = await wrapKey(userSlotId(by.id), key, password)
  const tmp = `${path}.encrypting`
  snapshot(ws, tmp)
  crashPoint('encrypt:copied')
  withDb(tmp, null, (db) => {
    db.transaction(() =>
      appendAudit(db, { actor: by.name, action: 'workspace.encrypt', entity: 'workspace', new: { cipher: 'sqlcipher3' } })
    ).immediate()
    // rekey works in rollback-journal mode only; the copy is private, WAL comes back at open.
    db.pragma('journal_mode = DELETE')
    applyKey(db, key, 'rekey')
  })
  crashPoint('encrypt:rekeyed')
  ws.close()
  if (existsSync(`${path}-wal`) && statSync(`${path}-wal`).size > 0) {
    rmSync(tmp, { force: true })
    throw inUse(path)
  }
  // Key file first: beside a plain file it is ignored, so a crash before the next rename
  // leaves the old workspace working as before.
  writeKeyFile(path, { format: 'vaxrecon-keys', version: 1, cipher: 'sqlcipher3-4096', setup: null, slots: [slot] })
  crashPoint('encrypt:keys-written')
  for (const f of [`${path}-wal`, `${path}-shm`]) rmSync(f, { force: true })
  renameSync(tmp, path)
  crashPoint('encrypt:renamed')
  return { workspace: openWorkspace(path, key), recoverySecret }
}

/**
 * A decrypted copy for support, written by a supervisor and recorded in the audit log
 * (who, when, to which file name) before a byte of it is written.
 */
export function writeDecryptedCopy(ws: Workspace, by: { name: string; role: string }, out: string): void {
  if (!ws.key)
    throw new VaxError('WORKSPACE_NOT_ENCRYPTED', { vi: 'Không gian làm việc không được mã hoá.', en: 'The workspace is not encrypted.' })
  if (by.role !== 'supervisor') {
    throw new VaxError('SUPERVISOR_ONLY', {
      vi: 'Chỉ giám sát viên được tạo bản sao giải mã.',
      en: 'Only a supervisor may write a decrypted copy.'
    })
  }
  if (existsSync(out) || existsSync(keyFilePath(out))) {
    throw new VaxError('WORKSPACE_EXISTS', { vi: 'Đã có tệp ở đường dẫn này.', en: 'A file already exists at this path.' }, { path: out })
  }
  ws.tx(() => appendAudit(ws.db, { actor: by.name, action: 'workspace.decrypted-copy', entity: 'workspace', new: { file: basename(out) } }))
  const tmp = `${out}.partial`
  snapshot(ws, tmp)
  withDb(tmp, ws.key, (db) => {
    db.pragma('journal_mode = DELETE')
    db.pragma(`rekey = ''`)
  })
  renameSync(tmp, out)
}
