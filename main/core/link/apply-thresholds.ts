import { appendAudit } from '../audit/append.ts'
import type { Db } from '../workspace/workspace.ts'
import type { HoldReason, LinkStatus, Thresholds } from './decide.ts'
import { redecide } from './redecide.ts'
import { getLinkSettings, saveLinkSettings } from './settings.ts'

interface Row {
  id: number
  subject_kind: 'person' | 'complaint'
  status: LinkStatus
  match_weight: number | null
  hold_reason: HoldReason | null
  registry_record_id: number | null
  decided: number
}

/**
 * Moves the two thresholds and re-sorts every undecided link by them, without re-running
 * the comparisons: weights and hold reasons stay, statuses follow. Clerks' decisions are
 * untouched. Inside the caller's transaction.
 */
export function moveThresholds(
  db: Db,
  thresholds: Thresholds,
  actor: string | null
): { changed: number; statuses: Record<string, number> } {
  saveLinkSettings(db, { ...getLinkSettings(db), thresholds }, actor)
  const rows = db
    .prepare(
      `SELECT id, subject_kind, status, match_weight, hold_reason, registry_record_id, decided_by IS NOT NULL AS decided
       FROM links ORDER BY id`
    )
    .all() as Row[]
  const next = redecide(
    rows.map((r) => ({
      subjectKind: r.subject_kind,
      status: r.status,
      weight: r.match_weight,
      hold: r.hold_reason,
      target: r.registry_record_id,
      decided: r.decided === 1
    })),
    thresholds
  )
  const update = db.prepare('UPDATE links SET status = ?, hold_reason = ? WHERE id = ?')
  let changed = 0
  const statuses: Record<string, number> = {}
  rows.forEach((r, i) => {
    const n = next[i] as { status: LinkStatus; hold: HoldReason | null }
    statuses[n.status] = (statuses[n.status] ?? 0) + 1
    if (n.status === r.status && n.hold === r.hold_reason) return
    update.run(n.status, n.hold, r.id)
    changed++
  })
  appendAudit(db, { actor, action: 'link.thresholds', entity: 'links', new: { thresholds, changed, statuses } })
  return { changed, statuses }
}
