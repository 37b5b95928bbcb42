import { now, vnDateIso, VN_OFFSET_MS } from '../../base/clock.ts'
import type { CellValue } from '../readers/types.ts'
import type { FieldWarning } from './warning.ts'

/**
 * Dates as clerks type them. The result is YYYY-MM-DD, or YYYY when only the year is
 * known: a partial date stays partial, it is never invented as 1 January.
 */
export interface DateResult {
  value: string | null
  warnings: FieldWarning[]
}

export interface DateOptions {
  field: string
  /** Birth dates may be a bare year; dose dates and complaint dates may not. */
  allowYearOnly: boolean
  /** Now, for the plausibility window (injected by tests); its date is taken in Vietnam. */
  today?: Date
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0')

let todayCache = { at: 0, fixed: '' as string | undefined, iso: '' }
/**
 * Today in Vietnam as YYYY-MM-DD (whatever the PC's clock zone), recomputed at most once a
 * minute or when VAXRECON_NOW changes: it is asked for every date of every row.
 */
let givenToday: { at: Date; iso: string } | null = null
function todayIso(today: Date | undefined): string {
  if (today) {
    // An import passes the same Date (its start) for every row.
    if (givenToday?.at !== today) givenToday = { at: today, iso: vnDateIso(today) }
    return givenToday.iso
  }
  const at = Date.now()
  const fixed = process.env.VAXRECON_NOW
  if (at - todayCache.at > 60_000 || fixed !== todayCache.fixed) todayCache = { at, fixed, iso: vnDateIso(now()) }
  return todayCache.iso
}
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30)
const DAY_MS = 86_400_000

function isRealDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false
  const dt = new Date(Date.UTC(y, m - 1, d))
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d
}

function century(yy: number, field: string, thisYear: number): number {
  // A two-digit birth year in the future is last century; dose dates are this century.
  const nowYY = thisYear % 100
  if (field === 'dob') return yy > nowYY ? 1900 + yy : 2000 + yy
  return 2000 + yy
}

export function normalizeDate(raw: CellValue, opts: DateOptions): DateResult {
  const { field } = opts
  const todayStr = todayIso(opts.today)
  const thisYear = Number(todayStr.slice(0, 4))
  const warnings: FieldWarning[] = []
  const bad = (code: string): DateResult => ({ value: null, warnings: [...warnings, { field, code }] })
  const ymd = (y: number, m: number, d: number): DateResult => {
    if (!isRealDate(y, m, d)) return bad('DATE_INVALID')
    const value = `${y}-${pad(m)}-${pad(d)}`
    if (y < 1900 || value > todayStr) return bad('DATE_OUT_OF_RANGE')
    return { value, warnings }
  }
  const yearOnly = (y: number): DateResult => {
    if (!opts.allowYearOnly) return bad('DATE_YEAR_ONLY')
    if (y < 1900 || y > thisYear) return bad('DATE_OUT_OF_RANGE')
    return { value: String(y), warnings }
  }

  if (raw === null || raw === '') return { value: null, warnings }
  if (typeof raw === 'boolean') return bad('DATE_INVALID')
  if (raw instanceof Date) {
    if (Number.isNaN(raw.getTime())) return bad('DATE_INVALID')
    if (opts.allowYearOnly) {
      // "1972" typed into a date-formatted column shows as 25/05/1905 (1904 system: 26/05/1909).
      const serial = raw.getTime() / DAY_MS + 25569
      for (const s of [serial, serial - 1462]) {
        if (Number.isInteger(s) && s >= 1900 && s <= thisYear) {
          const r = yearOnly(s)
          return { value: r.value, warnings: [...r.warnings, { field, code: 'DATE_YEAR_IN_DATE_CELL' }] }
        }
      }
    }
    // Date cells are read as UTC instants; a time of day (from a serial with a fraction) is dropped.
    const t = new Date(raw.getTime() + 1000) // absorbs the rounding of serial fractions
    return ymd(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate())
  }
  if (typeof raw === 'number') {
    if (Number.isInteger(raw) && raw >= 1000 && raw <= 2200) return yearOnly(raw)
    if (Number.isInteger(raw) && raw >= 10_000_000 && raw <= 99_999_999) return normalizeDate(String(raw), opts)
    if (raw >= 1 && raw < 2_958_466) {
      // An Excel serial typed into a General cell. Serial 60 is Excel's phantom 29/02/1900.
      const days = Math.floor(raw + 1e-9)
      const t = new Date(EXCEL_EPOCH_MS + (days < 61 ? days + 1 : days) * DAY_MS)
      return ymd(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate())
    }
    return bad('DATE_INVALID')
  }

  const s = raw.trim().replace(/\s+/g, ' ')
  if (s === '') return { value: null, warnings }
  let m: RegExpMatchArray | null
  if ((m = s.match(/^(\d{4})$/))) return yearOnly(Number(m[1]))
  // "00/00/1965", "00/05/1965": day (and month) unknown, the year is known.
  if ((m = s.match(/^0{1,2}[-/.](\d{1,2})[-/.](\d{4})$/)) && Number(m[1]) <= 12) {
    const r = yearOnly(Number(m[2]))
    return r.value === null ? r : { value: r.value, warnings: [...r.warnings, { field, code: 'DATE_DAY_MONTH_UNKNOWN' }] }
  }
  // An Excel day number exported as text (a CSV of a date cell saved as General): 10000 is 1927, 73000 is 2099.
  if ((m = s.match(/^(\d{5})(?:\.\d+)?$/)) && Number(m[1]) >= 10_000 && Number(m[1]) <= 73_000) {
    const r = normalizeDate(Number(s), { ...opts, allowYearOnly: false })
    return r.value === null ? r : { value: r.value, warnings: [...r.warnings, { field, code: 'DATE_FROM_SERIAL' }] }
  }
  if ((m = s.match(/^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/)))
    return ymd(Number(m[1]), Number(m[2]), Number(m[3]))
  if ((m = s.match(/^(\d{8})$/))) {
    const digits = m[1] ?? ''
    const [y, mo, d] = [Number(digits.slice(0, 4)), Number(digits.slice(4, 6)), Number(digits.slice(6, 8))]
    if (y >= 1900 && isRealDate(y, mo, d)) return ymd(y, mo, d)
    // ddmmyyyy, as some registry extracts write it.
    const y2 = Number(digits.slice(4, 8))
    if (y2 < 1900 || y2 > 2100) return bad('DATE_INVALID')
    return ymd(y2, Number(digits.slice(2, 4)), Number(digits.slice(0, 2)))
  }
  if ((m = s.match(/^(\d{1,2})[-/.](\d{1,2})[-/.](\d{2}|\d{4})(?: \d{1,2}:\d{2}(?::\d{2})?)?$/))) {
    let d = Number(m[1])
    let mo = Number(m[2])
    const yRaw = m[3] ?? ''
    const y = yRaw.length === 2 ? century(Number(yRaw), field, thisYear) : Number(yRaw)
    if (d <= 12 && mo <= 12 && d !== mo) {
      // Vietnam writes day first; when both orders are real dates, say so.
      warnings.push({ field, code: 'DATE_AMBIGUOUS_DAY_MONTH' })
    } else if (mo > 12 && d <= 12) {
      ;[d, mo] = [mo, d]
      warnings.push({ field, code: 'DATE_MONTH_FIRST' })
    }
    return ymd(y, mo, d)
  }
  // Month and year only: the year is what we know for sure.
  if ((m = s.match(/^(\d{1,2})[-/.](\d{4})$/)) && Number(m[1]) >= 1 && Number(m[1]) <= 12) {
    const r = yearOnly(Number(m[2]))
    return r.value === null ? r : { value: r.value, warnings: [...r.warnings, { field, code: 'DATE_MONTH_DROPPED' }] }
  }
  // "ngày 05 tháng 3 năm 1990"
  if ((m = s.normalize('NFC').match(/^ng[aà]y (\d{1,2}) th[aá]ng (\d{1,2}) n[aă]m (\d{4})$/i)))
    return ymd(Number(m[3]), Number(m[2]), Number(m[1]))
  return bad('DATE_INVALID')
}

/**
 * A date with its time of day where the cell has one, as `YYYY-MM-DD HH:MM` (the wall
 * clock as written: Vietnam time unless it names a zone, which is then converted to
 * UTC+7), or `YYYY-MM-DD` without one. Complaint deadlines run 48 hours from this
 * moment, so dropping the time would make every complaint look hours later than it is.
 */
export function normalizeDateTime(raw: CellValue, opts: DateOptions): DateResult {
  const hhmm = (h: number, m: number) => `${pad(h)}:${pad(m)}`
  const withTime = (date: DateResult, time: string | null): DateResult =>
    date.value === null || time === null || date.value.length !== 10 ? date : { value: `${date.value} ${time}`, warnings: date.warnings }
  if (raw instanceof Date && !Number.isNaN(raw.getTime())) {
    const t = new Date(raw.getTime() + 1000) // absorbs the rounding of serial fractions
    const midnight = t.getUTCHours() === 0 && t.getUTCMinutes() === 0
    return withTime(normalizeDate(raw, opts), midnight ? null : hhmm(t.getUTCHours(), t.getUTCMinutes()))
  }
  if (typeof raw === 'number' && raw >= 1 && raw < 2_958_466 && !Number.isInteger(raw)) {
    const minutes = Math.round((raw - Math.floor(raw)) * 1440)
    return withTime(normalizeDate(raw, opts), minutes === 0 || minutes === 1440 ? null : hhmm(Math.floor(minutes / 60), minutes % 60))
  }
  if (typeof raw !== 'string') return normalizeDate(raw, opts)
  const s = raw.trim().replace(/\s+/g, ' ')
  // A named zone: the instant, shown on Vietnam's clock.
  const zoned = s.match(/^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(Z|[+-]\d{2}:?\d{2})$/i)
  if (zoned) {
    const ms = Date.parse(`${zoned[1]}T${zoned[2]}${zoned[3]}`)
    if (Number.isNaN(ms)) return normalizeDate(raw, opts)
    const vn = new Date(ms + VN_OFFSET_MS)
    return withTime(normalizeDate(vn.toISOString().slice(0, 10), opts), hhmm(vn.getUTCHours(), vn.getUTCMinutes()))
  }
  // The time after the date ("05/10/2021 14:30", "2021-10-05T14:30:00") or before it ("14:30 05/10/2021").
  const after = s.match(/^(.*\d)[ T](\d{1,2}):(\d{2})(?::\d{2}(?:\.\d+)?)?$/)
  const before = s.match(/^(\d{1,2}):(\d{2})(?::\d{2})? (.+)$/)
  const [datePart, h, m] = after ? [after[1], after[2], after[3]] : before ? [before[3], before[1], before[2]] : [s, undefined, undefined]
  const date = normalizeDate(datePart ?? s, opts)
  if (h === undefined || m === undefined) return date
  if (Number(h) > 23 || Number(m) > 59) return { value: null, warnings: [...date.warnings, { field: opts.field, code: 'DATE_INVALID' }] }
  return withTime(date, Number(h) === 0 && Number(m) === 0 ? null : hhmm(Number(h), Number(m)))
}
