import type { PreparedDob } from '../prepare.ts'
import { oneDigitOrSwap } from '../text.ts'
import type { Comparison } from './types.ts'

const ymd = (d: PreparedDob): string => `${d.y}${String(d.m).padStart(2, '0')}${String(d.d).padStart(2, '0')}`

/**
 * Birth date. A year-only date that agrees is its own level: partial dates are common in
 * old records and are evidence, but weaker than a full match.
 */
export function dobLevel(a: PreparedDob | null, b: PreparedDob | null): number {
  if (!a || !b) return -1
  if (a.m === 0 || b.m === 0) return a.y === b.y ? 1 : 4
  if (a.y === b.y && a.m === b.m && a.d === b.d) return 0
  if (a.y === b.y && a.m === b.d && a.d === b.m) return 2
  return oneDigitOrSwap(ymd(a), ymd(b)) ? 3 : 4
}

export const birthDate: Comparison = {
  name: 'dob',
  field: 'birth_date',
  levels: ['exact', 'year_only', 'day_month_swapped', 'one_digit', 'different'],
  compare: (a, b) => dobLevel(a.dob, b.dob)
}
