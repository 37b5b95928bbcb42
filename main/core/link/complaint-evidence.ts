import { dobLevel } from './compare/dob.ts'
import { vaccineFamily } from './dose-checks.ts'
import type { Prepared } from './prepare.ts'
import { foldForMatch } from '../base/vn-text.ts'

/**
 * How one site row bears on a complaint:
 * - supports: the row records what the citizen claims (the same dose, with the claimed
 *   date and vaccine; or, for a personal-information complaint, the claimed identity);
 * - contradicts: the row records the same dose (or the same person) differently;
 * - related: another dose of the same person, shown for context.
 * `reasons` are stable codes: same_date, date_differs, same_vaccine, vaccine_differs,
 * same_dose_number, dose_number_differs, same_name, name_differs, same_dob, dob_differs,
 * same_id, id_differs.
 */
export type EvidenceRelation = 'supports' | 'contradicts' | 'related'

export interface Evidence {
  siteRecordId: number
  relation: EvidenceRelation
  reasons: string[]
}

export type ClaimKind = 'dose' | 'personal'

/** Complaint types are free text from the portal; keywords decide what is being claimed. */
export function claimKind(claim: Prepared): ClaimKind {
  const t = claim.complaintType ? foldForMatch(claim.complaintType) : ''
  if (/thong tin|ca nhan|ho ten|sai ten|ngay sinh|personal|identity|name/.test(t) && !/ngay tiem|dose/.test(t)) return 'personal'
  if (claim.doseDate || claim.vaccine || claim.doseNumber !== null) return 'dose'
  return 'personal'
}

const DAY = 86_400_000
const daysApart = (a: string, b: string): number => Math.abs(Date.parse(`${a}T00:00:00Z`) - Date.parse(`${b}T00:00:00Z`)) / DAY

/** A claimed dose and a recorded dose are the same event when the dates are close or the numbers agree. */
const SAME_DOSE_DAYS = 3

function doseEvidence(claim: Prepared, row: Prepared): Evidence {
  const reasons: string[] = []
  let disagree = false
  const dateClose = claim.doseDate && row.doseDate ? daysApart(claim.doseDate, row.doseDate) <= SAME_DOSE_DAYS : false
  const numberSame = claim.doseNumber !== null && row.doseNumber !== null && claim.doseNumber === row.doseNumber
  if (!dateClose && !numberSame) return { siteRecordId: row.id, relation: 'related', reasons }
  if (claim.doseDate && row.doseDate) {
    const same = claim.doseDate === row.doseDate
    reasons.push(same ? 'same_date' : 'date_differs')
    disagree ||= !same
  }
  if (claim.vaccine && row.vaccine) {
    const same = vaccineFamily(claim.vaccine) === vaccineFamily(row.vaccine)
    reasons.push(same ? 'same_vaccine' : 'vaccine_differs')
    disagree ||= !same
  }
  if (claim.doseNumber !== null && row.doseNumber !== null) {
    reasons.push(numberSame ? 'same_dose_number' : 'dose_number_differs')
    disagree ||= !numberSame
  }
  return { siteRecordId: row.id, relation: disagree ? 'contradicts' : 'supports', reasons }
}

function personalEvidence(claim: Prepared, row: Prepared): Evidence {
  const reasons: string[] = []
  let disagree = false
  if (claim.name && row.name) {
    const same = claim.name.folded.join(' ') === row.name.folded.join(' ')
    reasons.push(same ? 'same_name' : 'name_differs')
    disagree ||= !same
  }
  const dob = dobLevel(claim.dob, row.dob)
  if (dob >= 0) {
    const same = dob <= 1
    reasons.push(same ? 'same_dob' : 'dob_differs')
    disagree ||= !same
  }
  if (claim.nationalId && row.nationalId) {
    const same = claim.nationalId === row.nationalId || claim.nationalId === row.oldNationalId
    reasons.push(same ? 'same_id' : 'id_differs')
    disagree ||= !same
  }
  return { siteRecordId: row.id, relation: reasons.length === 0 ? 'related' : disagree ? 'contradicts' : 'supports', reasons }
}

export function complaintEvidence(claim: Prepared, rows: readonly Prepared[]): Evidence[] {
  const kind = claimKind(claim)
  return rows.map((r) => (kind === 'dose' ? doseEvidence(claim, r) : personalEvidence(claim, r)))
}
