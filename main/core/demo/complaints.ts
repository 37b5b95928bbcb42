import { stripDiacritics } from '../base/vn-text.ts'
import { CAMPAIGN_END, day, dmy, excelDate, ymd } from './days.ts'
import { fullName } from './names.ts'
import { noisyId } from './noise/id.ts'
import { noisyPhone } from './noise/phone.ts'
import { COMPLAINT_NOISE } from './noise/rates.ts'
import { drawPhone } from './phones.ts'
import type { Rng } from '../base/random.ts'
import type { Dose, Person, VaccineCode } from './types.ts'
import { VACCINES } from './vaccines.ts'
import type { World } from './world.ts'

export type ComplaintType = 'missing_dose' | 'wrong_vaccine' | 'wrong_date' | 'wrong_personal_info'

/** The portal's labels for the four complaint types. */
export const COMPLAINT_LABEL: Readonly<Record<ComplaintType, string>> = {
  missing_dose: 'Thiếu mũi tiêm',
  wrong_vaccine: 'Sai loại vắc xin',
  wrong_date: 'Sai ngày tiêm',
  wrong_personal_info: 'Sai thông tin cá nhân'
}

/** Complaint rates. README "Sample data and ground truth" documents them. */
export const COMPLAINT_RATES = {
  /** Chance a person files about a real error in their records, by type. */
  fileWhenWronged: { missing_dose: 0.5, wrong_vaccine: 0.4, wrong_date: 0.3, wrong_personal_info: 0.05 },
  /** Chance a vaccinated person with correct records files anyway (a false complaint). */
  fileWhenRight: 0.015
} as const

/** Row-level noise that makes personal data wrong, not merely formatted differently. */
const PERSONAL_ERRORS = ['name_typo', 'name_middle_dropped', 'name_swapped', 'dob_day_month_swapped', 'dob_wrong_digit', 'id_transposed']

/** What was written for one true dose: its site rows (the first is the original entry). */
export interface DoseRecord {
  dose: Dose
  rows: { file: string; row: number; tags: readonly string[]; day: number; vaccine: VaccineCode }[]
}

export interface Complaint {
  submittedMinute: number
  personIndex: number
  personKey: string
  registryRow: number | null
  isTrue: boolean
  type: ComplaintType
  tags: string[]
  /** Cells in the order of COMPLAINT_COLUMNS, without the id (assigned once sorted by time). */
  cells: (string | number | Date | null)[]
  /** Site rows about the claimed dose (all the person's rows for personal information). */
  evidence: { file: string; row: number }[]
}

interface Claim {
  type: ComplaintType
  isTrue: boolean
  dose: DoseRecord | null
  /** What the citizen says happened: dose number, date, vaccine, and where. */
  claimed: { number: number; day: number; vaccine: VaccineCode; site: number } | null
  recorded: { day: number; vaccine: VaccineCode } | null
}

/**
 * Decides whether this person complains and about what. True complaints come from real
 * errors: a dose no site recorded, a wrong vaccine or date on the original entry, wrong
 * personal data. False ones come from people whose records are right.
 */
export function maybeComplain(
  rng: Rng,
  person: Person,
  registryRow: number | null,
  records: readonly DoseRecord[],
  omitted: readonly Dose[],
  world: World
): Complaint | null {
  const claim = trueClaim(rng, records, omitted) ?? falseClaim(rng, records)
  return claim ? build(rng, person, registryRow, records, claim, world) : null
}

function trueClaim(rng: Rng, records: readonly DoseRecord[], omitted: readonly Dose[]): Claim | null {
  const p = COMPLAINT_RATES.fileWhenWronged
  for (const dose of omitted) {
    if (rng.chance(p.missing_dose)) return { type: 'missing_dose', isTrue: true, dose: null, claimed: dose, recorded: null }
  }
  for (const r of records) {
    const first = r.rows[0]
    if (!first) continue
    if (first.tags.includes('vaccine_wrong') && rng.chance(p.wrong_vaccine)) {
      return { type: 'wrong_vaccine', isTrue: true, dose: r, claimed: r.dose, recorded: first }
    }
    if (first.tags.includes('dose_date_wrong') && rng.chance(p.wrong_date)) {
      return { type: 'wrong_date', isTrue: true, dose: r, claimed: r.dose, recorded: first }
    }
  }
  const wrongPersonal = records.some((r) => r.rows.some((row) => row.tags.some((t) => PERSONAL_ERRORS.includes(t))))
  if (wrongPersonal && rng.chance(p.wrong_personal_info)) {
    return { type: 'wrong_personal_info', isTrue: true, dose: null, claimed: null, recorded: null }
  }
  return null
}

function falseClaim(rng: Rng, records: readonly DoseRecord[]): Claim | null {
  if (records.length === 0 || !rng.chance(COMPLAINT_RATES.fileWhenRight)) return null
  const r = rng.pick(records)
  const first = r.rows[0]
  if (!first || first.tags.some((t) => t === 'vaccine_wrong' || t === 'dose_date_wrong')) return null
  const kind = rng.float()
  if (kind < 0.2) {
    // "My dose is missing" although it is recorded.
    return { type: 'missing_dose', isTrue: false, dose: r, claimed: r.dose, recorded: first }
  }
  if (kind < 0.4) {
    // A dose never given: one more than the person had.
    const last = records[records.length - 1]?.dose ?? r.dose
    const claimedDay = Math.min(CAMPAIGN_END, last.day + rng.range(21, 60))
    const claimed = { number: last.number + 1, day: claimedDay, vaccine: last.vaccine, site: last.site }
    return { type: 'missing_dose', isTrue: false, dose: null, claimed, recorded: null }
  }
  if (kind < 0.6) {
    const other = rng.pick((['ASTRAZENECA', 'PFIZER', 'MODERNA', 'VEROCELL'] as const).filter((v) => v !== r.dose.vaccine))
    return { type: 'wrong_vaccine', isTrue: false, dose: r, claimed: { ...r.dose, vaccine: other }, recorded: first }
  }
  if (kind < 0.8) {
    const shift = rng.pick([-1, 1]) * rng.range(7, 40)
    return { type: 'wrong_date', isTrue: false, dose: r, claimed: { ...r.dose, day: r.dose.day + shift }, recorded: first }
  }
  const clean = records.every((d) => d.rows.every((row) => !row.tags.some((t) => PERSONAL_ERRORS.includes(t))))
  return clean ? { type: 'wrong_personal_info', isTrue: false, dose: null, claimed: null, recorded: null } : null
}

function build(rng: Rng, person: Person, registryRow: number | null, records: readonly DoseRecord[], c: Claim, world: World): Complaint {
  const tags: string[] = []
  const n = COMPLAINT_NOISE
  let name = fullName(person.name)
  if (rng.chance(n.name_no_diacritics.p)) {
    name = stripDiacritics(name)
    tags.push('name_no_diacritics')
  }
  if (rng.chance(n.name_upper.p)) {
    name = name.toUpperCase()
    tags.push('name_upper')
  }
  let dob: string | Date = excelDate(person.dob)
  if (rng.chance(n.dob_text.p)) {
    dob = dmy(ymd(person.dob))
    tags.push('dob_text')
  }
  const id = noisyId(rng, person.cccd, person.cmnd, n, tags)
  // The portal needs a contact number: people without one give a relative's.
  const phone = noisyPhone(rng, person.phone ?? drawPhone(rng), n, tags)

  const refDay = c.claimed?.day ?? records[records.length - 1]?.dose.day ?? CAMPAIGN_END
  const from = Math.min(CAMPAIGN_END, Math.max(refDay + 1, day(2021, 10, 1)))
  const submittedDay = from + rng.int(CAMPAIGN_END - from + 1)
  const submittedMinute = submittedDay * 1440 + rng.range(6 * 60, 23 * 60 + 30)

  const claimed = c.claimed
  const evidence = c.type === 'wrong_personal_info' ? records.flatMap((r) => r.rows) : (c.dose?.rows ?? [])
  return {
    submittedMinute,
    personIndex: person.index,
    personKey: person.key,
    registryRow,
    isTrue: c.isTrue,
    type: c.type,
    tags,
    cells: [
      excelDate(0, submittedMinute),
      name,
      dob,
      id,
      COMPLAINT_LABEL[c.type],
      claimed?.number ?? null,
      claimed ? excelDate(claimed.day) : null,
      claimed ? VACCINES[claimed.vaccine].display : null,
      description(person, c, world),
      phone
    ],
    evidence: evidence.map(({ file, row }) => ({ file, row }))
  }
}

function description(person: Person, c: Claim, world: World): string {
  const claimed = c.claimed
  const recorded = c.recorded
  const date = (d: number) => dmy(ymd(d))
  switch (c.type) {
    case 'missing_dose': {
      const site = claimed ? world.sites[claimed.site]?.name : undefined
      const where = site ? ` tại ${site}` : ''
      return claimed
        ? `Tôi đã tiêm mũi ${claimed.number} vắc xin ${VACCINES[claimed.vaccine].display} ngày ${date(claimed.day)}${where} nhưng chưa được cập nhật trên hệ thống.`
        : 'Tôi đã tiêm nhưng chưa được cập nhật trên hệ thống.'
    }
    case 'wrong_vaccine':
      return `Mũi ${claimed?.number ?? ''} tôi tiêm vắc xin ${claimed ? VACCINES[claimed.vaccine].display : ''} nhưng hệ thống ghi ${recorded ? VACCINES[recorded.vaccine].display : 'khác'}.`
    case 'wrong_date':
      return `Mũi ${claimed?.number ?? ''} tôi tiêm ngày ${claimed ? date(claimed.day) : ''} nhưng hệ thống ghi ngày ${recorded ? date(recorded.day) : 'khác'}.`
    case 'wrong_personal_info':
      return `Thông tin cá nhân trên chứng nhận tiêm chủng bị sai. Thông tin đúng: ${fullName(person.name)}, sinh ngày ${date(person.dob)}.`
  }
}

export const COMPLAINT_COLUMNS = [
  { header: 'Mã phản ánh', width: 16 },
  { header: 'Thời gian gửi', width: 18, dateFormat: 'dd/mm/yyyy hh:mm' },
  { header: 'Họ và tên', width: 26 },
  { header: 'Ngày sinh', width: 12, dateFormat: 'dd/mm/yyyy' },
  { header: 'Số CCCD/CMND', width: 16 },
  { header: 'Loại phản ánh', width: 22 },
  { header: 'Mũi tiêm', width: 8 },
  { header: 'Ngày tiêm', width: 12, dateFormat: 'dd/mm/yyyy' },
  { header: 'Loại vắc xin', width: 14 },
  { header: 'Nội dung', width: 80 },
  { header: 'Số điện thoại', width: 14 }
] as const
