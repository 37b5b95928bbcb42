import { appendAudit } from '../audit/append.ts'
import { VaxError } from '../base/errors.ts'
import { currentUser } from '../users/accounts.ts'
import type { User } from '../users/users.ts'
import type { Workspace } from '../workspace/workspace.ts'
import { keyIdHex, type Signer } from '../base/minisign.ts'
import { trustedUsers } from '../users/endorse.ts'
import { actRoot, CONTENT_COLUMNS, signAct, type ActVerdict, type CorrectionContent } from './approval-signature.ts'
import { mayDecide, notSupervisorError, ownAmong, selfApprovalError } from './four-eyes.ts'
import { selectTargets, whereIds, whereOf } from './proposal-query.ts'
import { DecideRequest, type DecideRequestInput, type DecideResult, type ProposalStatus, type Verdict } from './schema.ts'
import { now as clockNow } from '../base/clock.ts'

const FROM: Record<Verdict, ProposalStatus> = { approve: 'proposed', reject: 'proposed', withdraw: 'approved' }
// A withdrawn approval puts the correction back in the queue, to be decided again.
const TO: Record<Verdict, ProposalStatus> = { approve: 'approved', reject: 'rejected', withdraw: 'proposed' }
const RECORDED: Record<Verdict, 'approved' | 'rejected' | 'withdrawn'> = { approve: 'approved', reject: 'rejected', withdraw: 'withdrawn' }

type Refusal = { reason: 'not-supervisor' | 'own-proposal'; ids: number[]; error: VaxError }

function auditRefusal(ws: Workspace, actor: string, verdict: Verdict, r: Refusal): void {
  appendAudit(ws.db, {
    actor,
    action: 'approval.refused',
    entity: 'proposal',
    entityId: r.ids.length === 1 ? r.ids[0] : null,
    new: { verdict, refused: r.reason, count: r.ids.length, ids: r.ids.slice(0, 100) }
  })
}

const stateError = (verdict: Verdict, ids: number[]) =>
  new VaxError(
    'APPROVE_WRONG_STATE',
    verdict === 'withdraw'
      ? {
          vi: `Chỉ rút lại được phê duyệt của điều chỉnh đã duyệt và chưa xuất (số ${ids.slice(0, 10).join(', ')}). Điều chỉnh đã xuất thì không rút lại được.`,
          en: `Only an approved correction that is not yet exported can have its approval withdrawn (number ${ids.slice(0, 10).join(', ')}). Exported corrections cannot be withdrawn.`
        }
      : {
          vi: `Các đề xuất số ${ids.slice(0, 10).join(', ')} không còn chờ phê duyệt (có thể người khác vừa xử lý). Hãy tải lại danh sách.`,
          en: `Proposals ${ids.slice(0, 10).join(', ')} are no longer awaiting a decision (someone may have just decided them). Reload the list.`
        },
    { ids: ids.slice(0, 100) }
  )

const keyNotOpen = () =>
  new VaxError('SIGNING_KEY_LOCKED', {
    vi: 'Khoá ký của bạn chưa được mở: mỗi quyết định được ký bằng khoá của người phê duyệt. Hãy đăng nhập lại.',
    en: "Your signing key is not open: every decision is signed with the supervisor's own key. Please sign in again."
  })

/** Signs and records one act over the chosen corrections, exactly as they read now. */
function recordAct(
  ws: Workspace,
  actor: User,
  signer: Signer | null,
  a: { verdict: ActVerdict; decidedAt: string; comment: string | null; ids: number[] }
): number {
  const own = trustedUsers(ws.db).users.get(actor.id)
  if (!signer || !own?.keyId || own.keyId !== keyIdHex(signer.publicKey.keyId)) throw keyNotOpen()
  const content = ws.db
    .prepare(`SELECT ${CONTENT_COLUMNS} FROM proposals p WHERE p.id IN (SELECT value FROM json_each(?))`)
    .all(JSON.stringify(a.ids)) as CorrectionContent[]
  const act = signAct(
    {
      verdict: a.verdict,
      decided_by: actor.id,
      decided_at: a.decidedAt,
      comment: a.comment,
      corrections: content.length,
      root: actRoot(content)
    },
    signer
  )
  return Number(
    ws.db
      .prepare(
        'INSERT INTO approval_acts (verdict, decided_by, key_id, decided_at, comment, corrections, root, signature) VALUES (?, ?, ?, ?, ?, ?, ?, ?)'
      )
      .run(act.verdict, act.decided_by, act.key_id, act.decided_at, act.comment, act.corrections, act.root, act.signature).lastInsertRowid
  )
}

/**
 * Approves, rejects or withdraws the approval of one proposal, a list, or everything a
 * filter matches, in one transaction, as one act signed with the supervisor's open key
 * (`signer`, unlocked by their password at sign-in). Explicit ids are all-or-nothing; a filter skips the
 * actor's own proposals (and says so). Refusals are audited, then raised.
 */
export function decide(ws: Workspace, actorIn: User, input: DecideRequestInput, signer: Signer | null): DecideResult {
  const req = DecideRequest.parse(input)
  const { verdict } = req
  const comment = req.comment.normalize('NFC').trim()
  if (verdict !== 'approve' && comment === '') {
    throw new VaxError('APPROVE_COMMENT_REQUIRED', {
      vi: 'Hãy ghi lý do: người đề xuất sẽ thấy lời nhận xét này.',
      en: 'Please give a reason: the proposer will see this comment.'
    })
  }
  type Outcome = { ok: true; result: DecideResult } | { ok: false; actor: string; refusal: Refusal }
  const outcome = ws.tx((): Outcome => {
    const actor = currentUser(ws, actorIn)
    const byFilter = 'filter' in req.selection
    const where =
      'filter' in req.selection ? whereOf({ ...req.selection.filter, status: [FROM[verdict]] }, actor.id) : whereIds(req.selection.ids)
    const targets = selectTargets(ws, where)
    if (!mayDecide(actor)) {
      return {
        ok: false,
        actor: actor.name,
        refusal: { reason: 'not-supervisor', ids: targets.map((t) => t.id), error: notSupervisorError() }
      }
    }
    if (!byFilter) {
      const wanted = new Set('ids' in req.selection ? req.selection.ids : [])
      const wrong = [...wanted].filter((id) => !targets.some((t) => t.id === id && t.status === FROM[verdict]))
      if (wrong.length > 0) throw stateError(verdict, wrong)
    }
    const own = ownAmong(actor, verdict, targets)
    if (own.length > 0 && !byFilter) {
      return { ok: false, actor: actor.name, refusal: { reason: 'own-proposal', ids: own, error: selfApprovalError(own) } }
    }
    if (own.length > 0) auditRefusal(ws, actor.name, verdict, { reason: 'own-proposal', ids: own, error: selfApprovalError(own) })
    const skip = new Set(own)
    const chosen = targets.filter((t) => !skip.has(t.id))
    if (chosen.length === 0) return { ok: true, result: { verdict, applied: 0, skippedOwn: own.length } }
    const now = clockNow().toISOString()
    const actId = recordAct(ws, actor, signer, {
      verdict: RECORDED[verdict],
      decidedAt: now,
      comment: comment || null,
      ids: chosen.map((t) => t.id)
    })
    const insert = ws.db.prepare(
      'INSERT INTO approvals (proposal_id, verdict, decided_by, decided_at, comment, act_id) VALUES (?, ?, ?, ?, ?, ?)'
    )
    const update = ws.db.prepare('UPDATE proposals SET status = ? WHERE id = ? AND status = ?')
    let applied = 0
    for (const t of chosen) {
      const approvalId = Number(insert.run(t.id, RECORDED[verdict], actor.id, now, comment || null, actId).lastInsertRowid)
      if (update.run(TO[verdict], t.id, FROM[verdict]).changes !== 1) throw stateError(verdict, [t.id])
      appendAudit(ws.db, {
        actor: actor.name,
        action: `approval.${verdict}`,
        entity: 'proposal',
        entityId: t.id,
        old: { status: FROM[verdict] },
        new: { status: TO[verdict], approvalId, actId },
        reason: comment || null
      })
      applied++
    }
    return { ok: true, result: { verdict, applied, skippedOwn: own.length } }
  })
  if (outcome.ok) return outcome.result
  // The refusal itself is recorded, in its own transaction: the decision did not happen.
  ws.tx(() => auditRefusal(ws, outcome.actor, verdict, outcome.refusal))
  throw outcome.refusal.error
}

/** What a bulk decision on a filter would touch, shown to the supervisor before applying it. */
export function previewDecision(ws: Workspace, actorIn: User, verdict: Verdict, filter: DecideRequest['selection']): DecideResult {
  const actor = currentUser(ws, actorIn)
  const where = 'filter' in filter ? whereOf({ ...filter.filter, status: [FROM[verdict]] }, actor.id) : whereIds(filter.ids)
  const targets = selectTargets(ws, where).filter((t) => t.status === FROM[verdict])
  const own = ownAmong(actor, verdict, targets)
  return { verdict, applied: targets.length - own.length, skippedOwn: own.length }
}
