import { VaxError } from '../base/errors.ts'
import { hasDiacritics } from '../base/vn-text.ts'
import type { User } from '../users/users.ts'
import type { Db, Workspace } from '../workspace/workspace.ts'
import { classify } from './classify.ts'
import { type ClaimKind, type ComplaintEvidence, type CorrectionDraft, type ReasonCode, type ResolveRequest } from './complaint-schemas.ts'
import { draftAddDose, draftDoseProposal, writeDoseDraft, type DoseDraft } from './doses.ts'
import { normalizeEdit } from './edit.ts'
import { REVIEW_FIELDS, type ReviewField } from './fields.ts'
import { bumpGeneration } from './generation.ts'
import { highlight } from './highlight.ts'
import { auditDecision, changeDiff, diffStatements, openDecision } from './log.ts'
import { refreshRows } from './rows.ts'
import {
  complaintQueueRow,
  complaintRecord,
  complaintRegistry,
  judgedSiteRows,
  personSiteRows,
  type ComplaintRecord,
  type ComplaintRegistryRow
} from '../records/review-complaint-reads.ts'
import { recordValue, recordValues } from '../records/review-subject-reads.ts'
import { toItem } from './complaint-queue.ts'
import { COMPLAINT_HOURS } from './complaint-deadline.ts'
import { OUTCOME_REASONS } from './complaint-reasons.ts'
import { now as clockNow } from '../base/clock.ts'

/**
 * A complaint opened: the evidence side by side (the claim, the registry person, the site
 * rows that support or contradict it); the outcome (approved, deferred, rejected) carries a
 * reason code, and an approval creates the proposed corrections. The queue is in
 * complaint-queue.ts.
 */

function loadComplaint(db: Db, recordId: number): ComplaintRecord {
  const r = complaintRecord(db, recordId)
  if (!r || r.kind !== 'complaint') {
    throw new VaxError('COMPLAINT_NOT_FOUND', { vi: 'Không tìm thấy khiếu nại này.', en: 'This complaint was not found.' }, { recordId })
  }
  return r
}

/** The site rows that bear on a complaint: linkage's evidence, then the rest of the person's doses. */
function siteRowsOf(db: Db, c: ComplaintRecord, registryId: number | null): ComplaintEvidence['siteRows'] {
  const judged = judgedSiteRows(db, c.id)
  const seen = new Set(judged.map((r) => r.id))
  const others = personSiteRows(db, c.person_id, registryId)
  const rows = [
    ...judged.map((r) => ({ row: r, relation: r.relation, reasons: JSON.parse(r.reasons_json) as string[] })),
    ...others.filter((r) => !seen.has(r.id)).map((r) => ({ row: r, relation: 'related' as const, reasons: [] as string[] }))
  ]
  return rows.map(({ row, relation, reasons }) => ({
    recordId: row.id,
    siteName: row.site_name,
    fullName: row.full_name,
    dob: row.dob,
    nationalId: row.national_id,
    vaccine: row.vaccine,
    doseNumber: row.dose_number,
    doseDate: row.dose_date,
    lot: row.lot,
    source: row.source,
    relation,
    reasons
  }))
}

const CLAIMED: ReviewField[] = ['full_name', 'dob', 'gender', 'national_id', 'phone']

function hintsFor(
  claim: ClaimKind,
  diffs: ComplaintEvidence['identityDiffs'],
  claimedName: string | null,
  rows: ComplaintEvidence['siteRows']
): ReasonCode[] {
  const hints = new Set<ReasonCode>()
  const name = diffs.find((d) => d.field === 'full_name')
  if (name && claimedName !== null)
    hints.add(name.class === 'formatting' && !hasDiacritics(claimedName) ? 'name_without_diacritics' : 'name_mismatch')
  if (diffs.some((d) => d.field === 'dob')) hints.add('dob_mismatch')
  if (rows.length === 0) hints.add('no_site_record')
  for (const r of rows.filter((x) => x.relation === 'contradicts')) {
    if (r.reasons.includes('date_differs')) hints.add('date_mismatch')
    if (r.reasons.includes('vaccine_differs')) hints.add('vaccine_mismatch')
    if (r.reasons.includes('dose_number_differs')) hints.add('dose_mismatch')
  }
  if (claim === 'missing_dose' && rows.some((r) => r.relation === 'supports')) hints.add('already_recorded')
  return [...hints]
}

function suggestionsFor(
  db: Db,
  claim: ClaimKind,
  c: ComplaintRecord,
  registry: ComplaintRegistryRow | null,
  rows: ComplaintEvidence['siteRows']
): CorrectionDraft[] {
  const contradicting = rows.filter((r) => r.relation === 'contradicts')
  switch (claim) {
    case 'missing_dose':
      if (rows.some((r) => r.relation === 'supports') || !c.vaccine || !c.dose_date) return []
      return [
        {
          action: 'add_dose',
          vaccine: c.vaccine,
          doseDate: c.dose_date,
          doseNumber: c.dose_number,
          lot: c.lot ?? '',
          siteName: c.site_name ?? ''
        }
      ]
    case 'wrong_date':
      return c.dose_date
        ? contradicting
            .filter((r) => r.reasons.includes('date_differs'))
            .map((r) => ({ action: 'fix_date' as const, recordId: r.recordId, value: c.dose_date ?? '' }))
        : []
    case 'wrong_vaccine':
      return c.vaccine
        ? contradicting
            .filter((r) => r.reasons.includes('vaccine_differs'))
            .map((r) => ({ action: 'fix_vaccine' as const, recordId: r.recordId, value: c.vaccine ?? '' }))
        : []
    case 'wrong_info': {
      // The registry is the reference for personal information: site rows that differ take its values.
      if (!registry) return []
      const out: CorrectionDraft[] = []
      for (const r of rows) {
        const site = recordValues(db, r.recordId, REVIEW_FIELDS)
        if (!site) continue
        for (const f of REVIEW_FIELDS) {
          const want = registry[f]
          if (want && site[f] !== want && f !== 'address' && f !== 'phone')
            out.push({ action: 'fix_field', recordId: r.recordId, field: f, value: want })
        }
      }
      return out
    }
    case 'other':
      return []
  }
}

export function complaintEvidence(ws: Workspace, recordId: number, now = clockNow()): ComplaintEvidence {
  const db = ws.db
  const c = loadComplaint(db, recordId)
  const row = complaintQueueRow(db, COMPLAINT_HOURS, recordId)
  if (!row) throw new Error(`complaint ${recordId} has no queue row`)
  const item = toItem(row, now.getTime())
  const registry = complaintRegistry(db, c.id)
  const identityDiffs: ComplaintEvidence['identityDiffs'] = []
  if (registry) {
    for (const f of CLAIMED) {
      const claimed = c[f]
      // Registry extracts carry no phone: a value on one side only says nothing here.
      if (claimed === null || claimed === '' || registry[f] === null) continue
      const cls = classify(f, claimed, registry[f], { registryOldId: registry.old_national_id })
      if (cls) identityDiffs.push({ field: f, claimed, registry: registry[f], ...cls, highlight: highlight(claimed, registry[f]) })
    }
  }
  const siteRows = siteRowsOf(db, c, registry?.id ?? null)
  return {
    item,
    description: c.description,
    source: c.source,
    identity: { full_name: c.full_name, dob: c.dob, gender: c.gender, national_id: c.national_id, phone: c.phone },
    claimDose: { vaccine: c.vaccine, doseNumber: c.dose_number, doseDate: c.dose_date, lot: c.lot, siteName: c.site_name },
    registry: registry
      ? {
          recordId: registry.id,
          linkStatus: registry.status,
          fullName: registry.full_name,
          dob: registry.dob,
          gender: registry.gender,
          nationalId: registry.national_id,
          address: registry.address
        }
      : null,
    identityDiffs,
    siteRows,
    hints: hintsFor(item.claim, identityDiffs, c.full_name, siteRows),
    suggestions: suggestionsFor(db, item.claim, c, registry, siteRows),
    history: (
      db
        .prepare(
          `SELECT o.outcome, o.reason_code, o.note, o.decided_at, u.name AS decided_by FROM complaint_outcomes o JOIN users u ON u.id = o.decided_by
           WHERE o.record_id = ? ORDER BY o.id DESC`
        )
        .all(recordId) as {
        outcome: 'approved' | 'deferred' | 'rejected'
        reason_code: string
        note: string | null
        decided_at: string
        decided_by: string
      }[]
    ).map((o) => ({ outcome: o.outcome, reasonCode: o.reason_code, note: o.note, decidedAt: o.decided_at, decidedBy: o.decided_by }))
  }
}

function draftFor(db: Db, c: ComplaintRecord, d: CorrectionDraft, allowed: Set<number>): DoseDraft {
  if (d.action === 'add_dose') return draftAddDose(c.id, d)
  if (!allowed.has(d.recordId)) {
    throw new VaxError('COMPLAINT_ROW_UNRELATED', {
      vi: 'Chỉ được sửa các dòng của điểm tiêm liên quan đến khiếu nại này.',
      en: 'Only the site rows related to this complaint can be corrected.'
    })
  }
  if (d.action === 'fix_date') return draftDoseProposal(db, { action: 'fix_date', recordId: d.recordId, value: d.value, note: '' })
  if (d.action === 'fix_vaccine') return draftDoseProposal(db, { action: 'fix_vaccine', recordId: d.recordId, value: d.value, note: '' })
  const value = normalizeEdit(d.field, d.value).value
  const old = recordValue(db, d.recordId, d.field)
  if (old === value) {
    throw new VaxError('REVIEW_NO_CHANGE', {
      vi: 'Giá trị mới giống giá trị hiện có.',
      en: 'The new value is the same as the current one.'
    })
  }
  return { target: 'site', recordId: d.recordId, field: d.field, old, new: value, reason: 'complaint' }
}

export function resolveComplaint(
  ws: Workspace,
  user: User,
  req: ResolveRequest,
  now = clockNow()
): { decisionId: number; proposals: number } {
  const allowedReasons: readonly string[] = OUTCOME_REASONS[req.outcome]
  if (!allowedReasons.includes(req.reasonCode)) {
    throw new VaxError('COMPLAINT_REASON_INVALID', {
      vi: 'Lý do không phù hợp với kết quả đã chọn.',
      en: 'The reason does not fit the outcome chosen.'
    })
  }
  if (req.reasonCode === 'other' && req.note.trim() === '') {
    throw new VaxError('COMPLAINT_NOTE_NEEDED', { vi: 'Lý do "khác" cần ghi chú.', en: 'The reason "other" needs a note.' })
  }
  if (req.outcome === 'approved' && req.corrections.length === 0) {
    throw new VaxError('COMPLAINT_NO_CORRECTION', {
      vi: 'Chấp nhận khiếu nại cần ít nhất một điều chỉnh đề xuất.',
      en: 'Approving a complaint needs at least one proposed correction.'
    })
  }
  return ws.tx(() => {
    const db = ws.db
    const c = loadComplaint(db, req.recordId)
    const evidence = complaintEvidence(ws, c.id, now)
    // A new outcome replaces the last one: what an earlier approval proposed is withdrawn.
    const earlier = db
      .prepare(
        `SELECT p.id, p.status FROM proposals p WHERE p.decision_id IN
           (SELECT decision_id FROM complaint_outcomes WHERE record_id = ? AND decision_id IS NOT NULL) AND p.status IN ('proposed', 'approved', 'exported')`
      )
      .all(c.id) as { id: number; status: string }[]
    if (earlier.some((p) => p.status !== 'proposed')) {
      throw new VaxError('COMPLAINT_ALREADY_APPROVED', {
        vi: 'Điều chỉnh từ lần chấp nhận trước đã được phê duyệt; không thể thay đổi kết quả.',
        en: 'The corrections from the earlier approval were already approved; the outcome cannot change.'
      })
    }
    const withdraw = db.prepare("UPDATE proposals SET status = 'withdrawn' WHERE id = ?")
    for (const p of earlier) withdraw.run(p.id)

    const d = openDecision(db, user, `complaint_${req.outcome}`, 'complaint', { recordId: c.id, reasonCode: req.reasonCode })
    const allowed = new Set(evidence.siteRows.map((r) => r.recordId))
    const drafts = req.outcome === 'approved' ? req.corrections.map((x) => draftFor(db, c, x, allowed)) : []
    const ids = drafts.map((draft) => writeDoseDraft(db, d, { ...draft, reason: 'complaint' }, req.note, c.complaint_id ?? `#${c.id}`))
    db.prepare(
      'INSERT INTO complaint_outcomes (record_id, outcome, reason_code, note, decided_by, decided_at, decision_id) VALUES (?, ?, ?, ?, ?, ?, ?)'
    ).run(c.id, req.outcome, req.reasonCode, req.note || null, user.id, d.at, d.id)

    // The complaint's row in the review grid follows its outcome.
    const stmts = diffStatements(db)
    const diffs = db
      .prepare(
        "SELECT d.id, d.link_id FROM diffs d JOIN links l ON l.id = d.link_id WHERE l.subject_kind = 'complaint' AND l.subject_id = ? AND d.status <> 'unlinked'"
      )
      .all(c.id) as { id: number; link_id: number }[]
    for (const x of diffs) changeDiff(stmts, d, x.id, req.outcome === 'deferred' ? 'deferred' : 'resolved', req.note || null)
    if (diffs.length > 0) refreshRows(db, 'SELECT value FROM json_each(?)', [JSON.stringify([...new Set(diffs.map((x) => x.link_id))])])
    bumpGeneration(db)
    auditDecision(db, d, `complaint.${req.outcome}`, {
      new: { recordId: c.id, complaintId: c.complaint_id, reasonCode: req.reasonCode, proposals: ids, withdrawn: earlier.map((p) => p.id) },
      reason: req.note || null
    })
    return { decisionId: d.id, proposals: ids.length }
  })
}
