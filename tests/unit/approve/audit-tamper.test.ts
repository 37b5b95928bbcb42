import { execFileSync } from 'node:child_process'
import { expect, test } from 'vitest'
import { verifyAudit } from '../../../main/core/workspace/audit-verify.ts'
import { openWorkspace } from '../../../main/core/workspace/index.ts'
import { approvedCorrections, fixtureWorkspace } from '../../helpers/corrections.ts'

/** Tampering is done the way someone would: the sqlite3 command-line tool on the closed file. */
function sqlite(path: string, sql: string): void {
  execFileSync('sqlite3', [path, sql])
}

async function closedWorkspace(): Promise<string> {
  const f = await fixtureWorkspace()
  approvedCorrections(f.ws, f.clerk, f.minh, 3)
  f.ws.close()
  return f.path
}

function verdict(path: string) {
  const ws = openWorkspace(path)
  try {
    return verifyAudit(ws.db)
  } finally {
    ws.close()
  }
}

test('an intact log verifies', async () => {
  expect(verdict(await closedWorkspace())).toMatchObject({ ok: true, problem: null })
})

test('cutting off the newest entries is detected, though the chain that is left is intact', async () => {
  const path = await closedWorkspace()
  sqlite(path, 'DROP TRIGGER audit_log_no_delete; DELETE FROM audit_log WHERE seq > (SELECT max(seq) - 2 FROM audit_log);')
  expect(verdict(path)).toMatchObject({ ok: false, problem: 'truncated' })
})

test('re-computing the hashes after an edit does not help: the signed anchor of a batch no longer matches', async () => {
  const path = await closedWorkspace()
  const ws = openWorkspace(path)
  const seq = (ws.db.prepare('SELECT max(seq) AS s FROM audit_log').get() as { s: number }).s
  const hash = (ws.db.prepare('SELECT hash FROM audit_log WHERE seq = ?').get(seq) as { hash: string }).hash
  // A batch recorded with an anchor in the log (the export's own tests make real ones).
  ws.tx(() =>
    ws.db
      .prepare(
        `INSERT INTO export_batches (batch_no, file_name, file_hash, signer_id, key_fingerprint, correction_count, created_at, out_dir,
           public_key, trusted_comment, minisig, content, audit_seq, audit_hash) VALUES ('B1', 'b.xlsx', 'h', 2, 'f', 1, 'now', '/tmp', 'k', 't', 's', x'00', ?, ?)`
      )
      .run(seq, hash)
  )
  ws.close()
  sqlite(path, `DROP TRIGGER audit_log_no_update; UPDATE audit_log SET hash = 'forged' WHERE seq = ${seq};`)
  const v = verdict(path)
  expect(v.ok).toBe(false)
  expect(['hash', 'anchor']).toContain(v.problem)
})

test('removing the append-only triggers is itself reported', async () => {
  const path = await closedWorkspace()
  sqlite(path, 'DROP TRIGGER audit_log_no_update;')
  expect(verdict(path)).toMatchObject({ ok: false, problem: 'triggers' })
})
