import { createHash } from 'node:crypto'
import type { Db } from '../base/sqlite-driver.ts'

export interface AuditEntry {
  actor: string | null
  action: string
  entity: string
  entityId?: string | number | null
  old?: unknown
  new?: unknown
  reason?: string | null
}

export const GENESIS_HASH = '0'.repeat(64)

/** settings key holding 'seq:hash' of the newest entry. */
export const AUDIT_HEAD_KEY = 'audit_head'

export interface AuditRow {
  seq: number
  at: string
  actor: string | null
  action: string
  entity: string
  entity_id: string | null
  old_json: string | null
  new_json: string | null
  reason: string | null
  prev_hash: string
  hash: string
}

/** The hash covers every column but itself, in a fixed order, so any edit shows. */
export function hashAuditRow(row: Omit<AuditRow, 'hash'>): string {
  const canonical = JSON.stringify([
    row.seq,
    row.at,
    row.actor,
    row.action,
    row.entity,
    row.entity_id,
    row.old_json,
    row.new_json,
    row.reason,
    row.prev_hash
  ])
  return createHash('sha256').update(canonical).digest('hex')
}

const toJson = (v: unknown): string | null => (v === undefined ? null : JSON.stringify(v))

// Prepared once per connection: a bulk approval appends one entry per correction.
const statements = new WeakMap<Db, ReturnType<typeof prepare>>()
function prepare(db: Db) {
  return {
    last: db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1'),
    insert: db.prepare(
      `INSERT INTO audit_log (seq, at, actor, action, entity, entity_id, old_json, new_json, reason, prev_hash, hash)
       VALUES (@seq, @at, @actor, @action, @entity, @entity_id, @old_json, @new_json, @reason, @prev_hash, @hash)`
    ),
    head: db.prepare(
      `INSERT INTO settings (key, value) VALUES ('${AUDIT_HEAD_KEY}', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`
    )
  }
}

/**
 * Appends one entry. Call it inside the transaction that makes the change it
 * describes: if the audit write fails, the change does not happen.
 */
export function appendAudit(db: Db, e: AuditEntry): void {
  if (!db.inTransaction) throw new Error('appendAudit must run inside the mutating transaction')
  let stmt = statements.get(db)
  if (!stmt) {
    stmt = prepare(db)
    statements.set(db, stmt)
  }
  const last = stmt.last.get() as { seq: number; hash: string } | undefined
  const row = {
    seq: (last?.seq ?? 0) + 1,
    at: new Date().toISOString(),
    actor: e.actor,
    action: e.action,
    entity: e.entity,
    entity_id: e.entityId === undefined || e.entityId === null ? null : String(e.entityId),
    old_json: toJson(e.old),
    new_json: toJson(e.new),
    reason: e.reason ?? null,
    prev_hash: last?.hash ?? GENESIS_HASH
  }
  const hash = hashAuditRow(row)
  stmt.insert.run({ ...row, hash })
  // The chain alone cannot show that its newest entries were cut off; the head kept
  // beside it (and the anchors in signed batches) can.
  stmt.head.run(`${row.seq}:${hash}`)
}
