import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { expect, test } from 'vitest'
import { LATEST } from '../../main/core/workspace/index.ts'
import { tempDir } from '../helpers/tmp.ts'

const BIN = new URL('../../bin/vaxrecon.js', import.meta.url).pathname

export function vaxrecon(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', input })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}

test('--help lists the commands', () => {
  const r = vaxrecon(['--help'])
  expect(r.code).toBe(0)
  expect(r.stdout).toMatch(/init\s+/)
  expect(r.stdout).toMatch(/status\s+/)
})

test('init creates a workspace and status reports it, as text and as JSON', () => {
  const path = join(tempDir(), 'w.vaxrecon')
  expect(vaxrecon(['init', path, '--plain']).code).toBe(0)
  const db = new Database(path, { readonly: true })
  expect(db.pragma('user_version', { simple: true })).toBe(LATEST)
  db.close()

  const text = vaxrecon(['status', path])
  expect(text.code).toBe(0)
  expect(text.stdout).toMatch(new RegExp(`schema_version\\s+${LATEST}`))
  const json = JSON.parse(vaxrecon(['status', path, '--json']).stdout) as { schemaVersion: number; auditEntries: number }
  expect(json).toMatchObject({ schemaVersion: LATEST, auditEntries: 1 })
})

test('errors go to stderr in both languages with a non-zero exit', () => {
  const r = vaxrecon(['status', join(tempDir(), 'nope.vaxrecon')])
  expect(r.code).toBe(1)
  expect(r.stdout).toBe('')
  expect(r.stderr).toContain('Không tìm thấy')
  expect(r.stderr).toContain('not found')
})

test('bad usage exits 2', () => {
  expect(vaxrecon(['init']).code).toBe(2)
  expect(vaxrecon(['status', 'a', '--frobnicate']).code).toBe(2)
  expect(vaxrecon(['no-such-command']).code).toBe(2)
})
