/**
 * The one place the renderer turns dates, times, numbers and genders into text. Every page
 * shows them the same way, in Vietnam's time (Asia/Ho_Chi_Minh, UTC+7 all year) whatever
 * the PC's own clock zone is: dates dd/mm/yyyy, partial dates mm/yyyy or yyyy, date-times
 * dd/mm/yyyy HH:mm, numbers by language (vi 1.234,5; en 1,234.5), gender Nam/Nữ.
 * The lint rule in eslint.config.js refuses Intl, toLocale*String and toISOString elsewhere
 * in the renderer. The core writes files with the same rules (main/core/export/vn-format.ts).
 */
export type FormatLang = 'vi' | 'en'

const VN_TIME_ZONE = 'Asia/Ho_Chi_Minh'
const clock = new Intl.DateTimeFormat('en-GB', {
  timeZone: VN_TIME_ZONE,
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23'
})

const NUMBER_LOCALE: Record<FormatLang, string> = { vi: 'vi-VN', en: 'en-US' }
const numberFormats = new Map<string, Intl.NumberFormat>()

function numberFormat(lang: FormatLang, digits: number): Intl.NumberFormat {
  const key = `${lang}:${digits}`
  let f = numberFormats.get(key)
  if (!f) {
    f = new Intl.NumberFormat(NUMBER_LOCALE[lang], { minimumFractionDigits: digits, maximumFractionDigits: digits })
    numberFormats.set(key, f)
  }
  return f
}

function instant(at: string | number | Date): Date | null {
  const d = at instanceof Date ? at : new Date(at)
  return Number.isNaN(d.getTime()) ? null : d
}

/** An instant as dd/mm/yyyy HH:mm on Vietnam's clock; text that is no instant comes back as it is. */
export function formatDateTime(at: string | number | Date | null | undefined): string {
  if (at === null || at === undefined || at === '') return ''
  const d = instant(at)
  if (!d) return String(at)
  const p = Object.fromEntries(clock.formatToParts(d).map((x) => [x.type, x.value]))
  return `${p['day']}/${p['month']}/${p['year']} ${p['hour']}:${p['minute']}`
}

/** The Vietnamese calendar day of an instant, dd/mm/yyyy. */
export function formatDay(at: string | number | Date | null | undefined): string {
  return formatDateTime(at).slice(0, 10)
}

const STORED_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/
const WALL_CLOCK = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?$/
const WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/

/**
 * A stored value as a clerk reads it. Calendar dates (yyyy-mm-dd) become dd/mm/yyyy, a
 * month mm/yyyy and a year stays a year; a Vietnamese wall-clock time (yyyy-mm-dd HH:mm, as
 * complaints keep their submission) becomes dd/mm/yyyy HH:mm; an instant with its zone is
 * shown on Vietnam's clock. Anything else is not a date and comes back as it is.
 */
export function formatDateValue(v: string | null | undefined): string {
  if (v === null || v === undefined) return ''
  const s = v.trim()
  const d = STORED_DATE.exec(s)
  if (d) return d[3] ? `${d[3]}/${d[2]}/${d[1]}` : d[2] ? `${d[2]}/${d[1]}` : (d[1] ?? s)
  const w = WALL_CLOCK.exec(s)
  if (w) return `${w[3]}/${w[2]}/${w[1]} ${w[4]}:${w[5]}`
  if (WITH_ZONE.test(s)) return formatDateTime(s)
  return v
}

/**
 * What a clerk types into a date field, as the stored value: dd/mm/yyyy (or d/m/yyyy, with
 * / . or - between), mm/yyyy, yyyy; a stored yyyy-mm-dd is taken too. null when it is none
 * of these or no real day (31/02/1964).
 */
export function parseDateInput(text: string): string | null {
  const s = text.trim()
  if (STORED_DATE.test(s)) return s
  const full = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s)
  if (full) {
    const [day, month, year] = [Number(full[1]), Number(full[2]), Number(full[3])]
    const probe = new Date(Date.UTC(year, month - 1, day))
    if (probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) return null
    return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
  }
  const partial = /^(\d{1,2})[/.-](\d{4})$/.exec(s)
  if (partial && Number(partial[1]) >= 1 && Number(partial[1]) <= 12) return `${partial[2]}-${partial[1]?.padStart(2, '0')}`
  return null
}

/** A count or measure by language: vi 1.234,5 · en 1,234.5; `digits` decimals (0 by default). */
export function formatNumber(n: number | null | undefined, lang: FormatLang, digits = 0): string {
  if (n === null || n === undefined || Number.isNaN(n)) return ''
  return numberFormat(lang, digits).format(n)
}

/** A share 0..1 as a whole percentage: 47%. */
export function formatPercent(share: number, lang: FormatLang): string {
  return `${formatNumber(Math.round(share * 100), lang)}%`
}

const GENDER: Record<FormatLang, Record<string, string>> = {
  vi: { M: 'Nam', F: 'Nữ' },
  en: { M: 'Male', F: 'Female' }
}

/** The stored M/F as clerks write it: Nam/Nữ (Male/Female); anything else as it is. */
export function formatGender(v: string | null | undefined, lang: FormatLang): string {
  if (v === null || v === undefined) return ''
  return GENDER[lang][v.trim().toUpperCase()] ?? v
}

const DATE_FIELDS = new Set(['dob', 'dose_date', 'previous_dose_date', 'submitted_at', 'date'])

/** A field's stored value as shown: dates and genders formatted, the rest as it is. */
export function formatFieldValue(field: string, v: string | null | undefined, lang: FormatLang): string {
  if (v === null || v === undefined) return ''
  if (field === 'gender') return formatGender(v, lang)
  if (DATE_FIELDS.has(field)) return formatDateValue(v)
  return v
}

/**
 * Where each character of a stored date sits once formatted, so the review grid's marks of
 * differing characters still land on the right digits (1997-05-08 → 08/05/1997).
 */
export function dateCharMap(v: string): number[] | null {
  if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return [6, 7, 8, 9, 5, 3, 4, 2, 0, 1]
  if (/^\d{4}-\d{2}$/.test(v)) return [3, 4, 5, 6, 2, 0, 1]
  return null
}

/** A stored value's marked ranges moved to where its characters sit once formatted. */
export function formattedRanges(
  field: string,
  v: string | null,
  ranges: readonly (readonly [number, number])[],
  lang: FormatLang
): (readonly [number, number])[] {
  const map = v !== null && DATE_FIELDS.has(field) ? dateCharMap(v) : null
  if (!map) return field === 'gender' ? (ranges.length ? [[0, formatGender(v, lang).length]] : []) : [...ranges]
  const marked = new Set<number>()
  for (const [a, b] of ranges) for (let i = a; i < b; i++) if (map[i] !== undefined) marked.add(map[i] as number)
  const out: [number, number][] = []
  for (const i of [...marked].sort((x, y) => x - y)) {
    const last = out[out.length - 1]
    if (last && last[1] === i) last[1] = i + 1
    else out.push([i, i + 1])
  }
  return out
}
