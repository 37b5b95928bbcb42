import { join } from 'node:path'
import type Database from 'better-sqlite3'
import { beforeAll, expect, test } from 'vitest'
import { decide } from '../../../main/core/approve/decide.ts'
import { CONTENT_COLUMNS, type CorrectionContent } from '../../../main/core/approve/approval-signature.ts'
import { AUDIT_HEAD_KEY, hashAuditRow, type AuditRow } from '../../../main/core/audit/append.ts'
import { verifyAudit } from '../../../main/core/workspace/audit-verify.ts'
import { exportBatch } from '../../../main/core/export/export-batch.ts'
import { verifyRecordedBatch } from '../../../main/core/export/verify-batch.ts'
import { inlineContext } from '../../../main/core/base/job-context.ts'
import { createUserBy } from '../../../main/core/users/accounts.ts'
import { signerFor } from '../../../main/core/users/keys.ts'
import { generateSigner, sealSigningKey } from '../../../main/core/users/signing-key.ts'
import { authenticate, hashPassword } from '../../../main/core/users/users.ts'
import { openWorkspace, type Workspace } from '../../../main/core/workspace/index.ts'
import { cliInProcess } from '../../helpers/cli.ts'
import { PASSWORDS } from '../../helpers/corrections.ts'
import { tempDir } from '../../helpers/tmp.ts'
import { actOf, dropGuards, forgeApproval, forgeSignedAct, makeBase, tamperedCopy, type Base } from './tamper-base.ts'

/**
 * The auditor's trials from issue 12, replayed: each edits the closed workspace file with
 * better-sqlite3 (what `sqlite3` can do), then optionally tries the app's own paths as the
 * tamperer. Every trial must be refused (at export or by the app) or reported by
 * `audit verify` / verify of the recorded batches, and no correction may leave without a
 * genuine approval over its original content.
 */

interface Trial {
  name: string
  edit: (db: Database.Database, b: Base) => void
  /** What the tamperer then tries through the app; a throw is a refusal. */
  attack?: (ws: Workspace, b: Base) => Promise<void>
}

let base: Base
beforeAll(async () => {
  base = await makeBase()
})

const p0 = (b: Base) => b.pending[0] ?? 0
const q0 = (b: Base) => b.proposed[0] ?? 0
const e0 = (b: Base) => b.exported[0] ?? 0

const rehashLog = (db: Database.Database) => {
  let prev = '0'.repeat(64)
  let last = 0
  for (const r of db.prepare('SELECT * FROM audit_log ORDER BY seq').all() as AuditRow[]) {
    const { hash: _old, ...rest } = { ...r, prev_hash: prev }
    const hash = hashAuditRow(rest)
    db.prepare('UPDATE audit_log SET prev_hash = ?, hash = ? WHERE seq = ?').run(prev, hash, r.seq)
    prev = hash
    last = r.seq
  }
  db.prepare('UPDATE settings SET value = ? WHERE key = ?').run(`${last}:${prev}`, AUDIT_HEAD_KEY)
}

const TRIALS: Trial[] = [
  // The audit log
  {
    name: 'an audit entry edited',
    edit: (db) => db.exec(`DROP TRIGGER audit_log_no_update; UPDATE audit_log SET reason = 'sửa' WHERE seq = 5`)
  },
  { name: 'an audit entry deleted', edit: (db) => db.exec(`DROP TRIGGER audit_log_no_delete; DELETE FROM audit_log WHERE seq = 6`) },
  {
    name: 'the newest entries cut off',
    edit: (db) => db.exec(`DROP TRIGGER audit_log_no_delete; DELETE FROM audit_log WHERE seq > (SELECT max(seq) - 3 FROM audit_log)`)
  },
  { name: 'the log emptied', edit: (db) => db.exec(`DROP TRIGGER audit_log_no_delete; DELETE FROM audit_log`) },
  {
    name: 'the log emptied and the batch deleted (no batch left)',
    edit: (db) => {
      dropGuards(db)
      db.exec(
        `DELETE FROM audit_log; UPDATE proposals SET status = 'approved', batch_id = NULL WHERE batch_id IS NOT NULL; DELETE FROM export_batches`
      )
    }
  },
  {
    name: 'an update guard neutered with WHEN 0',
    edit: (db) =>
      db.exec(
        `DROP TRIGGER audit_log_no_update; CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log WHEN 0 BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;`
      )
  },
  { name: 'the delete guard dropped', edit: (db) => db.exec('DROP TRIGGER audit_log_no_delete') },
  {
    name: 'an entry edited and the whole chain and head recomputed',
    edit: (db) => {
      db.exec(`DROP TRIGGER audit_log_no_update; UPDATE audit_log SET actor = 'Hoa' WHERE seq = 3`)
      rehashLog(db)
    }
  },
  {
    name: 'two entries swapped',
    edit: (db) => {
      db.exec('DROP TRIGGER audit_log_no_update')
      const [a, b] = db.prepare('SELECT * FROM audit_log WHERE seq IN (4, 5) ORDER BY seq').all() as AuditRow[]
      if (!a || !b) throw new Error('log too short')
      const put = db.prepare('UPDATE audit_log SET action = ?, entity_id = ?, new_json = ?, hash = ? WHERE seq = ?')
      put.run(b.action, b.entity_id, b.new_json, b.hash, a.seq)
      put.run(a.action, a.entity_id, a.new_json, a.hash, b.seq)
    }
  },
  // Approvals and proposals
  { name: 'a forged approvals row for a waiting proposal', edit: (db, b) => forgeApproval(db, q0(b), b.hoa.id) },
  { name: 'a forged approval pointing at a genuine signed act', edit: (db, b) => forgeApproval(db, q0(b), b.hoa.id, actOf(db, p0(b))) },
  {
    name: 'a forged act with a made-up signature',
    edit: (db, b) => {
      const act = Number(
        db
          .prepare(
            `INSERT INTO approval_acts (verdict, decided_by, key_id, decided_at, comment, corrections, root, signature) VALUES ('approved', ?, 'X', 'now', NULL, 1, 'r', 'c2ln')`
          )
          .run(b.hoa.id).lastInsertRowid
      )
      forgeApproval(db, q0(b), b.hoa.id, act)
    }
  },
  { name: 'an approval by a clerk', edit: (db, b) => forgeApproval(db, q0(b), b.clerk.id) },
  {
    name: 'the proposer set to the approver after approval',
    edit: (db, b) => db.prepare('UPDATE proposals SET proposed_by = ? WHERE id = ?').run(b.hoa.id, p0(b))
  },
  {
    name: 'the proposer flipped after approval',
    edit: (db, b) => db.prepare('UPDATE proposals SET proposed_by = ? WHERE id = ?').run(b.minh.id, p0(b))
  },
  {
    name: 'new_value changed after approval',
    edit: (db, b) => db.prepare(`UPDATE proposals SET new_value = 'Nguyễn Văn Giả' WHERE id = ?`).run(p0(b))
  },
  { name: 'old_value changed after approval', edit: (db, b) => db.prepare(`UPDATE proposals SET old_value = 'X' WHERE id = ?`).run(p0(b)) },
  {
    name: 'the field changed after approval',
    edit: (db, b) => db.prepare(`UPDATE proposals SET field = 'national_id' WHERE id = ?`).run(p0(b))
  },
  {
    name: 'the record changed after approval',
    edit: (db, b) => db.prepare('UPDATE proposals SET record_id = record_id + 1 WHERE id = ?').run(p0(b))
  },
  { name: 'an approvals row deleted', edit: (db, b) => db.prepare('DELETE FROM approvals WHERE proposal_id = ?').run(p0(b)) },
  { name: 'a signed act deleted', edit: (db, b) => db.prepare('DELETE FROM approval_acts WHERE id = ?').run(actOf(db, p0(b))) },
  {
    name: 'the approver of a signed act changed',
    edit: (db, b) => {
      db.prepare('UPDATE approval_acts SET decided_by = ? WHERE id = ?').run(b.minh.id, actOf(db, p0(b)))
      db.prepare('UPDATE approvals SET decided_by = ? WHERE proposal_id = ?').run(b.minh.id, p0(b))
    }
  },
  {
    name: 'a withdrawal deleted, the earlier approval brought back',
    edit: (db, b) => {
      db.prepare(`DELETE FROM approvals WHERE proposal_id = ? AND verdict = 'withdrawn'`).run(b.withdrawn)
      db.prepare(`UPDATE proposals SET status = 'approved' WHERE id = ?`).run(b.withdrawn)
    }
  },
  {
    name: 'a rejection turned into an approval',
    edit: (db, b) => {
      db.prepare(`UPDATE approvals SET verdict = 'approved' WHERE proposal_id = ?`).run(b.rejected)
      db.prepare(`UPDATE approval_acts SET verdict = 'approved' WHERE id = ?`).run(actOf(db, b.rejected))
      db.prepare(`UPDATE proposals SET status = 'approved' WHERE id = ?`).run(b.rejected)
    }
  },
  {
    name: "a supervisor's own proposal approved under a genuine act",
    edit: (db, b) => forgeApproval(db, b.hoaOwn, b.hoa.id, actOf(db, p0(b)))
  },
  {
    name: 'exported corrections reset to approved',
    edit: (db) =>
      db.exec(`DROP TRIGGER proposals_exported_frozen; UPDATE proposals SET status = 'approved', batch_id = NULL WHERE status = 'exported'`)
  },
  {
    name: 'an exported value changed, freeze dropped',
    edit: (db, b) => db.exec(`DROP TRIGGER proposals_exported_frozen; UPDATE proposals SET new_value = 'Giả' WHERE id = ${e0(b)}`)
  },
  {
    name: 'an exported value changed, freeze neutered with WHEN 0',
    edit: (db, b) => {
      const sql = (db.prepare(`SELECT sql FROM sqlite_master WHERE name = 'proposals_exported_frozen'`).get() as { sql: string }).sql
      db.exec(
        `DROP TRIGGER proposals_exported_frozen; ${sql.replace(/WHEN [\s\S]*?BEGIN/, 'WHEN 0 BEGIN')}; UPDATE proposals SET new_value = 'Giả' WHERE id = ${e0(b)}`
      )
    }
  },
  {
    name: 'a recorded batch deleted and its corrections reset',
    edit: (db) => {
      dropGuards(db)
      db.exec(`UPDATE proposals SET status = 'approved', batch_id = NULL WHERE status = 'exported'; DELETE FROM export_batches`)
    }
  },
  // Users and keys
  {
    name: 'a clerk promoted to supervisor approves with a forged row',
    edit: (db, b) => {
      db.prepare(`UPDATE users SET role = 'supervisor' WHERE id = ?`).run(b.clerk.id)
      forgeApproval(db, q0(b), b.clerk.id)
    }
  },
  {
    name: 'a clerk promoted, given a key of their own, signs a well-formed act',
    edit: (db, b) => {
      const own = generateSigner()
      db.prepare(`UPDATE users SET role = 'supervisor', public_key = ? WHERE id = ?`).run(
        Buffer.concat([Buffer.from('Ed'), own.publicKey.keyId, own.publicKey.key]).toString('base64'),
        b.clerk.id
      )
      forgeSignedAct(db, [q0(b)], b.clerk.id, own)
    }
  },
  {
    name: 'a supervisor row inserted with its own key signs a well-formed act',
    edit: (db, b) => {
      const own = generateSigner()
      const pk = Buffer.concat([Buffer.from('Ed'), own.publicKey.keyId, own.publicKey.key]).toString('base64')
      const id = Number(
        db
          .prepare(`INSERT INTO users (name, role, password_hash, public_key, created_at) VALUES ('Lan2', 'supervisor', 'x', ?, 'now')`)
          .run(pk).lastInsertRowid
      )
      forgeSignedAct(db, [q0(b)], id, own)
    }
  },
  {
    name: 'swapped password hashes: the clerk signs in as a supervisor and approves',
    edit: (db, b) => {
      const hash = (db.prepare('SELECT password_hash FROM users WHERE id = ?').get(b.clerk.id) as { password_hash: string }).password_hash
      db.prepare('UPDATE users SET password_hash = ? WHERE id = ?').run(hash, b.hoa.id)
    },
    attack: async (ws, b) => {
      const hoa = await authenticate(ws, 'Hoa', PASSWORDS.clerk)
      decide(ws, hoa, { verdict: 'approve', selection: { ids: [q0(b)] } }, await signerFor(ws, hoa, PASSWORDS.clerk))
    }
  },
  {
    name: "a supervisor's key and password replaced by the tamperer's, then an approval in the app",
    edit: () => {},
    attack: async (ws, b) => {
      const own = generateSigner()
      const sealed = await sealSigningKey(own, 'tamperer-pass')
      ws.db
        .prepare('UPDATE users SET password_hash = ?, public_key = ?, secret_key_enc = ? WHERE id = ?')
        .run(await hashPassword('tamperer-pass'), sealed.publicKey, sealed.secretKeyEnc, b.hoa.id)
      const hoa = await authenticate(ws, 'Hoa', 'tamperer-pass')
      decide(ws, hoa, { verdict: 'approve', selection: { ids: [q0(b)] } }, await signerFor(ws, hoa, 'tamperer-pass'))
    }
  },
  {
    name: 'endorsements swapped between two users',
    edit: (db, b) => {
      const e = (id: number) => (db.prepare('SELECT endorsement FROM users WHERE id = ?').get(id) as { endorsement: string }).endorsement
      const [hoa, clerk] = [e(b.hoa.id), e(b.clerk.id)]
      db.prepare('UPDATE users SET endorsement = ? WHERE id = ?').run(clerk, b.hoa.id)
      db.prepare('UPDATE users SET endorsement = ? WHERE id = ?').run(hoa, b.clerk.id)
    }
  },
  {
    name: 'a user added without signing in (the CLI path)',
    edit: () => {},
    attack: async (ws) => {
      await createUserBy(ws, null, { name: 'Lan2', role: 'supervisor', password: 'lan2-password' })
    }
  }
]

interface Outcome {
  refusedByApp: boolean
  refusedAtExport: number
  exportFailed: boolean
  auditOk: boolean
  batchesOk: boolean
  forged: number[]
}

async function run(t: Trial): Promise<Outcome> {
  const ws = openWorkspace(tamperedCopy(base, (db) => t.edit(db, base)))
  try {
    let refusedByApp = false
    if (t.attack) await t.attack(ws, base).catch(() => (refusedByApp = true))
    const auditOk = verifyAudit(ws.db).ok
    const batchIds = (ws.db.prepare('SELECT id FROM export_batches').all() as { id: number }[]).map((r) => r.id)
    const batchesOk = batchIds.every((id) => verifyRecordedBatch(ws, id).ok)
    let refusedAtExport = 0
    let exportFailed = false
    let forged: number[] = []
    try {
      const r = await exportBatch(ws, { ...base.minh }, PASSWORDS.minh, { outDir: tempDir() }, inlineContext())
      refusedAtExport = r.refused.length
      if (r.refused.length > 0) expect(r.refusedMessage?.en).toContain(String(r.refused[0]?.id))
      const left = r.batch
        ? (ws.db.prepare(`SELECT ${CONTENT_COLUMNS} FROM proposals p WHERE batch_id = ?`).all(r.batch.id) as CorrectionContent[])
        : []
      // Genuine: approved by Hoa in the base, still waiting there, and leaving with the content she approved.
      forged = left.filter((c) => !base.pending.includes(c.id) || base.content.get(c.id) !== JSON.stringify(c)).map((c) => c.id)
    } catch {
      exportFailed = true
    }
    return { refusedByApp, refusedAtExport, exportFailed, auditOk, batchesOk, forged }
  } finally {
    ws.close()
  }
}

test('the untouched base exports its three genuine approvals and verifies', async () => {
  const o = await run({ name: 'none', edit: () => {} })
  expect(o).toEqual({ refusedByApp: false, refusedAtExport: 0, exportFailed: false, auditOk: true, batchesOk: true, forged: [] })
})

test(`${TRIALS.length} tamper trials: each refused at export or by the app, or reported by audit verify / verify; none exports a forged correction`, async () => {
  expect(TRIALS.length).toBeGreaterThanOrEqual(30)
  const results: string[] = []
  for (const t of TRIALS) {
    const o = await run(t)
    const caught = o.refusedByApp || o.refusedAtExport > 0 || o.exportFailed || !o.auditOk || !o.batchesOk
    results.push(`${caught && o.forged.length === 0 ? 'ok ' : 'BAD'} ${t.name}: ${JSON.stringify(o)}`)
  }
  expect(
    results.filter((r) => r.startsWith('BAD')),
    results.join('\n')
  ).toEqual([])
}, 240_000)

test('vaxrecon verify --workspace re-checks the approvals a recorded batch carried: a value changed after export fails it, with the ids', async () => {
  const path = tamperedCopy(base, (db) =>
    db.exec(`DROP TRIGGER proposals_exported_frozen; UPDATE proposals SET new_value = 'Giả' WHERE id = ${e0(base)}`)
  )
  const ws = openWorkspace(path)
  const b = ws.db.prepare('SELECT out_dir, file_name FROM export_batches').get() as { out_dir: string; file_name: string }
  ws.close()
  const file = join(b.out_dir, b.file_name)
  expect((await cliInProcess(['verify', file, '--workspace', base.path])).code).toBe(0)
  const r = await cliInProcess(['verify', file, '--workspace', path])
  expect(r.code).toBe(1)
  expect(r.stderr).toContain('A correction was changed after it was exported.')
  expect(r.stderr).toContain('Some corrections in the batch no longer have a valid signed approval.')
  expect(r.stderr).toContain(String(e0(base)))
})
