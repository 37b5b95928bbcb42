import { copyFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import {
  actRoot,
  CONTENT_COLUMNS,
  signAct,
  type ActVerdict,
  type CorrectionContent
} from '../../../main/core/approve/approval-signature.ts'
import { exportBatch } from '../../../main/core/export/export-batch.ts'
import type { Signer } from '../../../main/core/base/minisign.ts'
import { inlineContext } from '../../../main/core/base/job-context.ts'
import type { User } from '../../../main/core/users/users.ts'
import { approvedCorrections, decideAs, fixtureWorkspace, PASSWORDS, propose } from '../../helpers/corrections.ts'
import { tempDir } from '../../helpers/tmp.ts'

/**
 * The workspace every tamper trial starts from: one batch already exported, genuine
 * approvals waiting, proposals waiting, a supervisor's own proposal, a rejection and a
 * withdrawn approval. Closed, so trials edit the file as sqlite3 would.
 */
export interface Base {
  path: string
  clerk: User
  minh: User
  hoa: User
  exported: number[]
  pending: number[]
  proposed: number[]
  hoaOwn: number
  rejected: number
  withdrawn: number
  /** Each correction's content as it was decided, to tell a genuine export from a forged one. */
  content: Map<number, string>
}

export async function makeBase(): Promise<Base> {
  const f = await fixtureWorkspace()
  const exported = approvedCorrections(f.ws, f.clerk, f.hoa, 3)
  await exportBatch(f.ws, f.minh, PASSWORDS.minh, { outDir: tempDir() }, inlineContext())
  const pending = approvedCorrections(f.ws, f.clerk, f.hoa, 3)
  const proposed = [propose(f.ws, f.clerk), propose(f.ws, f.clerk), propose(f.ws, f.clerk)]
  const hoaOwn = propose(f.ws, f.hoa)
  const rejected = propose(f.ws, f.clerk)
  decideAs(f.ws, f.minh, { verdict: 'reject', selection: { ids: [rejected] }, comment: 'Sai' })
  const withdrawn = propose(f.ws, f.clerk)
  decideAs(f.ws, f.hoa, { verdict: 'approve', selection: { ids: [withdrawn] } })
  decideAs(f.ws, f.minh, { verdict: 'withdraw', selection: { ids: [withdrawn] }, comment: 'Cần xem lại' })
  const content = new Map(
    (f.ws.db.prepare(`SELECT ${CONTENT_COLUMNS} FROM proposals p`).all() as CorrectionContent[]).map((c) => [c.id, JSON.stringify(c)])
  )
  f.ws.close()
  return { path: f.path, clerk: f.clerk, minh: f.minh, hoa: f.hoa, exported, pending, proposed, hoaOwn, rejected, withdrawn, content }
}

/** A copy of the base, edited with better-sqlite3 the way `sqlite3` would (no app code, no triggers spared). */
export function tamperedCopy(base: Base, edit: (db: Database.Database) => void): string {
  const path = join(tempDir(), 'tampered.vaxrecon')
  copyFileSync(base.path, path)
  const db = new Database(path)
  // As in the sqlite3 shell, where foreign keys are off unless asked for.
  db.pragma('foreign_keys = OFF')
  try {
    edit(db)
  } finally {
    db.close()
  }
  return path
}

/** An approvals row (and the status) written by hand, as the clerk did. */
export function forgeApproval(db: Database.Database, proposalId: number, decidedBy: number, actId: number | null = null): void {
  db.prepare(
    `INSERT INTO approvals (proposal_id, verdict, decided_by, decided_at, comment, act_id) VALUES (?, 'approved', ?, '2026-12-01T03:00:00.000Z', 'ok', ?)`
  ).run(proposalId, decidedBy, actId)
  db.prepare(`UPDATE proposals SET status = 'approved' WHERE id = ?`).run(proposalId)
}

/** A complete, well-formed signed act over `ids`, signed with whatever key the forger holds. */
export function forgeSignedAct(
  db: Database.Database,
  ids: number[],
  decidedBy: number,
  signer: Signer,
  verdict: ActVerdict = 'approved'
): number {
  const content = db
    .prepare(`SELECT ${CONTENT_COLUMNS} FROM proposals p WHERE p.id IN (SELECT value FROM json_each(?))`)
    .all(JSON.stringify(ids)) as CorrectionContent[]
  const act = signAct(
    {
      verdict,
      decided_by: decidedBy,
      decided_at: '2026-12-01T03:00:00.000Z',
      comment: null,
      corrections: content.length,
      root: actRoot(content)
    },
    signer
  )
  const actId = Number(
    db
      .prepare(
        'INSERT INTO approval_acts (verdict, decided_by, key_id, decided_at, comment, corrections, root, signature) VALUES (?, ?, ?, ?, ?, ?, ?, ?)'
      )
      .run(act.verdict, act.decided_by, act.key_id, act.decided_at, act.comment, act.corrections, act.root, act.signature).lastInsertRowid
  )
  for (const id of ids) forgeApproval(db, id, decidedBy, actId)
  return actId
}

export const actOf = (db: Database.Database, proposalId: number): number =>
  (db.prepare('SELECT act_id FROM approvals WHERE proposal_id = ? ORDER BY id DESC LIMIT 1').get(proposalId) as { act_id: number }).act_id

export const dropGuards = (db: Database.Database): void => {
  for (const t of [
    'audit_log_no_update',
    'audit_log_no_delete',
    'export_batches_no_update',
    'export_batches_no_delete',
    'proposals_exported_frozen'
  ]) {
    db.exec(`DROP TRIGGER IF EXISTS ${t}`)
  }
}
