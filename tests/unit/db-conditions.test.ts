import { createHash } from 'node:crypto'
import { spawnSync } from 'node:child_process'
import { chmodSync, closeSync, existsSync, openSync, readdirSync, readFileSync, statSync, truncateSync, writeSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import Database from 'better-sqlite3'
import { openDb } from '../../main/core/base/sqlite-driver.ts'
import { expect, test } from 'vitest'
import { verifyAudit } from '../../main/core/workspace/audit-verify.ts'
import { serializeError } from '../../main/core/base/errors.ts'
import { createWorkspace, openWorkspace } from '../../main/core/workspace/index.ts'
import { cliInProcess } from '../helpers/cli.ts'
import { tempDir } from '../helpers/tmp.ts'

/** Database conditions met in district offices, each a clear bilingual message with the workspace unchanged (issue 12). */

const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex')

function filledWorkspace(): string {
  const path = join(tempDir(), 'huyen.vaxrecon')
  const ws = createWorkspace(path)
  ws.tx(() => {
    const imp = ws.db
      .prepare(`INSERT INTO imports (kind, file_name, file_hash, imported_at) VALUES ('site', 'a.xlsx', 'h', 'now')`)
      .run().lastInsertRowid
    const ins = ws.db.prepare(
      `INSERT INTO records (import_id, kind, source_sheet, source_row, raw_json, full_name) VALUES (?, 'site', 'S', ?, '{}', ?)`
    )
    for (let i = 0; i < 2000; i++) ins.run(imp, i + 2, `Nguyễn Văn ${i} ${'x'.repeat(200)}`)
  })
  ws.close()
  return path
}

function thrown(fn: () => unknown): ReturnType<typeof serializeError> {
  try {
    fn()
  } catch (err) {
    return serializeError(err)
  }
  throw new Error('expected a refusal')
}

const bilingual = (code: string) => ({
  code,
  vi: expect.stringMatching(/Không gian làm việc không bị thay đổi/),
  en: expect.stringMatching(/The workspace was not changed/)
})

test('busy: another connection holding the write lock', () => {
  const path = filledWorkspace()
  const ws = openWorkspace(path)
  // The app's own driver: two SQLite libraries in one process do not see each other's locks.
  const other = openDb(path, { key: null })
  other.exec('BEGIN IMMEDIATE')
  ws.db.pragma('busy_timeout = 0')
  expect(thrown(() => ws.tx(() => ws.db.exec(`DELETE FROM records`)))).toMatchObject(bilingual('WORKSPACE_BUSY'))
  other.exec('ROLLBACK')
  other.close()
  expect(ws.db.prepare('SELECT count(*) AS n FROM records').get()).toEqual({ n: 2000 })
  ws.close()
})

test('full disk: the write that does not fit is rolled back whole', () => {
  const ws = openWorkspace(filledWorkspace())
  const pages = ws.db.pragma('page_count', { simple: true }) as number
  ws.db.pragma(`max_page_count = ${pages}`)
  const ins = ws.db.prepare(
    `INSERT INTO records (import_id, kind, source_sheet, source_row, raw_json, full_name) VALUES (1, 'site', 'S', 1, '{}', ?)`
  )
  expect(
    thrown(() =>
      ws.tx(() => {
        for (let i = 0; i < 5000; i++) ins.run('y'.repeat(500))
      })
    )
  ).toMatchObject(bilingual('DISK_FULL'))
  expect(ws.db.prepare('SELECT count(*) AS n FROM records').get()).toEqual({ n: 2000 })
  ws.close()
})

test('read-only file: a write is refused as such', () => {
  const path = filledWorkspace()
  const db = new Database(path, { readonly: true })
  expect(thrown(() => db.exec('DELETE FROM records'))).toMatchObject(bilingual('WORKSPACE_READ_ONLY'))
  db.close()
})

// Permissions bind only an ordinary user (the tests run as root): the CLI runs as `nobody`, as a clerk would.
const asNobody = process.getuid?.() === 0 && spawnSync('runuser', ['--help']).status === 0
const BIN = new URL('../../bin/vaxrecon.js', import.meta.url).pathname

test.skipIf(!asNobody)('read-only folder and read-only file: said as such (not "not a workspace"), nothing written beside the file', () => {
  for (const readOnly of ['folder', 'file'] as const) {
    const path = filledWorkspace()
    const dir = dirname(path)
    chmodSync(dir, readOnly === 'folder' ? 0o555 : 0o777)
    chmodSync(path, readOnly === 'file' ? 0o444 : 0o666)
    const before = sha(path)
    // The first user of this workspace: a write.
    const r = spawnSync(
      'runuser',
      ['-u', 'nobody', '--', process.execPath, BIN, 'user', 'add', path, '--name', 'Minh', '--role', 'supervisor'],
      {
        encoding: 'utf8',
        input: 'minh-password-1\n',
        env: Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'VAXRECON_PASSWORD'))
      }
    )
    expect(r.status, readOnly).toBe(1)
    expect(r.stderr, readOnly).toMatch(/chỉ cho phép đọc[\s\S]*read-only/)
    expect(r.stderr).not.toMatch(/not a VaxRecon workspace|internal error/)
    expect(sha(path)).toBe(before)
    expect(readdirSync(dir)).toEqual([basename(path)])
    chmodSync(dir, 0o755)
  }
})

test('a corrupt page: a clear message from the CLI and from audit verify; a truncated file is refused with no -wal/-shm left', async () => {
  const path = filledWorkspace()
  const fd = openSync(path, 'r+')
  const size = statSync(path).size
  writeSync(fd, Buffer.alloc(4096 * 3, 0x5a), 0, 4096 * 3, Math.floor(size / 2 / 4096) * 4096)
  closeSync(fd)
  const r = await cliInProcess(['rows', path, '--kind', 'site', '--format', 'json'])
  expect(r.code).toBe(1)
  expect(r.stderr).toMatch(/bị hỏng[\s\S]*damaged/)
  const ws = openWorkspace(path)
  expect(verifyAudit(ws.db)).toMatchObject({ ok: false, problem: 'integrity' })
  ws.close()

  const cut = filledWorkspace()
  truncateSync(cut, Math.floor(statSync(cut).size / 3))
  const before = sha(cut)
  const e = thrown(() => {
    const w = openWorkspace(cut)
    try {
      w.db.prepare('SELECT count(*) FROM records').get()
    } finally {
      w.close()
    }
  })
  expect(e.code).not.toBe('INTERNAL')
  expect(sha(cut)).toBe(before)
  expect(existsSync(`${cut}-wal`)).toBe(false)
  expect(existsSync(`${cut}-shm`)).toBe(false)
})
