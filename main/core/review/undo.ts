import { VaxError } from '../base/errors.ts'
import { now as clockNow } from '../base/clock.ts'
import type { User } from '../users/users.ts'
import type { Db, Workspace } from '../workspace/workspace.ts'
import { rebuildLinkDiffs } from './diffs.ts'
import { bumpGeneration } from './generation.ts'
import { auditDecision, type UndoData } from './log.ts'
import { withLargeWrite } from './large-writes.ts'
import { refreshCounts } from './row-counts.ts'
import { refreshRows } from './rows.ts'
import type { UndoEntry } from './schemas.ts'

/**
 * Undo takes back a clerk's own decisions, newest first: the proposals they made are
 * withdrawn, the diffs, links and proposals they replaced are put back. It is refused
 * once a supervisor has approved what the decision proposed, or when someone decided
 * the same cells since. Complaint outcomes have their own history and are not undone here.
 */

interface DecisionRow {
  id: number
  kind: string
  scope: string
  decided_at: string
  summary_json: string
  undo_json: string
}

function describe(r: DecisionRow): string {
  const s = JSON.parse(r.summary_json) as { fields?: string[]; diffs?: number; linkId?: number }
  if (r.scope === 'bulk') return `${r.kind} × ${s.diffs ?? 0}`
  if (s.fields) return `${r.kind}: ${s.fields.join(', ')}`
  return r.kind
}

const toEntry = (r: DecisionRow): UndoEntry => ({
  decisionId: r.id,
  kind: r.kind,
  scope: r.scope,
  decidedAt: r.decided_at,
  summary: describe(r)
})

export function undoStack(ws: Workspace, user: User, limit = 20): UndoEntry[] {
  return (
    ws.db
      .prepare(
        `SELECT id, kind, scope, decided_at, summary_json, undo_json FROM review_decisions
         WHERE decided_by = ? AND undone_at IS NULL AND scope <> 'complaint' ORDER BY id DESC LIMIT ?`
      )
      .all(user.id, limit) as DecisionRow[]
  ).map(toEntry)
}

/** The decision undoLast takes back: the user's newest one not yet undone. */
const NEXT_UNDO = `FROM review_decisions WHERE decided_by = ? AND undone_at IS NULL AND scope <> 'complaint' ORDER BY id DESC LIMIT 1`

/** The scope of the decision undoLast would take back ('bulk' ones are big), or null. */
export function nextUndoScope(db: Db, user: User): string | null {
  return (db.prepare(`SELECT scope ${NEXT_UNDO}`).pluck().get(user.id) as string | undefined) ?? null
}

export function undoLast(ws: Workspace, user: User): UndoEntry {
  const undo = (): UndoEntry => ws.tx(() => undoNewest(ws.db, user))
  // A bulk decision makes no links, so its undo deletes nothing, and every key it writes
  // back comes from its own undo records.
  return nextUndoScope(ws.db, user) === 'bulk' ? withLargeWrite(ws.db, undo, { keysByConstruction: true }) : undo()
}

function undoNewest(db: Db, user: User): UndoEntry {
  const r = db.prepare(`SELECT id, kind, scope, decided_at, summary_json, undo_json ${NEXT_UNDO}`).get(user.id) as DecisionRow | undefined
  if (!r)
    throw new VaxError('REVIEW_NOTHING_TO_UNDO', {
      vi: 'Không còn quyết định nào để hoàn tác.',
      en: 'There is no decision left to undo.'
    })

  // Only the locked ones, picked in SQL: a bulk decision made a hundred thousand proposals, too many to carry into JS.
  const locked = db
    .prepare("SELECT id FROM proposals WHERE decision_id = ? AND status IN ('approved', 'exported') ORDER BY id")
    .pluck()
    .all(r.id) as number[]
  if (locked.length > 0) {
    throw new VaxError(
      'REVIEW_UNDO_APPROVED',
      {
        vi: 'Không thể hoàn tác: người phê duyệt đã duyệt điều chỉnh của quyết định này.',
        en: 'Cannot undo: a supervisor already approved a correction from this decision.'
      },
      { proposals: locked }
    )
  }
  const later = db
    .prepare(
      'SELECT count(*) FROM review_decision_diffs rdd JOIN diffs d ON d.id = rdd.diff_id WHERE rdd.decision_id = ? AND d.decision_id IS NOT rdd.decision_id'
    )
    .pluck()
    .get(r.id) as number
  if (later > 0) {
    throw new VaxError('REVIEW_UNDO_LATER', {
      vi: 'Không thể hoàn tác: đã có quyết định mới hơn trên các ô này.',
      en: 'Cannot undo: a later decision changed the same cells.'
    })
  }
  const undo = JSON.parse(r.undo_json) as UndoData
  // Set-based, so a bulk decision over a hundred thousand differences undoes in one pass.
  db.exec('CREATE TEMP TABLE IF NOT EXISTS review_touched (link_id INTEGER PRIMARY KEY)')
  db.exec('DELETE FROM temp.review_touched')
  db.prepare(
    'INSERT OR IGNORE INTO temp.review_touched SELECT d.link_id FROM review_decision_diffs rdd JOIN diffs d ON d.id = rdd.diff_id WHERE rdd.decision_id = ? AND d.link_id IS NOT NULL'
  ).run(r.id)
  const withdrawn = db
    .prepare("SELECT count(*) AS n, min(id) AS first, max(id) AS last FROM proposals WHERE decision_id = ? AND status = 'proposed'")
    .get(r.id) as { n: number; first: number | null; last: number | null }
  db.prepare("UPDATE proposals SET status = 'withdrawn' WHERE decision_id = ? AND status = 'proposed'").run(r.id)
  // OR FAIL: the transaction rolls a failure back (see row-counts.ts).
  db.prepare(
    `UPDATE OR FAIL diffs SET status = rdd.old_status, note = rdd.old_note, decision_id = rdd.old_decision_id
     FROM review_decision_diffs rdd WHERE rdd.decision_id = ? AND rdd.diff_id = diffs.id`
  ).run(r.id)
  const restore = db.prepare("UPDATE proposals SET status = ? WHERE id = ? AND status IN ('superseded', 'withdrawn')")
  for (const p of undo.restore ?? []) restore.run(p.status, p.id)
  const touch = db.prepare('INSERT OR IGNORE INTO temp.review_touched VALUES (?)')
  for (const l of undo.links ?? []) {
    if (l.before === null) {
      // The link this decision made goes, and with it the differences it showed.
      db.prepare('DELETE FROM diffs WHERE link_id = ?').run(l.id)
      db.prepare('DELETE FROM links WHERE id = ?').run(l.id)
      continue
    }
    db.prepare(
      `UPDATE links SET registry_record_id = @registry_record_id, match_weight = @match_weight, match_probability = @match_probability,
              status = @status, contributions_json = @contributions_json, decided_by = @decided_by, decided_at = @decided_at WHERE id = @id`
    ).run({ ...l.before, id: l.id })
    touch.run(l.id)
  }
  const relinked = (undo.links ?? []).filter((l) => l.before !== null).map((l) => l.id)
  if (relinked.length > 0) rebuildLinkDiffs(db, relinked)
  // Only link decisions change what a row shows besides its counts.
  if ((undo.links ?? []).length > 0) refreshRows(db, 'SELECT link_id FROM temp.review_touched')
  else refreshCounts(db, 'SELECT link_id FROM temp.review_touched')
  db.exec('DELETE FROM temp.review_touched')
  db.prepare('UPDATE review_decisions SET undone_at = ? WHERE id = ?').run(clockNow().toISOString(), r.id)
  bumpGeneration(db)
  auditDecision(db, { id: r.id, at: r.decided_at, user }, 'undo', {
    new: { kind: r.kind, scope: r.scope, withdrawn: withdrawn.n, firstWithdrawn: withdrawn.first, lastWithdrawn: withdrawn.last }
  })
  return toEntry(r)
}
