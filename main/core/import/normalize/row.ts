import { districtByCode, provinceByCode, wardByCode } from '../../data/vn-admin.ts'
import type { MappableField, SourceKind } from '../fields.ts'
import type { RejectReason } from '../codes.ts'
import type { CellValue } from '../readers/types.ts'
import { RECORD_SCHEMAS, type NormalizedRecord } from '../validate.ts'
import { resolveAddress } from './address.ts'
import { normalizeDate, normalizeDateTime } from './date.ts'
import { normalizeDoseNumber } from './dose.ts'
import { normalizeGender } from './gender.ts'
import { checkCccd, normalizeId } from './id.ts'
import { convertLegacy } from './legacy.ts'
import { joinName, normalizeName } from './name.ts'
import { normalizePhone } from './phone.ts'
import { cleanText } from '../../base/vn-text.ts'
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

const isBlank = (v: CellValue | undefined): boolean => v === null || v === undefined || (typeof v === 'string' && v.trim() === '')

/** Text fields: NFC, single spaces, legacy encodings converted. Numbers become their digits. */
function textField(v: CellValue, field: string, warnings: FieldWarning[]): string | null {
  if (v === null) return null
  let s = v instanceof Date ? v.toISOString().slice(0, 10) : typeof v === 'number' && Number.isInteger(v) ? v.toFixed(0) : String(v)
  s = cleanText(s)
  const legacy = convertLegacy(s)
  if (legacy) {
    // TCVN3's normal font has no capital toned letters: "ấp 2, xã..." gets its capitals back per part.
    s = cleanText(legacy.text).replace(/(^|, )(\p{Ll})/gu, (_m, sep: string, ch: string) => sep + ch.toLocaleUpperCase('vi'))
    warnings.push({ field, code: legacy.encoding === 'TCVN3' ? 'TEXT_FROM_TCVN3' : 'TEXT_FROM_VNI' })
  }
  return s === '' ? null : s
}

function adminCode(v: CellValue, len: number, known: ReadonlyMap<string, unknown>, field: string, warnings: FieldWarning[]): string | null {
  if (isBlank(v)) return null
  const s = (typeof v === 'number' ? v.toFixed(0) : String(v).trim()).padStart(len, '0')
  if (known.has(s)) return s
  warnings.push({ field, code: 'CODE_INVALID' })
  return null
}

/**
 * One spreadsheet row → a normalized record with warnings, a reject with its reason, or
 * "blank" (nothing in any mapped column: spacer rows and pre-numbered empty lines).
 */
export function normalizeRow(
  cells: CellValue[],
  cols: ColumnMap,
  kind: SourceKind,
  places = new AddressContext(),
  fromCsv = false
): RowOutcome {
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
  for (const idx of Object.values(cols)) if (idx?.some((i) => !isBlank(cells[i]))) any = true
  if (!any) return { status: 'blank' }

  const warnings: FieldWarning[] = []
  const rawName = get('full_name') ?? joinName(get('family_name'), get('given_name'))
  const name = normalizeName(rawName)
  if (name.invalid) return { status: 'rejected', reason: name.invalid }
  warnings.push(...name.warnings)

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
  warnings.push(...gender.warnings)
  const dob = normalizeDate(rawDob, { field: 'dob', allowYearOnly: true })
  warnings.push(...dob.warnings)

  const id = normalizeId(get('national_id'), 'national_id', fromCsv)
  // A row with no name is still worth keeping when an ID identifies the person.
  if (name.value === null) {
    if (id.value === null && get('old_national_id') === null) return { status: 'rejected', reason: 'MISSING_NAME' }
    warnings.push({ field: 'full_name', code: 'NAME_MISSING' })
  }
  warnings.push(...id.warnings)
  if (id.kind === 'CCCD' && id.value) warnings.push(...checkCccd(id.value, dob.value, gender.value))
  const oldId = normalizeId(get('old_national_id'), 'old_national_id', fromCsv)
  warnings.push(...oldId.warnings)
  const phone = normalizePhone(get('phone'))
  warnings.push(...phone.warnings)

  const address = textField(get('address'), 'address', warnings)
  let province_code = adminCode(get('province_code'), 2, provinceByCode, 'province_code', warnings)
  let district_code = adminCode(get('district_code'), 3, districtByCode, 'district_code', warnings)
  let ward_code = adminCode(get('ward_code'), 5, wardByCode, 'ward_code', warnings)
  if (address !== null && province_code === null && district_code === null && ward_code === null) {
    const codes = resolveAddress(address, places.district)
    ;({ province_code, district_code, ward_code } = codes)
    warnings.push(...codes.warnings)
    places.observe(district_code)
  }

  const base = {
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
    ward_code
  }
  let record: Record<string, unknown>
  if (kind === 'registry') {
    record = {
      ...base,
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
  } else {
    const vaccine = normalizeVaccine(get('vaccine'))
    const dose = normalizeDoseNumber(get('dose_number'))
    const doseDate = normalizeDate(get('dose_date'), { field: 'dose_date', allowYearOnly: false })
    warnings.push(...vaccine.warnings, ...dose.warnings, ...doseDate.warnings)
    const lot = textField(get('lot'), 'lot', warnings)
    if (kind === 'site' && get('vaccine') === null && get('dose_number') === null && get('dose_date') === null && lot === null) {
      warnings.push({ field: 'dose', code: 'SITE_NO_DOSE' })
    }
    record = {
      ...base,
      vaccine: vaccine.value,
      lot,
      dose_number: dose.value,
      dose_date: doseDate.value,
      site_name: textField(get('site_name'), 'site_name', warnings)
    }
    if (kind === 'complaint') {
      const complaintId = textField(get('complaint_id'), 'complaint_id', warnings)
      if (complaintId === null) warnings.push({ field: 'complaint_id', code: 'COMPLAINT_NO_ID' })
      const submitted = normalizeDateTime(get('submitted_at'), { field: 'submitted_at', allowYearOnly: false })
      warnings.push(...submitted.warnings)
      record = {
        ...record,
        complaint_id: complaintId,
        submitted_at: submitted.value,
        complaint_type: textField(get('complaint_type'), 'complaint_type', warnings),
        description: textField(get('description'), 'description', warnings)
      }
    } else record = { ...record, complaint_id: null, submitted_at: null, complaint_type: null, description: null }
  }
  const parsed = RECORD_SCHEMAS[kind].safeParse(record)
  if (!parsed.success) return { status: 'rejected', reason: 'INVALID_RECORD' }
  return { status: 'ok', record: parsed.data, warnings }
}
