import { copyFileSync, existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, test } from 'vitest'
import { authenticate } from '../../../main/core/users/users.ts'
import { fileKind } from '../../../main/core/workspace/file-kind.ts'
import { openWorkspace, unlockWorkspace, type Workspace } from '../../../main/core/workspace/index.ts'
import { cli } from '../../helpers/cli.ts'
import { fixtureWorkspace, PASSWORDS } from '../../helpers/corrections.ts'
import { tempDir } from '../../helpers/tmp.ts'

const count = (ws: Workspace | Database.Database, table: string): number => {
  const db = 'db' in ws ? ws.db : ws
  return db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number
}

/** A plain workspace as the previous version left it: users, rows, links, proposals. */
async function plainWorkspace(): Promise<{ path: string; records: number; proposals: number }> {
  const f = await fixtureWorkspace()
  const records = count(f.ws, 'records')
  const proposals = count(f.ws, 'proposals')
  f.ws.close()
  return { path: f.path, records, proposals }
}

const encrypt = (path: string, env: Record<string, string> = {}) =>
  cli(['encrypt', path, '--as', 'Minh'], { input: `${PASSWORDS.minh}\n`, env })

describe('encrypting a plain workspace in place', () => {
  test('a plain workspace from the previous version opens as before', async () => {
    const { path, records } = await plainWorkspace()
    expect(fileKind(path)).toBe('plain')
    const ws = openWorkspace(path)
    expect(ws.key).toBeNull()
    expect(count(ws, 'records')).toBe(records)
    ws.close()
  })

  test('a crash at any point leaves the old plain file or the whole new encrypted one', async () => {
    const { path: original, records, proposals } = await plainWorkspace()
    for (const point of ['encrypt:copied', 'encrypt:rekeyed', 'encrypt:keys-written', 'encrypt:renamed']) {
      const path = join(tempDir(), 'huyen.vaxrecon')
      copyFileSync(original, path)
      const r = encrypt(path, { VAXRECON_CRASH_AT: point })
      expect(r.code, `${point}: ${r.stderr}`).toBeNull() // killed there, as by a power cut
      const ws = fileKind(path) === 'plain' ? openWorkspace(path) : openWorkspace(path, await unlockWorkspace(path, PASSWORDS.minh))
      expect(ws.key === null ? 'old' : 'new', point).toBe(point === 'encrypt:renamed' ? 'new' : 'old')
      expect([count(ws, 'records'), count(ws, 'proposals')], point).toEqual([records, proposals])
      ws.close()
      // After the crash, encrypting again succeeds (stale copies beside it are replaced).
      if (point !== 'encrypt:renamed') expect(encrypt(path).code, point).toBe(0)
    }
  })

  test('then only passwords open it; other users get their slot when they sign in; a decrypted copy is audited', async () => {
    const { path, records } = await plainWorkspace()
    const r = encrypt(path)
    expect(r.code, r.stderr).toBe(0)
    expect(r.stdout).toMatch(/recovery_secret\s+([0-9A-Z]{4}-){9}[0-9A-Z]{4}/)
    expect(r.stderr).toContain('shown once')
    expect(fileKind(path)).toBe('encrypted')
    expect(readFileSync(path).includes('SQLite format 3')).toBe(false)
    expect(() => openWorkspace(path)).toThrow(expect.objectContaining({ code: 'WORKSPACE_LOCKED' }))

    // Hoa had no slot: her password does not open the file until she signs in once.
    await expect(unlockWorkspace(path, PASSWORDS.hoa)).rejects.toMatchObject({ code: 'WORKSPACE_WRONG_PASSWORD' })
    const ws = openWorkspace(path, await unlockWorkspace(path, PASSWORDS.minh))
    expect(count(ws, 'records')).toBe(records)
    expect(ws.db.prepare(`SELECT actor FROM audit_log WHERE action = 'workspace.encrypt'`).pluck().all()).toEqual(['Minh'])
    await authenticate(ws, 'Hoa', PASSWORDS.hoa)
    await authenticate(ws, 'Lan (văn thư)', PASSWORDS.clerk)
    ws.close()
    expect(await unlockWorkspace(path, PASSWORDS.hoa)).not.toBeNull()

    // status says it is encrypted without a password, and what it holds with one.
    const locked = cli(['status', path])
    expect(locked.code).toBe(0)
    expect(locked.stdout).toMatch(/encryption\s+sqlcipher \(locked\)/)
    expect(cli(['status', path], { input: `${PASSWORDS.clerk}\n` }).stdout).toMatch(/encryption\s+sqlcipher\n/)

    // A clerk may not write a decrypted copy; a supervisor may, and it is audited.
    const out = join(tempDir(), 'support-copy.vaxrecon')
    const refused = cli(['decrypt-copy', path, '--as', 'Lan (văn thư)', '--out', out], { input: `${PASSWORDS.clerk}\n` })
    expect(refused.code).toBe(1)
    expect(refused.stderr).toContain('Only a supervisor')
    expect(existsSync(out)).toBe(false)
    const copy = cli(['decrypt-copy', path, '--as', 'Hoa', '--out', out], { input: `${PASSWORDS.hoa}\n` })
    expect(copy.code, copy.stderr).toBe(0)
    expect(fileKind(out)).toBe('plain')
    const plain = new Database(out, { readonly: true })
    expect(count(plain, 'records')).toBe(records)
    plain.close()
    const again = openWorkspace(path, await unlockWorkspace(path, PASSWORDS.hoa))
    expect(again.db.prepare(`SELECT actor, new_json FROM audit_log WHERE action = 'workspace.decrypted-copy'`).all()).toEqual([
      { actor: 'Hoa', new_json: JSON.stringify({ file: 'support-copy.vaxrecon' }) }
    ])
    again.close()
  })
})
