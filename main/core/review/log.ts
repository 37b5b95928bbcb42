import { appendAudit } from '../audit/append.ts'
import type { User } from '../users/users.ts'
import type { Db } from '../workspace/workspace.ts'
import { now as clockNow } from '../base/clock.ts'

/**
 * The decision log behind undo: each clerk action is one review_decisions row; what it
 * did to diffs is in review_decision_diffs, and what it did to links and other
 * proposals in undo_json.
 */
export type DecisionScope = 'cell' | 'row' | 'bulk' | 'link' | 'dose' | 'complaint'

export interface UndoData {
  /** Proposals this decision superseded or withdrew, with the status to give back. */
  restore?: { id: number; status: string }[]
  /** Link rows as they were before (null: the decision inserted the row). */
  links?: { id: number; before: LinkState | null }[]
}

export interface LinkState {
  registry_record_id: number | null
  match_weight: number | null
  match_probability: number | null
  status: string
  contributions_json: string
  decided_by: string | null
  decided_at: string | null
}

export interface Decision {
  id: number
  at: string
  user: User
}

export function openDecision(db: Db, user: User, kind: string, scope: DecisionScope, summary: unknown): Decision {
  const at = clockNow().toISOString()
  const id = Number(
    db
      .prepare('INSERT INTO review_decisions (kind, scope, decided_by, decided_at, summary_json) VALUES (?, ?, ?, ?, ?)')
      .run(kind, scope, user.id, at, JSON.stringify(summary)).lastInsertRowid
  )
  return { id, at, user }
}

export function setUndoData(db: Db, decisionId: number, data: UndoData): void {
  db.prepare('UPDATE review_decisions SET undo_json = ? WHERE id = ?').run(JSON.stringify(data), decisionId)
}

export function diffStatements(db: Db) {
  return {
    remember: db.prepare(
      `INSERT OR IGNORE INTO review_decision_diffs (decision_id, diff_id, old_status, old_note, old_decision_id)
       SELECT ?, id, status, note, decision_id FROM diffs WHERE id = ?`
    ),
    set: db.prepare('UPDATE diffs SET status = ?, note = ?, decision_id = ? WHERE id = ?')
  }
}

/** Records a diff's state for undo, then gives it its new status. */
export function changeDiff(
  stmts: ReturnType<typeof diffStatements>,
  d: Decision,
  diffId: number,
  status: string,
  note: string | null
): void {
  stmts.remember.run(d.id, diffId)
  stmts.set.run(status, note, d.id, diffId)
}

export function auditDecision(db: Db, d: Decision, action: string, detail: { old?: unknown; new?: unknown; reason?: string | null }): void {
  appendAudit(db, {
    actor: d.user.name,
    action: `review.${action}`,
    entity: 'review_decision',
    entityId: d.id,
    old: detail.old,
    new: detail.new,
    reason: detail.reason ?? null
  })
}
