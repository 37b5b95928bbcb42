import type { PreparedDob } from '../prepare.ts'
import { oneDigitOrSwap } from '../../base/similarity.ts'
import type { Comparison } from './types.ts'

const ymd = (d: PreparedDob): string => `${d.y}${String(d.m).padStart(2, '0')}${String(d.d).padStart(2, '0')}`

const janFirst = (d: PreparedDob): boolean => d.m === 1 && d.d === 1

/**
 * Birth date. A year-only date that agrees is its own level: partial dates are common in
 * old records and are evidence, but weaker than a full match. So is 1 January against
 * another day of the same year: offices and sites write 01/01 when they know only the
 * year, so the date says no more than the year; how often that happens EM learns.
 */
export function dobLevel(a: PreparedDob | null, b: PreparedDob | null): number {
  if (!a || !b) return -1
  if (a.m === 0 || b.m === 0) return a.y === b.y ? 1 : 5
  if (a.y === b.y && a.m === b.m && a.d === b.d) return 0
  if (a.y === b.y && a.m === b.d && a.d === b.m) return 2
  if (oneDigitOrSwap(ymd(a), ymd(b))) return 3
  return a.y === b.y && (janFirst(a) || janFirst(b)) ? 4 : 5
}

export const birthDate: Comparison = {
  name: 'dob',
  field: 'birth_date',
  levels: ['exact', 'year_only', 'day_month_swapped', 'one_digit', 'jan_first', 'different'],
  compare: (a, b) => dobLevel(a.dob, b.dob)
}
