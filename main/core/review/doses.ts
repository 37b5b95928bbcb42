import { VaxError } from '../base/errors.ts'
import type { User } from '../users/users.ts'
import type { Db, Workspace } from '../workspace/workspace.ts'
import { toIdentity } from './candidates.ts'
import { addedDoseProposals, firstSiteRecordId, personDoses, siteDoseRow, type SiteDoseRow } from '../records/review-dose-reads.ts'
import { personRegistryIdentity } from '../records/review-subject-reads.ts'
import { normalizeEdit } from './edit.ts'
import { bumpGeneration } from './generation.ts'
import { auditDecision, openDecision, setUndoData, type Decision } from './log.ts'
import { insertProposal, proposalStatements, type ReasonCode } from './proposals.ts'
import type { DecisionResult, DoseProposalRequest, PersonPanel } from './schemas.ts'

/**
 * The person panel: every dose of one person across all sites, the dose checks linkage
 * found (duplicate, short interval, impossible order...), and dose-level proposals:
 * remove a duplicate, fix a dose's date or vaccine, add a dose the site confirmed.
 */

const LIVE = "('proposed', 'approved', 'exported')"

/** A dose as one readable line, as the batch file shows it: "Mũi 3 · PFIZER · 2022-01-15 · lô X · site". */
export function describeDose(d: {
  doseNumber: number | null
  vaccine: string | null
  doseDate: string | null
  lot: string | null
  siteName: string | null
}): string {
  return [
    d.doseNumber !== null ? `Mũi ${d.doseNumber}` : 'Mũi ?',
    d.vaccine ?? '?',
    d.doseDate ?? '?',
    d.lot ? `lô ${d.lot}` : null,
    d.siteName
  ]
    .filter((x) => x !== null && x !== '')
    .join(' · ')
}

export function personPanel(ws: Workspace, personId: number): PersonPanel {
  const db = ws.db
  const doses = personDoses(db, personId)
  if (doses.length === 0) {
    throw new VaxError('REVIEW_PERSON_NOT_FOUND', { vi: 'Không tìm thấy người này.', en: 'This person was not found.' }, { personId })
  }
  const proposals = db.prepare(
    `SELECT id, field, new_value, status, old_value FROM proposals
     WHERE record_id = ? AND ((target = 'dose' AND old_value IS NOT NULL) OR (target = 'site' AND field IN ('dose_date', 'vaccine'))) AND status IN ${LIVE}
     ORDER BY id`
  )
  const registry = personRegistryIdentity(db, personId)
  return {
    personId,
    registry: registry ? toIdentity(registry) : null,
    doses: doses.map((d) => ({
      recordId: d.id,
      siteName: d.site_name,
      vaccine: d.vaccine,
      doseNumber: d.dose_number,
      doseDate: d.dose_date,
      lot: d.lot,
      source: d.source,
      proposals: (proposals.all(d.id) as { id: number; field: string; new_value: string | null; status: string }[]).map((p) => ({
        id: p.id,
        field: p.field,
        newValue: p.new_value,
        status: p.status
      }))
    })),
    issues: (
      db.prepare('SELECT id, record_id, kind, detail FROM dose_issues WHERE person_id = ? ORDER BY id').all(personId) as {
        id: number
        record_id: number | null
        kind: string
        detail: string
      }[]
    ).map((i) => ({ id: i.id, recordId: i.record_id, kind: i.kind, detail: i.detail })),
    added: addedDoseProposals(db, personId).map((p) => ({ id: p.id, newValue: p.new_value, status: p.status }))
  }
}

function siteDose(db: Db, recordId: number): SiteDoseRow {
  const r = siteDoseRow(db, recordId)
  if (!r || r.kind !== 'site') {
    throw new VaxError('REVIEW_DOSE_NOT_FOUND', { vi: 'Không tìm thấy mũi tiêm này.', en: 'This dose was not found.' }, { recordId })
  }
  return r
}

const doseLine = (r: SiteDoseRow): string =>
  describeDose({ doseNumber: r.dose_number, vaccine: r.vaccine, doseDate: r.dose_date, lot: r.lot, siteName: r.site_name })

function assertChanged(old: string | null, value: string): void {
  if (old === value) {
    throw new VaxError('REVIEW_NO_CHANGE', {
      vi: 'Giá trị mới giống giá trị hiện có.',
      en: 'The new value is the same as the current one.'
    })
  }
}

/** Refuses a second live proposal of the same kind on one row: decide (or undo) the first. */
function assertNoLive(db: Db, recordId: number, target: string, field: string): void {
  const live = db
    .prepare(`SELECT id FROM proposals WHERE record_id = ? AND target = ? AND field = ? AND status IN ${LIVE}`)
    .get(recordId, target, field)
  if (live) {
    throw new VaxError('REVIEW_DOSE_ALREADY_PROPOSED', {
      vi: 'Đã có một đề xuất cho mũi tiêm này; hãy hoàn tác nó trước.',
      en: 'There is already a proposal for this dose; undo it first.'
    })
  }
}

export interface DoseDraft {
  target: 'site' | 'dose'
  recordId: number
  field: string
  old: string | null
  new: string | null
  reason: ReasonCode
}

/** A site dose's date or vaccine corrected, normalized as import would. */
function fixDoseField(db: Db, recordId: number, field: 'dose_date' | 'vaccine', value: string, reason: ReasonCode): DoseDraft {
  const r = siteDose(db, recordId)
  const v = normalizeEdit(field, value).value
  assertChanged(r[field], v)
  assertNoLive(db, r.id, 'site', field)
  return { target: 'site', recordId: r.id, field, old: r[field], new: v, reason }
}

/** Validates one dose change and says what it would propose; writes nothing. */
export function draftDoseProposal(db: Db, req: DoseProposalRequest): DoseDraft {
  switch (req.action) {
    case 'remove_duplicate': {
      const r = siteDose(db, req.recordId)
      assertNoLive(db, r.id, 'dose', 'dose')
      return { target: 'dose', recordId: r.id, field: 'dose', old: doseLine(r), new: null, reason: 'dose_remove' }
    }
    case 'fix_date':
      return fixDoseField(db, req.recordId, 'dose_date', req.value, 'dose_fix_date')
    case 'fix_vaccine':
      return fixDoseField(db, req.recordId, 'vaccine', req.value, 'dose_fix_vaccine')
    case 'add_dose': {
      const recordId = firstSiteRecordId(db, req.personId)
      if (recordId === undefined) {
        throw new VaxError('REVIEW_PERSON_NOT_FOUND', { vi: 'Không tìm thấy người này.', en: 'This person was not found.' })
      }
      return draftAddDose(recordId, req)
    }
  }
}

export interface NewDose {
  vaccine: string
  doseDate: string
  doseNumber: number | null
  lot: string
  siteName: string
}

/** A dose to add; recordId is the row that proves it (a complaint, or the person's first dose). */
export function draftAddDose(recordId: number, dose: NewDose): DoseDraft {
  const vaccine = normalizeEdit('vaccine', dose.vaccine).value
  const doseDate = normalizeEdit('dose_date', dose.doseDate).value
  const siteName = dose.siteName.trim()
  if (siteName === '') {
    throw new VaxError('REVIEW_DOSE_SITE_NEEDED', {
      vi: 'Hãy ghi điểm tiêm đã xác nhận mũi tiêm.',
      en: 'Name the site that confirmed the dose.'
    })
  }
  return {
    target: 'dose',
    recordId,
    field: 'dose',
    old: null,
    new: describeDose({ doseNumber: dose.doseNumber, vaccine, doseDate, lot: dose.lot.trim() || null, siteName }),
    reason: 'dose_add'
  }
}

export function writeDoseDraft(db: Db, d: Decision, draft: DoseDraft, evidence: string, reasonDetail?: string): number {
  return insertProposal(
    proposalStatements(db),
    {
      diffId: null,
      recordId: draft.recordId,
      target: draft.target,
      field: draft.field,
      oldValue: draft.old,
      newValue: draft.new,
      reason: draft.reason,
      ...(reasonDetail ? { reasonDetail } : {}),
      evidence: evidence || null,
      proposedBy: d.user.id,
      decisionId: d.id
    },
    d.at
  )
}

export function proposeDose(ws: Workspace, user: User, req: DoseProposalRequest): DecisionResult {
  return ws.tx(() => {
    const db = ws.db
    const draft = draftDoseProposal(db, req)
    const d = openDecision(db, user, `dose_${req.action}`, 'dose', { action: req.action, recordId: draft.recordId })
    const id = writeDoseDraft(db, d, draft, req.note)
    setUndoData(db, d.id, {})
    bumpGeneration(db)
    auditDecision(db, d, `dose.${req.action}`, {
      new: { proposal: id, recordId: draft.recordId, field: draft.field, old: draft.old, new: draft.new },
      reason: req.note || null
    })
    return { decisionId: d.id, diffs: 0, proposals: 1, warnings: [] }
  })
}
