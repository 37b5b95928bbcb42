import { VaxError } from '../base/errors.ts'
import type { User } from '../users/users.ts'
import type { Db, Workspace } from '../workspace/workspace.ts'
import { alreadyApproved, loadLink, type LinkRow } from './cells.ts'
import { rebuildLinkDiffs } from './diffs.ts'
import { bumpGeneration } from './generation.ts'
import {
  auditDecision,
  changeDiff,
  diffStatements,
  openDecision,
  setUndoData,
  type Decision,
  type LinkState,
  type UndoData
} from './log.ts'
import { refreshRows } from './rows.ts'
import { liveProposalsOfLink, subjectExists } from '../records/review-subject-reads.ts'
import type { DecisionResult, PickRequest, SubjectRef } from './schemas.ts'

/**
 * Link decisions: "not the same person" (unlink: the link becomes 'rejected' and the
 * subject goes back to the candidates queue) and picking a candidate, or none of them
 * (a 'confirmed' link, to a registry row or to nobody). Both keep what they replaced so
 * undo can put it back; re-running match keeps 'confirmed' and 'rejected' links.
 */

const ACTIVE = ['auto', 'review', 'confirmed']
const LINK_STATE = 'registry_record_id, match_weight, match_probability, status, contributions_json, decided_by, decided_at'

function linkState(db: Db, id: number): LinkState {
  return db.prepare(`SELECT ${LINK_STATE} FROM links WHERE id = ?`).get(id) as LinkState
}

/**
 * Withdraws what decisions on this link proposed (refusing if a supervisor already
 * approved any of it) and marks its diffs unlinked.
 */
function detach(db: Db, d: Decision, link: LinkRow, note: string): { id: number; status: string }[] {
  const live = liveProposalsOfLink(db, link)
  const locked = live.filter((p) => p.status !== 'proposed').map((p) => p.id)
  if (locked.length > 0) throw alreadyApproved(locked)
  const withdraw = db.prepare("UPDATE proposals SET status = 'withdrawn' WHERE id = ?")
  for (const p of live) withdraw.run(p.id)
  const stmts = diffStatements(db)
  for (const { id } of db.prepare("SELECT id FROM diffs WHERE link_id = ? AND status <> 'unlinked'").all(link.id) as { id: number }[]) {
    changeDiff(stmts, d, id, 'unlinked', note || null)
  }
  return live.map((p) => ({ id: p.id, status: 'proposed' }))
}

export function unlink(ws: Workspace, user: User, req: { linkId: number; note: string }): DecisionResult {
  return ws.tx(() => {
    const db = ws.db
    const link = loadLink(db, req.linkId)
    if (!ACTIVE.includes(link.status) || link.registry_record_id === null) {
      throw new VaxError('REVIEW_NOT_LINKED', { vi: 'Dòng này hiện không liên kết với ai.', en: 'This row is not linked to anyone.' })
    }
    const before = linkState(db, link.id)
    const d = openDecision(db, user, 'unlink', 'link', { linkId: link.id, registryRecordId: link.registry_record_id })
    const restore = detach(db, d, link, req.note)
    db.prepare("UPDATE links SET status = 'rejected', decided_by = ?, decided_at = ? WHERE id = ?").run(user.name, d.at, link.id)
    setUndoData(db, d.id, { restore, links: [{ id: link.id, before }] })
    refreshRows(db, 'SELECT ?', [link.id])
    bumpGeneration(db)
    auditDecision(db, d, 'unlink', {
      old: { linkId: link.id, status: before.status, registryRecordId: before.registry_record_id },
      new: { status: 'rejected', withdrawnProposals: restore.map((p) => p.id) },
      reason: req.note || null
    })
    return { decisionId: d.id, diffs: 0, proposals: 0, warnings: [] }
  })
}

interface SubjectLink extends LinkRow {
  match_weight: number | null
}

export function subjectLinks(db: Db, s: SubjectRef): SubjectLink[] {
  return db
    .prepare(
      'SELECT id, subject_kind, subject_id, registry_record_id, status, match_weight FROM links WHERE subject_kind = ? AND subject_id = ? ORDER BY id'
    )
    .all(s.kind, s.id) as SubjectLink[]
}

/** The link that decides where a subject stands: the active one, else the latest. */
export function currentLink(links: SubjectLink[]): SubjectLink | null {
  return links.find((l) => ACTIVE.includes(l.status)) ?? links[links.length - 1] ?? null
}

function assertSubject(db: Db, s: SubjectRef): void {
  const exists = subjectExists(db, s)
  if (!exists)
    throw new VaxError('REVIEW_SUBJECT_NOT_FOUND', {
      vi: 'Không tìm thấy người hoặc khiếu nại này.',
      en: 'This person or complaint was not found.'
    })
}

export function pickCandidate(ws: Workspace, user: User, req: PickRequest): DecisionResult {
  return ws.tx(() => {
    const db = ws.db
    assertSubject(db, req.subject)
    const links = subjectLinks(db, req.subject)
    const current = currentLink(links)
    const candidate =
      req.registryRecordId === null
        ? null
        : (db
            .prepare(
              'SELECT match_weight, contributions_json FROM candidates WHERE subject_kind = ? AND subject_id = ? AND registry_record_id = ?'
            )
            .get(req.subject.kind, req.subject.id, req.registryRecordId) as
            { match_weight: number; contributions_json: string } | undefined)
    if (req.registryRecordId !== null && !candidate && current?.registry_record_id !== req.registryRecordId) {
      throw new VaxError('REVIEW_NOT_A_CANDIDATE', {
        vi: 'Người được chọn không nằm trong danh sách ứng viên.',
        en: 'The chosen person is not among the candidates.'
      })
    }
    const d = openDecision(db, user, 'pick', 'link', { subject: req.subject, registryRecordId: req.registryRecordId })
    const undo: Required<UndoData> = { restore: [], links: [] }
    const confirm = db.prepare(
      `UPDATE links SET registry_record_id = ?, match_weight = ?, match_probability = ?, contributions_json = ?, status = 'confirmed',
              decided_by = ?, decided_at = ? WHERE id = ?`
    )
    const weight = candidate?.match_weight ?? null
    const probability = weight === null ? null : 1 / (1 + 2 ** -weight)
    const contributions = candidate?.contributions_json ?? '[]'

    let target: number
    if (current && current.registry_record_id === req.registryRecordId && current.status !== 'rejected') {
      // The engine's choice was right: confirm it as it is.
      undo.links.push({ id: current.id, before: linkState(db, current.id) })
      db.prepare("UPDATE links SET status = 'confirmed', decided_by = ?, decided_at = ? WHERE id = ?").run(user.name, d.at, current.id)
      target = current.id
    } else {
      const rejectedSame = links.find(
        (l) => l.status === 'rejected' && l.registry_record_id === req.registryRecordId && req.registryRecordId !== null
      )
      const replace = current && current.status !== 'rejected' ? current : (rejectedSame ?? null)
      if (current && ACTIVE.includes(current.status) && current.registry_record_id !== null && replace === current) {
        undo.restore.push(...detach(db, d, current, req.note))
      }
      if (replace) {
        undo.links.push({ id: replace.id, before: linkState(db, replace.id) })
        confirm.run(req.registryRecordId, weight, probability, contributions, user.name, d.at, replace.id)
        target = replace.id
      } else {
        target = Number(
          db
            .prepare(
              `INSERT INTO links (run_id, subject_kind, subject_id, registry_record_id, match_weight, match_probability, status, contributions_json, decided_by, decided_at)
               VALUES (NULL, ?, ?, ?, ?, ?, 'confirmed', ?, ?, ?)`
            )
            .run(req.subject.kind, req.subject.id, req.registryRecordId, weight, probability, contributions, user.name, d.at)
            .lastInsertRowid
        )
        undo.links.push({ id: target, before: null })
      }
    }
    rebuildLinkDiffs(db, [target])
    refreshRows(db, 'SELECT ?', [target])
    setUndoData(db, d.id, undo)
    bumpGeneration(db)

    const warnings: DecisionResult['warnings'] = []
    if (req.registryRecordId !== null) {
      const others = db
        .prepare(
          "SELECT count(*) FROM links WHERE registry_record_id = ? AND subject_kind = 'person' AND status IN ('auto', 'confirmed') AND id <> ?"
        )
        .pluck()
        .get(req.registryRecordId, target) as number
      if (req.subject.kind === 'person' && others > 0) {
        warnings.push({
          code: 'REVIEW_REGISTRY_SHARED',
          vi: 'Người này trong CSDL dân cư đã được liên kết với một người khác ở điểm tiêm: có thể hai nhóm dòng là cùng một người.',
          en: 'This registry person is already linked to another site person: the two may be the same human being.'
        })
      }
    }
    auditDecision(db, d, 'pick', {
      old: current ? { linkId: current.id, status: current.status, registryRecordId: current.registry_record_id } : null,
      new: { linkId: target, status: 'confirmed', registryRecordId: req.registryRecordId },
      reason: req.note || null
    })
    return { decisionId: d.id, diffs: 0, proposals: 0, warnings }
  })
}
