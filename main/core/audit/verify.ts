import type Database from 'better-sqlite3'
import { GENESIS_HASH, hashAuditRow, type AuditRow } from './append.ts'

export interface AuditVerdict {
  ok: boolean
  entries: number
  /** The first sequence number whose entry or link no longer checks out. */
  brokenAt: number | null
  problem: 'hash' | 'chain' | 'gap' | null
}

/** Recomputes the whole chain; catches edits, deletions and reordering made outside the app. */
export function verifyAudit(db: Database.Database): AuditVerdict {
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
  return { ok: true, entries, brokenAt: null, problem: null }
}
