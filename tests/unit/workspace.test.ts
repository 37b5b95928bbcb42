import { createHash } from 'node:crypto'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3-multiple-ciphers'
import { describe, expect, test } from 'vitest'
import { VaxError } from '../../main/core/base/errors.ts'
import { APPLICATION_ID, createWorkspace, LATEST, migrate, openWorkspace } from '../../main/core/workspace/index.ts'
import { tempDir } from '../helpers/tmp.ts'

const sha = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex')

function expectCode(fn: () => unknown, code: string): void {
  try {
    fn()
  } catch (e) {
    expect(e).toBeInstanceOf(VaxError)
    expect((e as VaxError).code).toBe(code)
    expect((e as VaxError).vi.length).toBeGreaterThan(0)
    expect((e as VaxError).en.length).toBeGreaterThan(0)
    return
  }
  throw new Error(`expected ${code}`)
}

/** A workspace file left at an older schema, as an older VaxRecon would have made it. */
function workspaceAtVersion(path: string, version: number): void {
  const db = new Database(path)
  db.pragma(`application_id = ${APPLICATION_ID}`)
  migrate(db, version)
  db.close()
}

describe('workspace file', () => {
  test('a new workspace has the latest schema, WAL, foreign keys and an audit entry', () => {
    const path = join(tempDir(), 'w.vaxrecon')
    const ws = createWorkspace(path)
    expect(ws.db.pragma('user_version', { simple: true })).toBe(LATEST)
    expect(ws.db.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(ws.db.pragma('foreign_keys', { simple: true })).toBe(1)
    expect(ws.db.prepare('SELECT action FROM audit_log').all()).toEqual([{ action: 'workspace.create' }])
    ws.close()
  })

  test('creating over an existing file is refused', () => {
    const path = join(tempDir(), 'w.vaxrecon')
    writeFileSync(path, 'keep me')
    expectCode(() => createWorkspace(path), 'WORKSPACE_EXISTS')
    expect(readFileSync(path, 'utf8')).toBe('keep me')
  })

  test('an old version upgrades and keeps its data', () => {
    const path = join(tempDir(), 'old.vaxrecon')
    workspaceAtVersion(path, 1)
    const db = new Database(path)
    db.prepare(`INSERT INTO imports (kind, file_name, file_hash, imported_at) VALUES ('site', 'a.xlsx', 'h', 'now')`).run()
    db.close()

    const ws = openWorkspace(path)
    expect(ws.db.pragma('user_version', { simple: true })).toBe(LATEST)
    expect(ws.db.prepare('SELECT file_name FROM imports').all()).toEqual([{ file_name: 'a.xlsx' }])
    // Version 2 added persons and records.person_id: they exist now.
    expect(ws.db.prepare('SELECT count(*) AS n FROM persons').get()).toEqual({ n: 0 })
    expect(ws.db.prepare('SELECT person_id FROM records').all()).toEqual([])
    const entry = ws.db.prepare(`SELECT old_json, new_json FROM audit_log WHERE action = 'workspace.migrate'`).get()
    expect(entry).toEqual({ old_json: '{"version":1}', new_json: `{"version":${LATEST}}` })
    ws.close()
  })

  test('a workspace from a newer VaxRecon is refused and left byte-for-byte untouched', () => {
    const path = join(tempDir(), 'newer.vaxrecon')
    workspaceAtVersion(path, LATEST)
    const db = new Database(path)
    db.pragma(`user_version = ${LATEST + 5}`)
    db.close()
    const before = sha(path)
    expectCode(() => openWorkspace(path), 'WORKSPACE_NEWER')
    expect(sha(path)).toBe(before)
    expect(existsSync(`${path}-wal`)).toBe(false)
    expect(existsSync(`${path}-shm`)).toBe(false)
  })

  test('a foreign SQLite database is refused and left untouched', () => {
    const path = join(tempDir(), 'other.db')
    const db = new Database(path)
    db.exec('CREATE TABLE t (x)')
    db.close()
    const before = sha(path)
    expectCode(() => openWorkspace(path), 'WORKSPACE_FOREIGN')
    expect(sha(path)).toBe(before)
  })

  test('a file that is not SQLite at all, an empty file and a missing file are refused', () => {
    const dir = tempDir()
    writeFileSync(join(dir, 'notes.txt'), 'hello')
    writeFileSync(join(dir, 'empty.vaxrecon'), '')
    expectCode(() => openWorkspace(join(dir, 'notes.txt')), 'WORKSPACE_FOREIGN')
    expectCode(() => openWorkspace(join(dir, 'empty.vaxrecon')), 'WORKSPACE_FOREIGN')
    expectCode(() => openWorkspace(join(dir, 'missing.vaxrecon')), 'WORKSPACE_NOT_FOUND')
  })
})
