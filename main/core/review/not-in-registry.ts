import type { User } from '../users/users.ts'
import type { Workspace } from '../workspace/workspace.ts'
import { waitingBelow } from '../records/review-queue-reads.ts'
import { rebuildLinkDiffs } from './diffs.ts'
import { bumpGeneration } from './generation.ts'
import { currentLink, subjectLinks } from './links.ts'
import { auditDecision, openDecision, setUndoData, type LinkState, type UndoData } from './log.ts'
import { refreshRows } from './rows.ts'
import { NotInRegistryRequest } from './schemas.ts'

/**
 * "Không có trong CSDL dân cư" in one decision: every waiting subject without a link whose
 * best candidate weighs less than the weight the clerk chose (or that has none) is
 * confirmed as nobody in the registry. Subjects held in the review band are left alone:
 * linkage found someone plausible for them, and a clerk decides those one by one. One
 * undo puts every link back.
 */
export function notInRegistry(ws: Workspace, user: User, request: NotInRegistryRequest): { subjects: number; decisionId: number | null } {
  const req = NotInRegistryRequest.parse(request)
  return ws.tx(() => {
    const db = ws.db
    const subjects = waitingBelow(db, req.belowWeight)
    if (req.dryRun || subjects.length === 0) return { subjects: subjects.length, decisionId: null }
    const d = openDecision(db, user, 'pick', 'bulk', { notInRegistry: subjects.length, belowWeight: req.belowWeight })
    const undo: Required<UndoData> = { restore: [], links: [] }
    const state = db.prepare(
      'SELECT registry_record_id, match_weight, match_probability, status, contributions_json, decided_by, decided_at FROM links WHERE id = ?'
    )
    const confirm = db.prepare(
      "UPDATE links SET registry_record_id = NULL, match_weight = NULL, match_probability = NULL, contributions_json = '[]', status = 'confirmed', decided_by = ?, decided_at = ? WHERE id = ?"
    )
    const insert = db.prepare(
      `INSERT INTO links (run_id, subject_kind, subject_id, registry_record_id, match_weight, match_probability, status, contributions_json, decided_by, decided_at)
       VALUES (NULL, ?, ?, NULL, NULL, NULL, 'confirmed', '[]', ?, ?)`
    )
    const targets: number[] = []
    for (const s of subjects) {
      const current = currentLink(subjectLinks(db, s))
      // As a pick of "none": a 'none' link is confirmed in place; after an unlink a new link is written.
      if (current && current.status === 'none') {
        undo.links.push({ id: current.id, before: state.get(current.id) as LinkState })
        confirm.run(user.name, d.at, current.id)
        targets.push(current.id)
      } else {
        const id = Number(insert.run(s.kind, s.id, user.name, d.at).lastInsertRowid)
        undo.links.push({ id, before: null })
        targets.push(id)
      }
    }
    rebuildLinkDiffs(db, targets)
    refreshRows(db, `SELECT value FROM json_each(?)`, [JSON.stringify(targets)])
    setUndoData(db, d.id, undo)
    bumpGeneration(db)
    auditDecision(db, d, 'not_in_registry', { new: { subjects: subjects.length, belowWeight: req.belowWeight }, reason: req.note || null })
    return { subjects: subjects.length, decisionId: d.id }
  })
}
