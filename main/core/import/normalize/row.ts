import { districtByCode, provinceByCode, wardByCode } from '../../data/vn-admin.ts'
import type { MappableField, SourceKind } from '../fields.ts'
import type { RejectReason } from '../codes.ts'
import type { CellValue } from '../readers/types.ts'
import { isValidRecord, type NormalizedRecord } from '../validate.ts'
import { resolveAddress } from './address.ts'
import { normalizeDate, normalizeDateTime, type DateResult } from './date.ts'
import { normalizeDoseNumber } from './dose.ts'
import { normalizeGender } from './gender.ts'
import { checkCccd, normalizeId } from './id.ts'
import { convertLegacy } from './legacy.ts'
import { joinName, normalizeName } from './name.ts'
import { normalizePhone } from './phone.ts'
import { cleanText } from '../../base/vn-text.ts'
import { now } from '../../base/clock.ts'
import { CellMemo } from './cell-memo.ts'
import { normalizeVaccine } from './vaccine.ts'
import type { FieldWarning } from './warning.ts'

export type ColumnMap = Partial<Record<MappableField, number[]>>

/**
 * The district most addresses of this file resolved to so far: site lists often write
 * only "…, Phường 2", which is ambiguous nationally but not within the site's district.
 */
export class AddressContext {
  private readonly counts = new Map<string, number>()
  private best: string | null = null

  observe(district: string | null): void {
    if (!district) return
    const n = (this.counts.get(district) ?? 0) + 1
    this.counts.set(district, n)
    if (this.best === null || n > (this.counts.get(this.best) ?? 0)) this.best = district
  }

  get district(): string | null {
    return this.best
  }
}

export type RowOutcome =
  { status: 'blank' } | { status: 'ok'; record: NormalizedRecord; warnings: FieldWarning[] } | { status: 'rejected'; reason: RejectReason }

/**
 * Is this character outside what String.prototype.trim removes? Every code below U+1680
 * but the ASCII spaces and controls and U+00A0 is: a text that starts with one is not
 * blank, and that is told without trimming it (trimming every mapped cell of every row,
 * twice, was a tenth of normalization: CPU profile, 200,000 rows).
 */
const surelyNotSpace = (c: number): boolean => (c > 0x20 && c < 0xa0) || (c > 0xa0 && c < 0x1680)
const isBlank = (v: CellValue | undefined): boolean =>
  v === null || v === undefined || (typeof v === 'string' && !surelyNotSpace(v.charCodeAt(0)) && v.trim() === '')

/** A text field's value and the warning its conversion from a legacy encoding gave, if any. */
interface TextResult {
  value: string | null
  warning: FieldWarning | null
}

/** Text fields: NFC, single spaces, legacy encodings converted. Numbers become their digits. */
function textField(v: CellValue, field: string): TextResult {
  if (v === null) return { value: null, warning: null }
  let s = v instanceof Date ? v.toISOString().slice(0, 10) : typeof v === 'number' && Number.isInteger(v) ? v.toFixed(0) : String(v)
  s = cleanText(s)
  let warning: FieldWarning | null = null
  const legacy = convertLegacy(s)
  if (legacy) {
    // TCVN3's normal font has no capital toned letters: "ấp 2, xã..." gets its capitals back per part.
    s = cleanText(legacy.text).replace(/(^|, )(\p{Ll})/gu, (_m, sep: string, ch: string) => sep + ch.toLocaleUpperCase('vi'))
    warning = { field, code: legacy.encoding === 'TCVN3' ? 'TEXT_FROM_TCVN3' : 'TEXT_FROM_VNI' }
  }
  return { value: s === '' ? null : s, warning }
}

function adminCode(v: CellValue, len: number, known: ReadonlyMap<string, unknown>, field: string, warnings: FieldWarning[]): string | null {
  if (isBlank(v)) return null
  const s = (typeof v === 'number' ? v.toFixed(0) : String(v).trim()).padStart(len, '0')
  if (known.has(s)) return s
  warnings.push({ field, code: 'CODE_INVALID' })
  return null
}

/**
 * Normalizes the rows of one file: its column map, its kind, the district its addresses
 * point to so far, and "today" (in Vietnam) fixed when the import starts. Fields whose
 * value depends on the cell alone (names, dates, text) are remembered per cell value
 * (`CellMemo`): the same answers, without redoing the work for every repeated cell.
 */
export class RowNormalizer {
  private readonly cols: ColumnMap
  private readonly kind: SourceKind
  private readonly places: AddressContext
  private readonly fromCsv: boolean
  /** Every mapped column, for the blank-row test. */
  private readonly mapped: number[]
  private readonly names = new CellMemo((v) => normalizeName(v))
  private readonly dobs: CellMemo<DateResult>
  private readonly doseDates: CellMemo<DateResult>
  private readonly today: Date
  private readonly texts = new Map<string, CellMemo<TextResult>>()

  constructor(cols: ColumnMap, kind: SourceKind, places = new AddressContext(), fromCsv = false, today: Date = now()) {
    this.cols = cols
    this.kind = kind
    this.places = places
    this.fromCsv = fromCsv
    this.today = today
    this.mapped = Object.values(cols).flatMap((idx) => idx ?? [])
    this.dobs = new CellMemo((v) => normalizeDate(v, { field: 'dob', allowYearOnly: true, today }))
    this.doseDates = new CellMemo((v) => normalizeDate(v, { field: 'dose_date', allowYearOnly: false, today }))
  }

  private text(v: CellValue, field: string, warnings: FieldWarning[]): string | null {
    let memo = this.texts.get(field)
    if (!memo) this.texts.set(field, (memo = new CellMemo((c) => textField(c, field))))
    const r = memo.get(v)
    if (r.warning) warnings.push(r.warning)
    return r.value
  }

  /**
   * One spreadsheet row → a normalized record with warnings, a reject with its reason, or
   * "blank" (nothing in any mapped column: spacer rows and pre-numbered empty lines).
   */
  row(cells: CellValue[]): RowOutcome {
    const { cols, kind, places, fromCsv } = this
    const get = (f: MappableField): CellValue => {
      const idx = cols[f]
      if (!idx || idx.length === 0) return null
      if (idx.length === 1) {
        const v = cells[idx[0] ?? -1]
        return isBlank(v) ? null : (v ?? null)
      }
      const parts = idx
        .map((i) => cells[i])
        .filter((v) => !isBlank(v))
        .map((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v).trim()))
      return parts.length === 0 ? null : parts.join(f === 'address' ? ', ' : ' ')
    }
    let any = false
    for (const i of this.mapped) {
      if (!isBlank(cells[i])) {
        any = true
        break
      }
    }
    if (!any) return { status: 'blank' }

    const warnings: FieldWarning[] = []
    const rawName = get('full_name') ?? joinName(get('family_name'), get('given_name'))
    const name = this.names.get(rawName)
    if (name.invalid) return { status: 'rejected', reason: name.invalid }
    for (const w of name.warnings) warnings.push(w)

    let gender = normalizeGender(get('gender'))
    let rawDob = get('dob')
    if (rawDob === null) {
      // "Ngày sinh | Nam | Nữ": the column holding the date gives the gender.
      const male = get('dob_male')
      const female = get('dob_female')
      rawDob = male ?? female
      if (gender.value === null && cols.gender === undefined && (male !== null) !== (female !== null))
        gender = { value: male !== null ? 'M' : 'F', warnings: [] }
    }
    for (const w of gender.warnings) warnings.push(w)
    const dob = this.dobs.get(rawDob)
    for (const w of dob.warnings) warnings.push(w)

    const id = normalizeId(get('national_id'), 'national_id', fromCsv)
    // A row with no name is still worth keeping when an ID identifies the person.
    if (name.value === null) {
      if (id.value === null && get('old_national_id') === null) return { status: 'rejected', reason: 'MISSING_NAME' }
      warnings.push({ field: 'full_name', code: 'NAME_MISSING' })
    }
    for (const w of id.warnings) warnings.push(w)
    if (id.kind === 'CCCD' && id.value) for (const w of checkCccd(id.value, dob.value, gender.value)) warnings.push(w)
    const oldId = normalizeId(get('old_national_id'), 'old_national_id', fromCsv)
    for (const w of oldId.warnings) warnings.push(w)
    const phone = normalizePhone(get('phone'))
    for (const w of phone.warnings) warnings.push(w)

    const address = this.text(get('address'), 'address', warnings)
    let province_code = adminCode(get('province_code'), 2, provinceByCode, 'province_code', warnings)
    let district_code = adminCode(get('district_code'), 3, districtByCode, 'district_code', warnings)
    let ward_code = adminCode(get('ward_code'), 5, wardByCode, 'ward_code', warnings)
    if (address !== null && province_code === null && district_code === null && ward_code === null) {
      const codes = resolveAddress(address, places.district)
      ;({ province_code, district_code, ward_code } = codes)
      for (const w of codes.warnings) warnings.push(w)
      places.observe(district_code)
    }

    const record: NormalizedRecord = {
      full_name: name.value,
      dob: dob.value,
      gender: gender.value,
      national_id: id.value,
      id_kind: id.kind,
      old_national_id: oldId.value,
      phone: phone.value,
      address,
      province_code,
      district_code,
      ward_code,
      vaccine: null,
      lot: null,
      dose_number: null,
      dose_date: null,
      site_name: null,
      complaint_id: null,
      submitted_at: null,
      complaint_type: null,
      description: null
    }
    if (kind !== 'registry') {
      const vaccine = normalizeVaccine(get('vaccine'))
      const dose = normalizeDoseNumber(get('dose_number'))
      const doseDate = this.doseDates.get(get('dose_date'))
      for (const w of vaccine.warnings) warnings.push(w)
      for (const w of dose.warnings) warnings.push(w)
      for (const w of doseDate.warnings) warnings.push(w)
      const lot = this.text(get('lot'), 'lot', warnings)
      if (kind === 'site' && get('vaccine') === null && get('dose_number') === null && get('dose_date') === null && lot === null) {
        warnings.push({ field: 'dose', code: 'SITE_NO_DOSE' })
      }
      record.vaccine = vaccine.value
      record.lot = lot
      record.dose_number = dose.value
      record.dose_date = doseDate.value
      record.site_name = this.text(get('site_name'), 'site_name', warnings)
      if (kind === 'complaint') {
        const complaintId = this.text(get('complaint_id'), 'complaint_id', warnings)
        if (complaintId === null) warnings.push({ field: 'complaint_id', code: 'COMPLAINT_NO_ID' })
        const submitted = normalizeDateTime(get('submitted_at'), { field: 'submitted_at', allowYearOnly: false, today: this.today })
        for (const w of submitted.warnings) warnings.push(w)
        record.complaint_id = complaintId
        record.submitted_at = submitted.value
        record.complaint_type = this.text(get('complaint_type'), 'complaint_type', warnings)
        record.description = this.text(get('description'), 'description', warnings)
      }
    }
    if (!isValidRecord(kind, record)) return { status: 'rejected', reason: 'INVALID_RECORD' }
    return { status: 'ok', record, warnings }
  }
}

/** One row on its own (an edit, a preview): see `RowNormalizer.row`. */
export function normalizeRow(
  cells: CellValue[],
  cols: ColumnMap,
  kind: SourceKind,
  places = new AddressContext(),
  fromCsv = false
): RowOutcome {
  return new RowNormalizer(cols, kind, places, fromCsv).row(cells)
}
