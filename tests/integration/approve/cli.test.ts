import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { copyFileSync } from 'node:fs'
import { beforeAll, expect, test } from 'vitest'
import { propose } from '../../helpers/corrections.ts'
import { cli } from '../../helpers/cli.ts'
import { tempDir } from '../../helpers/tmp.ts'
import { openWorkspace } from '../../../main/core/workspace/index.ts'
import type { User } from '../../../main/core/users/users.ts'

/** A workspace made entirely through the CLI: users with passwords on stdin. Shared by the tests, which use their own proposals. */
let made: { path: string; users: Record<'lan' | 'minh' | 'hoa', User> }
beforeAll(() => {
  made = cliWorkspace()
})
const cliWorkspace = (): typeof made => {
  const path = join(tempDir(), 'cli.vaxrecon')
  expect(cli(['init', path, '--plain']).code).toBe(0)
  // The first user is a supervisor; Minh then signs in to add (and endorse) the others.
  const m = cli(['user', 'add', path, '--name', 'Minh', '--role', 'supervisor'], { input: 'minh-password-1\n' })
  expect(m.code, m.stderr).toBe(0)
  expect(m.stdout).toMatch(/key_id\s+[0-9A-F]{16}/)
  const add = (name: string, role: string, password: string) => {
    const r = cli(['user', 'add', path, '--as', 'Minh', '--name', name, '--role', role], { input: `minh-password-1\n${password}\n` })
    expect(r.code, r.stderr).toBe(0)
    return r
  }
  add('Lan', 'clerk', 'lan-password-1')
  add('Hoa', 'supervisor', 'hoa-password-1')
  const ws = openWorkspace(path)
  const users = Object.fromEntries(
    (ws.db.prepare('SELECT id, name, role FROM users').all() as User[]).map((u) => [u.name.toLowerCase(), u])
  )
  ws.close()
  return { path, users: users as Record<'lan' | 'minh' | 'hoa', User> }
}

/** A copy of the shared workspace, for a test that must start from no proposals. */
function freshCopy(): typeof made {
  const path = join(tempDir(), 'copy.vaxrecon')
  copyFileSync(made.path, path)
  return { path, users: made.users }
}

function withWs<T>(path: string, fn: (ws: ReturnType<typeof openWorkspace>) => T): T {
  const ws = openWorkspace(path)
  try {
    return fn(ws)
  } finally {
    ws.close()
  }
}

const statusOf = (path: string, id: number) =>
  withWs(path, (ws) => (ws.db.prepare('SELECT status FROM proposals WHERE id = ?').get(id) as { status: string }).status)

test('a clerk cannot approve from the CLI; a supervisor cannot approve their own proposal; both are audited', () => {
  const { path, users } = freshCopy()
  const [byLan, byMinh] = withWs(path, (ws) => [propose(ws, users.lan), propose(ws, users.minh)])

  const clerk = cli(['approve', path, '--as', 'Lan', '--ids', String(byMinh)], { input: 'lan-password-1\n' })
  expect(clerk.code).toBe(1)
  expect(clerk.stderr).toContain('Chỉ người phê duyệt')
  expect(clerk.stderr).toContain('Only a supervisor')

  const self = cli(['approve', path, '--as', 'Minh', '--ids', String(byMinh)], { input: 'minh-password-1\n' })
  expect(self.code).toBe(1)
  expect(self.stderr).toContain('Nobody may approve their own proposal')
  expect(statusOf(path, byMinh)).toBe('proposed')

  // A wrong password is refused before anything else.
  expect(cli(['approve', path, '--as', 'Hoa', '--ids', String(byMinh)], { input: 'nope\n' }).code).toBe(1)

  const ok = cli(['approve', path, '--as', 'Hoa', '--ids', `${byMinh},${byLan}`, '--comment', 'Đã đối chiếu'], {
    env: { VAXRECON_PASSWORD: 'hoa-password-1' }
  })
  expect(ok.code, ok.stderr).toBe(0)
  expect(ok.stdout).toMatch(/approved\s+2/)
  expect([statusOf(path, byLan), statusOf(path, byMinh)]).toEqual(['approved', 'approved'])

  const refused = withWs(path, (ws) =>
    (
      ws.db.prepare(`SELECT actor, new_json FROM audit_log WHERE action = 'approval.refused' ORDER BY seq`).all() as {
        actor: string
        new_json: string
      }[]
    ).map((r) => [r.actor, JSON.parse(r.new_json).refused])
  )
  expect(refused).toEqual([
    ['Lan', 'not-supervisor'],
    ['Minh', 'own-proposal']
  ])
})

test('--all approves what the supervisor may approve, reports the rest; reject and withdraw need a comment', () => {
  const { path, users } = freshCopy()
  const ids = withWs(path, (ws) => [propose(ws, users.lan), propose(ws, users.lan), propose(ws, users.minh), propose(ws, users.lan)])
  const [a, b, own, c] = ids as [number, number, number, number]

  const dry = cli(['approve', path, '--as', 'Minh', '--all', '--dry-run'], { input: 'minh-password-1\n' })
  expect(dry.stdout).toMatch(/would_be_approved\s+3/)
  expect(statusOf(path, a)).toBe('proposed')

  expect(cli(['approve', path, '--as', 'Minh', '--reject', '--ids', String(c)], { input: 'minh-password-1\n' }).code).toBe(1)
  expect(
    cli(['approve', path, '--as', 'Minh', '--reject', '--ids', String(c), '--comment', 'Sai tên'], { input: 'minh-password-1\n' }).code
  ).toBe(0)

  const all = cli(['approve', path, '--as', 'Minh', '--all'], { input: 'minh-password-1\n' })
  expect(all.code).toBe(0)
  expect(all.stdout).toMatch(/approved\s+2/)
  expect(all.stdout).toMatch(/skipped_own\s+1/)
  expect(all.stderr).toContain('another supervisor must approve them')
  expect([a, b, own, c].map((id) => statusOf(path, id))).toEqual(['approved', 'approved', 'proposed', 'rejected'])

  const withdraw = cli(['approve', path, '--as', 'Hoa', '--withdraw', '--ids', String(b), '--comment', 'Chờ xác minh'], {
    input: 'hoa-password-1\n'
  })
  expect(withdraw.code).toBe(0)
  expect(statusOf(path, b)).toBe('proposed')

  // The clerk sees the rejection and its comment.
  const mine = cli(['approve', path, '--list', '--as', 'Lan', '--mine', '--status', 'rejected', '--json'], { input: 'lan-password-1\n' })
  expect(JSON.parse(mine.stdout)).toMatchObject([{ id: c, status: 'rejected', decision: { by: 'Minh', comment: 'Sai tên' } }])
  expect(cli(['approve', path, '--as', 'Minh'], { input: 'minh-password-1\n' }).code).toBe(2)
})

test('an audit log edited with the sqlite3 tool is detected by `vaxrecon audit verify`', () => {
  const { path, users } = freshCopy()
  withWs(path, (ws) => propose(ws, users.lan))
  const ok = cli(['audit', 'verify', path])
  expect(ok.code).toBe(0)
  expect(ok.stdout).toMatch(/result\s+OK/)

  execFileSync('sqlite3', [path, `DROP TRIGGER audit_log_no_update; UPDATE audit_log SET actor = 'Hoa' WHERE action = 'proposal.create';`])
  const bad = cli(['audit', 'verify', path])
  expect(bad.code).toBe(1)
  expect(bad.stdout).toMatch(/result\s+TAMPERED/)
  expect(bad.stdout).toMatch(/problem\s+hash/)
  expect(bad.stderr).toContain('the audit log was changed outside the app')
  const db = new Database(path, { readonly: true })
  const seq = (db.prepare(`SELECT seq FROM audit_log WHERE action = 'proposal.create'`).get() as { seq: number }).seq
  db.close()
  expect(JSON.parse(cli(['audit', 'verify', path, '--json']).stdout)).toMatchObject({ ok: false, brokenAt: seq, problem: 'hash' })
})
