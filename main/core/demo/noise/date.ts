import { dmy, excelDate, isValidDate, day as dayOf, ymd, type Ymd } from '../days.ts'
import type { Rng } from '../../base/random.ts'

/** What goes into a date cell: a real date (Excel serial with a date format), text, or a bare year number. */
export type DateCell = { kind: 'date'; value: Date } | { kind: 'text'; value: string } | { kind: 'year'; value: number }

interface DobRates {
  dob_year_only: { p: number }
  dob_day_month_swapped: { p: number }
  dob_wrong_digit: { p: number }
  dob_year_digit?: { p: number }
  dob_jan_first?: { p: number }
  dob_text: { p: number }
}

/**
 * A birth date as one row writes it. At most one of year-only, swapped, a wrong digit in
 * the day or month, a wrong digit in the year, and 01/01 for an unknown day and month.
 */
export function noisyDob(rng: Rng, dob: number, rates: DobRates, tags: string[]): DateCell {
  const d = ymd(dob)
  let r = rng.float()
  const asText = rng.chance(rates.dob_text.p)
  const yearDigit = rates.dob_year_digit?.p ?? 0
  if (r < yearDigit) {
    tags.push('dob_year_digit')
    return dateCell(wrongDigit(rng, d, YEAR_DIGITS), asText, tags, 'dob_text')
  }
  r -= yearDigit
  const janFirst = rates.dob_jan_first?.p ?? 0
  if (r < janFirst) {
    if (d.day === 1 && d.month === 1) return dateCell(d, asText, tags, 'dob_text')
    tags.push('dob_jan_first')
    return dateCell({ year: d.year, month: 1, day: 1 }, asText, tags, 'dob_text')
  }
  r -= janFirst
  if (r < rates.dob_year_only.p) {
    tags.push('dob_year_only')
    return rng.chance(0.5) ? { kind: 'year', value: d.year } : { kind: 'text', value: String(d.year) }
  }
  if (r < rates.dob_year_only.p + rates.dob_day_month_swapped.p) {
    if (d.day === d.month) return dateCell(d, asText, tags, 'dob_text')
    tags.push('dob_day_month_swapped')
    const swapped = { year: d.year, month: d.day, day: d.month }
    if (!isValidDate(swapped.year, swapped.month, swapped.day)) {
      // "25/03/1985" becomes "03/25/1985", which only text can hold.
      tags.push('dob_text')
      return { kind: 'text', value: dmy(swapped) }
    }
    return dateCell(swapped, asText, tags, 'dob_text')
  }
  if (r < rates.dob_year_only.p + rates.dob_day_month_swapped.p + rates.dob_wrong_digit.p) {
    tags.push('dob_wrong_digit')
    return dateCell(wrongDigit(rng, d, DAY_MONTH_DIGITS), asText, tags, 'dob_text')
  }
  return dateCell(d, asText, tags, 'dob_text')
}

/** A dose date: a date cell, or text "dd/mm/yyyy" with the given probability. */
export function doseDateCell(rng: Rng, d: number, textP: number, tags: string[]): DateCell {
  return dateCell(ymd(d), rng.chance(textP), tags, 'dose_date_text')
}

function dateCell(d: Ymd, asText: boolean, tags: string[], textTag: string): DateCell {
  if (asText) {
    tags.push(textTag)
    return { kind: 'text', value: dmy(d) }
  }
  return { kind: 'date', value: excelDate(dayOf(d.year, d.month, d.day)) }
}

// Positions in ddmmyyyy: 0-1 day, 2-3 month, 6-7 the year's last two digits (centuries are rarely mistyped).
const DAY_MONTH_DIGITS = [0, 1, 2, 3] as const
const YEAR_DIGITS = [6, 7] as const
const ANY_DIGIT = [0, 1, 2, 3, 6, 7] as const

/** One digit of dd/mm/yyyy (at one of `positions`) changed so the date stays valid and plausible (born 1920–2009). */
export function wrongDigit(rng: Rng, d: Ymd, positions: readonly number[] = ANY_DIGIT): Ymd {
  for (let attempt = 0; attempt < 50; attempt++) {
    const digits = [...dmy(d).replace(/\//g, '')]
    const pos = rng.pick(positions)
    digits[pos] = String((Number(digits[pos]) + 1 + rng.int(9)) % 10)
    const s = digits.join('')
    const cand = { day: Number(s.slice(0, 2)), month: Number(s.slice(2, 4)), year: Number(s.slice(4, 8)) }
    if (isValidDate(cand.year, cand.month, cand.day) && cand.year >= 1920 && cand.year <= 2009) return cand
  }
  // Dates like 31/12 resist single-digit edits; a day (or a year) off is the same kind of slip.
  if (positions === YEAR_DIGITS)
    return { ...d, year: d.year > 1921 ? d.year - 1 : d.year + 1, day: d.month === 2 && d.day === 29 ? 28 : d.day }
  return ymd(dayOf(d.year, d.month, d.day) + (d.day > 1 ? -1 : 1))
}
