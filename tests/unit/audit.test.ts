import { join } from 'node:path'
import Database from 'better-sqlite3-multiple-ciphers'
import { expect, test } from 'vitest'
import { appendAudit } from '../../main/core/audit/append.ts'
import { verifyAudit } from '../../main/core/workspace/audit-verify.ts'
import { createWorkspace } from '../../main/core/workspace/index.ts'
import { tempDir } from '../helpers/tmp.ts'

function workspaceWithEntries(n: number): string {
  const path = join(tempDir(), 'a.vaxrecon')
  const ws = createWorkspace(path)
  for (let i = 0; i < n; i++) {
    ws.tx(() => appendAudit(ws.db, { actor: 'lan', action: 'test.entry', entity: 'thing', entityId: i, new: { i } }))
  }
  ws.close()
  return path
}

test('a fresh chain verifies', () => {
  const db = new Database(workspaceWithEntries(5))
  expect(verifyAudit(db)).toEqual({ ok: true, entries: 6, brokenAt: null, problem: null })
  db.close()
})

test('the log refuses updates and deletes from SQL', () => {
  const db = new Database(workspaceWithEntries(1))
  expect(() => db.exec(`UPDATE audit_log SET actor = 'x'`)).toThrow(/append-only/)
  expect(() => db.exec('DELETE FROM audit_log')).toThrow(/append-only/)
  db.close()
})

test('an edit made after dropping the triggers is detected at that entry', () => {
  const db = new Database(workspaceWithEntries(5))
  db.exec('DROP TRIGGER audit_log_no_update')
  db.exec(`UPDATE audit_log SET new_json = '{"i":99}' WHERE seq = 4`)
  expect(verifyAudit(db)).toMatchObject({ ok: false, brokenAt: 4, problem: 'hash' })
  db.close()
})

test('a deleted entry in the middle is detected', () => {
  const db = new Database(workspaceWithEntries(5))
  db.exec('DROP TRIGGER audit_log_no_delete')
  db.exec('DELETE FROM audit_log WHERE seq = 3')
  expect(verifyAudit(db)).toMatchObject({ ok: false, brokenAt: 4, problem: 'gap' })
  db.close()
})

test('appending outside a transaction is a programming error', () => {
  const path = workspaceWithEntries(0)
  const db = new Database(path)
  expect(() => appendAudit(db, { actor: null, action: 'x', entity: 'y' })).toThrow(/inside the mutating transaction/)
  db.close()
})
