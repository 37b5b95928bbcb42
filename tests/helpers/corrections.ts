import { copyFileSync } from 'node:fs'
import { join } from 'node:path'
import { decide } from '../../main/core/approve/decide.ts'
import { appendAudit } from '../../main/core/audit/append.ts'
import type { DecideRequestInput, DecideResult } from '../../main/core/approve/schema.ts'
import type { Signer } from '../../main/core/base/minisign.ts'
import type { Db, Statement } from '../../main/core/base/sqlite-driver.ts'
import { signerFor } from '../../main/core/users/keys.ts'
import { addUser, type User } from '../../main/core/users/users.ts'
import { createWorkspace, openWorkspace, type Workspace } from '../../main/core/workspace/index.ts'
import { tempDir } from './tmp.ts'

/**
 * A real workspace with site and registry rows, links, diffs and proposed corrections,
 * written straight into the tables (the review step's own code is not needed to test
 * approval and export). Synthetic people only.
 */
export const PASSWORDS = { clerk: 'clerk-pass-123', minh: 'minh-pass-123', hoa: 'hoa-pass-123' } as const

export interface Fixture {
  ws: Workspace
  path: string
  dir: string
  clerk: User
  minh: User
  hoa: User
}

// scrypt makes users slow to create on purpose: make them once per test process, then copy the file.
let template: Promise<{ path: string; users: Pick<Fixture, 'clerk' | 'minh' | 'hoa'> }> | null = null

// The supervisors' open signing keys, by user id: what sign-in holds for them in the app.
const openKeys = new Map<number, Signer>()

/** A user's open signing key (null for a clerk), as the session holds it after sign-in. */
export function keyOf(user: Pick<User, 'id'>): Signer | null {
  return openKeys.get(user.id) ?? null
}

/** decide() as the signed-in user, their key open. */
export function decideAs(ws: Workspace, user: User, req: DecideRequestInput): DecideResult {
  return decide(ws, user, req, keyOf(user))
}

function makeTemplate() {
  template ??= (async () => {
    const path = join(tempDir(), 'template.vaxrecon')
    const ws = createWorkspace(path)
    // Minh is the first supervisor (the root of the chain of endorsements); Minh endorses the others.
    const minh = await addUser(ws, null, { name: 'Minh', role: 'supervisor', password: PASSWORDS.minh })
    openKeys.set(minh.id, await signerFor(ws, minh, PASSWORDS.minh))
    const byMinh = { userId: minh.id, signer: keyOf(minh) as Signer }
    const clerk = await addUser(ws, byMinh, { name: 'Lan (văn thư)', role: 'clerk', password: PASSWORDS.clerk })
    const hoa = await addUser(ws, byMinh, { name: 'Hoa', role: 'supervisor', password: PASSWORDS.hoa })
    openKeys.set(hoa.id, await signerFor(ws, hoa, PASSWORDS.hoa))
    ws.close()
    return { path, users: { clerk, minh, hoa } }
  })()
  return template
}

export async function fixtureWorkspace(dir = tempDir()): Promise<Fixture> {
  const t = await makeTemplate()
  const path = join(dir, 'huyen.vaxrecon')
  copyFileSync(t.path, path)
  return { ws: openWorkspace(path), path, dir, ...t.users }
}

export interface Correction {
  field?: string
  oldValue?: string | null
  newValue?: string | null
  reason?: string
  kind?: 'formatting' | 'minor' | 'conflict' | 'missing' | null
  site?: string
  nationalId?: string
  fullName?: string
}

let counter = 0

// Statements prepared once per connection: a bench proposes 100,000 corrections, and as many
// throwaway statements would be finalized later, in the middle of whatever is timed next.
const statements = new WeakMap<Db, Map<string, Statement>>()
function reusing(db: Db): { prepare: (sql: string) => Statement } {
  let cache = statements.get(db)
  if (!cache) statements.set(db, (cache = new Map()))
  const known = cache
  return {
    prepare: (sql) => {
      let st = known.get(sql)
      if (!st) known.set(sql, (st = db.prepare(sql)))
      return st
    }
  }
}

/** One site row linked to one registry row, with one diff and one proposal by `by`. Returns the proposal id. */
export function propose(ws: Workspace, by: User, c: Correction = {}): number {
  return ws.tx(() => {
    counter++
    const now = new Date().toISOString()
    const db = reusing(ws.db)
    const importId = (kind: 'site' | 'registry', file: string) => {
      const found = db.prepare('SELECT id FROM imports WHERE kind = ? AND file_name = ?').get(kind, file) as { id: number } | undefined
      if (found) return found.id
      return Number(
        db
          .prepare('INSERT INTO imports (kind, file_name, file_hash, imported_at) VALUES (?, ?, ?, ?)')
          .run(kind, file, `${kind}-${file}`, now).lastInsertRowid
      )
    }
    const site = c.site ?? 'Trạm Y tế xã Tản Lĩnh'
    const siteImport = importId('site', `${site}.xlsx`)
    const regImport = importId('registry', 'dan-cu.xlsx')
    const field = c.field ?? 'full_name'
    const nid = c.nationalId ?? `0012${String(90000000 + counter).padStart(8, '0')}`
    const name = c.fullName ?? `Nguyễn Văn Thử ${counter}`
    const personId = Number(db.prepare('INSERT INTO persons (created_at) VALUES (?)').run(now).lastInsertRowid)
    const siteRow = counter + 1
    const recordId = Number(
      db
        .prepare(
          `INSERT INTO records (import_id, kind, source_sheet, source_row, raw_json, full_name, national_id, dob, district_code, site_name, person_id)
           VALUES (?, 'site', 'Sheet1', ?, '{}', ?, ?, '1980-02-03', '271', ?, ?)`
        )
        .run(siteImport, siteRow, c.oldValue ?? name.toUpperCase(), nid, site, personId).lastInsertRowid
    )
    const regId = Number(
      db
        .prepare(
          `INSERT INTO records (import_id, kind, source_sheet, source_row, raw_json, full_name, national_id, dob, district_code)
           VALUES (?, 'registry', 'DS', ?, '{}', ?, ?, '1980-02-03', '271')`
        )
        .run(regImport, counter + 1, name, nid).lastInsertRowid
    )
    const linkId = Number(
      db
        .prepare(
          `INSERT INTO links (subject_kind, subject_id, registry_record_id, match_weight, status) VALUES ('person', ?, ?, 20, 'auto')`
        )
        .run(personId, regId).lastInsertRowid
    )
    const kind = c.kind === undefined ? 'formatting' : c.kind
    const diffId =
      kind === null
        ? null
        : Number(
            db
              .prepare(
                'INSERT INTO diffs (link_id, registry_record_id, record_id, field, site_value, registry_value, class) VALUES (?, ?, ?, ?, ?, ?, ?)'
              )
              .run(linkId, regId, recordId, field, c.oldValue ?? name.toUpperCase(), c.newValue ?? name, kind).lastInsertRowid
          )
    const proposalId = Number(
      db
        .prepare(
          `INSERT INTO proposals (diff_id, record_id, target, field, old_value, new_value, reason, proposed_by, proposed_at)
           VALUES (?, ?, 'site', ?, ?, ?, ?, ?, ?)`
        )
        .run(diffId, recordId, field, c.oldValue ?? name.toUpperCase(), c.newValue ?? name, c.reason ?? 'Theo CSDL dân cư', by.id, now)
        .lastInsertRowid
    )
    appendAudit(ws.db, { actor: by.name, action: 'proposal.create', entity: 'proposal', entityId: proposalId, new: { field } })
    return proposalId
  })
}

/** n proposals by `by`, approved by `approver`. */
export function approvedCorrections(ws: Workspace, by: User, approver: User, n: number, c: Correction = {}): number[] {
  const ids = Array.from({ length: n }, () => propose(ws, by, c))
  decideAs(ws, approver, { verdict: 'approve', selection: { ids }, comment: 'Đồng ý' })
  return ids
}
