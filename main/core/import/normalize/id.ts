import { provinceByCode } from '../../data/vn-admin.ts'
import type { CellValue } from '../readers/types.ts'
import type { FieldWarning } from './warning.ts'

export type IdKind = 'CCCD' | 'CMND' | 'PASSPORT' | 'OTHER'

export interface IdResult {
  value: string | null
  kind: IdKind | null
  warnings: FieldWarning[]
}

const DIGITS = /^\d+$/

/**
 * A national ID as typed: spaces and dots stripped, leading zeros that Excel dropped
 * (the ID stored as a number) restored, classified as CCCD (12 digits), CMND (9 digits),
 * passport (a letter and 7 digits) or OTHER (kept as is: foreign IDs are not errors).
 */
/**
 * `fromCsv`: a CSV holds no number cells, but one exported from a sheet whose IDs were
 * number cells writes them without their zeros ("1090001234"): digits-only text there is
 * read as a number cell would be.
 */
export function normalizeId(raw: CellValue, field = 'national_id', fromCsv = false): IdResult {
  const warnings: FieldWarning[] = []
  if (raw === null || typeof raw === 'boolean' || raw instanceof Date) {
    return raw === null ? { value: null, kind: null, warnings } : { value: null, kind: null, warnings: [{ field, code: 'ID_INVALID' }] }
  }
  // Most IDs are written as plain digits, which NFKC, the stripping and upper-casing leave as they are.
  const plainDigits = typeof raw === 'string' && DIGITS.test(raw)
  const numeric = typeof raw === 'number' || (fromCsv && (plainDigits || /^\s*\d+\s*$/.test(raw)))
  let s = typeof raw === 'number' ? (Number.isInteger(raw) ? raw.toFixed(0) : String(raw)) : raw
  if (!plainDigits)
    s = s
      .normalize('NFKC')
      .replace(/[\s.\-_'’‘"]/g, '')
      .toUpperCase()
  if (s === '') return { value: null, kind: null, warnings }
  if (plainDigits || DIGITS.test(s)) {
    // A number cell loses the zeros every CCCD starts with (its province code is 0NN).
    if ((numeric && (s.length === 10 || s.length === 11)) || (!numeric && s.length === 11)) {
      s = s.padStart(12, '0')
      warnings.push({ field, code: 'ID_LEADING_ZERO_RESTORED' })
    } else if (numeric && s.length === 8) {
      s = s.padStart(9, '0')
      warnings.push({ field, code: 'ID_LEADING_ZERO_RESTORED' })
    }
    if (s.length === 12) return { value: s, kind: 'CCCD', warnings }
    if (s.length === 9) return { value: s, kind: 'CMND', warnings }
    return { value: s, kind: 'OTHER', warnings }
  }
  if (/^[A-Z]\d{7}$/.test(s)) return { value: s, kind: 'PASSPORT', warnings }
  if (/^[A-Z0-9]{4,20}$/.test(s)) return { value: s, kind: 'OTHER', warnings }
  return { value: null, kind: null, warnings: [...warnings, { field, code: 'ID_INVALID' }] }
}

/**
 * The CCCD's own structure: 3 digits of province of birth registration, one digit for
 * gender and century (0/1 male/female born 1900s, 2/3 the 2000s, ...), then the last two
 * digits of the birth year. Mismatches are warnings: the registry is the judge.
 */
export function checkCccd(id: string, dob: string | null, gender: 'M' | 'F' | null): FieldWarning[] {
  const out: FieldWarning[] = []
  const province = id.slice(0, 3)
  if (!province.startsWith('0') || !provinceByCode.has(province.slice(1))) out.push({ field: 'national_id', code: 'CCCD_PROVINCE_UNKNOWN' })
  const g = Number(id[3])
  const centuryStart = 1900 + Math.floor(g / 2) * 100
  if (gender !== null && (g % 2 === 0 ? 'M' : 'F') !== gender) out.push({ field: 'national_id', code: 'CCCD_GENDER_MISMATCH' })
  if (dob !== null) {
    const year = Number(dob.slice(0, 4))
    if (year < centuryStart || year >= centuryStart + 100) out.push({ field: 'national_id', code: 'CCCD_CENTURY_MISMATCH' })
    else if (id.slice(4, 6) !== dob.slice(2, 4)) out.push({ field: 'national_id', code: 'CCCD_YEAR_MISMATCH' })
  }
  return out
}
