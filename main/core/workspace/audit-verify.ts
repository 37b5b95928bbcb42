import type { Db } from '../base/sqlite-driver.ts'
import { parsePublicKey, verifyMinisig } from '../base/minisign.ts'
import { migrations } from './migrations/index.ts'
import { AUDIT_HEAD_KEY, GENESIS_HASH, hashAuditRow, type AuditRow } from '../audit/append.ts'

export interface AuditVerdict {
  ok: boolean
  entries: number
  /** The first sequence number whose entry or link no longer checks out. */
  brokenAt: number | null
  /**
   * hash: an entry was edited; chain: entries were swapped or re-linked; gap: an entry is
   * missing; truncated: the newest entries were cut off; anchor: an entry no longer matches
   * what a signed export batch recorded; triggers: a guard trigger was removed or its SQL
   * changed; integrity: SQLite's own check finds the file damaged.
   */
  problem: 'hash' | 'chain' | 'gap' | 'truncated' | 'anchor' | 'triggers' | 'integrity' | null
}

const norm = (sql: string) => sql.replace(/\s+/g, ' ').trim()

/** Every guard trigger exactly as the migrations wrote it: a trigger neutered with `WHEN 0` differs. */
const GUARDS: ReadonlyMap<string, string> = new Map(
  migrations.flatMap((m) =>
    [...m.sql.matchAll(/CREATE TRIGGER (\w+)[\s\S]*?\bEND;/g)].map((t) => [t[1] ?? '', norm(t[0].slice(0, -1))] as const)
  )
)

function integrityOk(db: Db): boolean {
  try {
    const rows = db.pragma('integrity_check') as { integrity_check: string }[]
    return rows.length === 1 && rows[0]?.integrity_check === 'ok'
  } catch {
    return false
  }
}

/** The audit anchor a batch's signed trusted comment carries; the table's columns only for batches signed before it did. */
function signedAnchor(b: {
  content: Buffer
  minisig: string
  public_key: string
  audit_seq: number
  audit_hash: string
}): { seq: number; hash: string } | null {
  let verdict
  try {
    verdict = verifyMinisig(b.content, b.minisig, parsePublicKey(b.public_key))
  } catch {
    return null
  }
  if (!verdict.ok) return null
  const m = /(?:^|\s)audit:(\d+):([0-9a-f]{64})(?:\s|$)/.exec(verdict.trustedComment)
  return m ? { seq: Number(m[1]), hash: m[2] ?? '' } : { seq: b.audit_seq, hash: b.audit_hash }
}
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
  if (!integrityOk(db)) return { ok: false, entries: 0, brokenAt: null, problem: 'integrity' }
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
  // An emptied log is caught too: the head still names the last entry written.
  if ((entries > 0 || head !== undefined) && head?.value !== `${lastSeq}:${prev}`) {
    const [headSeq] = (head?.value ?? '').split(':')
    const recorded = Number(headSeq)
    return { ok: false, entries, brokenAt: Number.isInteger(recorded) && recorded > lastSeq ? lastSeq + 1 : lastSeq, problem: 'truncated' }
  }

  if (hasTable(db, 'export_batches')) {
    const batches = db
      .prepare('SELECT content, minisig, public_key, audit_seq, audit_hash FROM export_batches ORDER BY id')
      .all() as Parameters<typeof signedAnchor>[0][]
    const at = db.prepare('SELECT hash FROM audit_log WHERE seq = ?')
    for (const b of batches) {
      const a = signedAnchor(b)
      // A batch whose own signature fails anchors nothing: it was altered or forged.
      if (!a) return { ok: false, entries, brokenAt: b.audit_seq, problem: 'anchor' }
      const entry = at.get(a.seq) as { hash: string } | undefined
      if (entry?.hash !== a.hash) return { ok: false, entries, brokenAt: a.seq, problem: 'anchor' }
    }
  }

  const triggers = new Map(
    (db.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'trigger'`).all() as { name: string; sql: string }[]).map((t) => [
      t.name,
      norm(t.sql)
    ])
  )
  for (const [name, sql] of GUARDS) {
    if (triggers.get(name) !== sql) return { ok: false, entries, brokenAt: null, problem: 'triggers' }
  }

  return { ok: true, entries, brokenAt: null, problem: null }
}
