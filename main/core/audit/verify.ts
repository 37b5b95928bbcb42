import type { Db } from '../workspace/driver.ts'
import { AUDIT_HEAD_KEY, GENESIS_HASH, hashAuditRow, type AuditRow } from './append.ts'

export interface AuditVerdict {
  ok: boolean
  entries: number
  /** The first sequence number whose entry or link no longer checks out. */
  brokenAt: number | null
  /**
   * hash: an entry was edited; chain: entries were swapped or re-linked; gap: an entry is
   * missing; truncated: the newest entries were cut off; anchor: an entry no longer matches
   * what a signed export batch recorded; triggers: the append-only guards were removed.
   */
  problem: 'hash' | 'chain' | 'gap' | 'truncated' | 'anchor' | 'triggers' | null
}

const GUARDS = ['audit_log_no_update', 'audit_log_no_delete']

function hasTable(db: Db, name: string): boolean {
  return db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(name) !== undefined
}

/**
 * Recomputes the whole chain, then checks it against what lives outside it: the head
 * recorded with every append (catches a cut-off tail), the anchors that signed export
 * batches carry (catches a log rebuilt from some point on), and the triggers that keep
 * the table append-only. Catches edits, deletions and reordering made outside the app.
 */
export function verifyAudit(db: Db): AuditVerdict {
  let prev = GENESIS_HASH
  let expectedSeq = 1
  let entries = 0
  for (const row of db.prepare('SELECT * FROM audit_log ORDER BY seq').iterate() as IterableIterator<AuditRow>) {
    entries++
    if (row.seq !== expectedSeq) return { ok: false, entries, brokenAt: row.seq, problem: 'gap' }
    if (row.prev_hash !== prev) return { ok: false, entries, brokenAt: row.seq, problem: 'chain' }
    const { hash, ...rest } = row
    if (hashAuditRow(rest) !== hash) return { ok: false, entries, brokenAt: row.seq, problem: 'hash' }
    prev = hash
    expectedSeq++
  }

  const head = db.prepare('SELECT value FROM settings WHERE key = ?').get(AUDIT_HEAD_KEY) as { value: string } | undefined
  const lastSeq = expectedSeq - 1
  if (entries > 0 && head?.value !== `${lastSeq}:${prev}`) {
    const [headSeq] = (head?.value ?? '').split(':')
    const recorded = Number(headSeq)
    return { ok: false, entries, brokenAt: Number.isInteger(recorded) && recorded > lastSeq ? lastSeq + 1 : lastSeq, problem: 'truncated' }
  }

  if (hasTable(db, 'export_batches')) {
    const anchors = db.prepare('SELECT audit_seq, audit_hash FROM export_batches ORDER BY audit_seq').all() as {
      audit_seq: number
      audit_hash: string
    }[]
    const at = db.prepare('SELECT hash FROM audit_log WHERE seq = ?')
    for (const a of anchors) {
      const entry = at.get(a.audit_seq) as { hash: string } | undefined
      if (entry?.hash !== a.audit_hash) return { ok: false, entries, brokenAt: a.audit_seq, problem: 'anchor' }
    }
  }

  const triggers = new Set(
    (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_log'`).all() as { name: string }[]).map(
      (t) => t.name
    )
  )
  if (!GUARDS.every((g) => triggers.has(g))) return { ok: false, entries, brokenAt: null, problem: 'triggers' }

  return { ok: true, entries, brokenAt: null, problem: null }
}
