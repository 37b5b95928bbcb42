import { copyFileSync } from 'node:fs'
import { join } from 'node:path'
import { inlineContext } from '../../../main/core/base/job-context.ts'
import { rebuildDiffs } from '../../../main/core/review/diffs.ts'
import { signerFor } from '../../../main/core/users/keys.ts'
import { addUser, type User } from '../../../main/core/users/users.ts'
import { createWorkspace, openWorkspace, type Workspace } from '../../../main/core/workspace/index.ts'
import { tempDir } from '../../helpers/tmp.ts'
import { writeLinkage } from './fixture-links.ts'
import { complaints, REGISTRY, SITE, SITE_A, SITE_B, type Row } from './fixture-rows.ts'

export { hoursAgo } from './fixture-rows.ts'

/**
 * A small, realistic workspace for review tests, written straight into the tables the
 * import and linkage steps fill: two sites, a registry extract and a complaint list, the
 * persons, links (auto, review, none), candidates with their waterfalls and dose issues.
 * Every row exists for a reason named next to it.
 */
export interface ReviewFixture {
  ws: Workspace
  path: string
  clerk: User
  clerk2: User
  supervisor: User
  /** Record ids by label (R* registry, S* site, C* complaint). */
  rec: Record<string, number>
  /** Person ids by label, link ids by subject label. */
  person: Record<string, number>
  link: Record<string, number>
}

async function buildTemplate(): Promise<ReviewFixture> {
  const path = join(tempDir('vaxrecon-review-'), 'review.vaxrecon')
  const ws = createWorkspace(path)
  // The supervisor is the first user (the root of the endorsements) and adds the clerks.
  const supervisor = await addUser(ws, null, { name: 'Hùng', role: 'supervisor', password: 'mat-khau-hung' })
  const byHung = { userId: supervisor.id, signer: await signerFor(ws, supervisor, 'mat-khau-hung') }
  const clerk = await addUser(ws, byHung, { name: 'Lan', role: 'clerk', password: 'mat-khau-lan' })
  const clerk2 = await addUser(ws, byHung, { name: 'Minh', role: 'clerk', password: 'mat-khau-minh' })
  const rec: Record<string, number> = {}
  const person: Record<string, number> = {}
  const link: Record<string, number> = {}
  const now = new Date().toISOString()
  ws.tx(() => {
    const db = ws.db
    const imp = (kind: string, file: string): number =>
      Number(
        db
          .prepare(
            `INSERT INTO imports (kind, file_name, file_hash, sheet, header_row, rows_read, rows_imported, imported_at) VALUES (?, ?, ?, 'Sheet1', 5, 0, 0, ?)`
          )
          .run(kind, file, `hash-${file}`, now).lastInsertRowid
      )
    const imports = {
      registry: imp('registry', 'registry.xlsx'),
      A: imp('site', 'site_tan_lap.xlsx'),
      B: imp('site', 'site_bv_dan_phuong.xlsx'),
      complaint: imp('complaint', 'complaints.xlsx')
    }
    let row = 6
    const insert = (label: string, importId: number, kind: string, r: Row): void => {
      const cols = Object.keys(r)
      const id = Number(
        db
          .prepare(
            `INSERT INTO records (import_id, kind, source_sheet, source_row, raw_json${cols.map((c) => `, ${c}`).join('')})
             VALUES (?, ?, 'Sheet1', ?, ?${cols.map(() => ', ?').join('')})`
          )
          .run(importId, kind, row++, JSON.stringify(r), ...cols.map((c) => r[c] ?? null)).lastInsertRowid
      )
      rec[label] = id
    }
    for (const [label, r] of Object.entries(REGISTRY)) insert(label, imports.registry, 'registry', r)
    for (const [label, { site, person: _p, ...r }] of Object.entries(SITE)) {
      insert(label, site === 'A' ? imports.A : imports.B, 'site', { ...r, site_name: site === 'A' ? SITE_A : SITE_B })
    }
    for (const [label, r] of Object.entries(complaints())) insert(label, imports.complaint, 'complaint', r)

    for (const [label, s] of Object.entries(SITE)) {
      person[s.person] ??= Number(db.prepare('INSERT INTO persons (created_at) VALUES (?)').run(now).lastInsertRowid)
      db.prepare('UPDATE records SET person_id = ? WHERE id = ?').run(person[s.person], rec[label])
    }
    writeLinkage(db, now, rec, person, link)
  })
  return { ws, path, clerk, clerk2, supervisor, rec, person, link }
}

let template: Promise<ReviewFixture> | null = null

/** A fresh copy of the fixture workspace for each test (users' password hashing is slow, so it is built once per file). */
export async function buildReviewWorkspace(): Promise<ReviewFixture> {
  template ??= buildTemplate().then((t) => {
    t.ws.close()
    return t
  })
  const t = await template
  const path = join(tempDir('vaxrecon-review-'), 'review.vaxrecon')
  copyFileSync(t.path, path)
  return { ...t, ws: openWorkspace(path), path }
}

/** The fixture with its diffs built and the file closed, for an app session to open. */
export async function reviewWorkspaceForSession(): Promise<ReviewFixture> {
  const f = await buildReviewWorkspace()
  rebuildDiffs(f.ws, inlineContext())
  f.ws.close()
  return f
}
