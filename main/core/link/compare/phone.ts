import { oneDigitOrSwap } from '../../base/similarity.ts'
import type { Comparison } from './types.ts'

/** Phones arrive normalized to 10 digits; a mistyped digit is a level of its own. */
export const phone: Comparison = {
  name: 'phone',
  field: 'phone',
  levels: ['exact', 'typo', 'different'],
  compare(a, b) {
    if (!a.phone || !b.phone) return -1
    if (a.phone === b.phone) return 0
    return oneDigitOrSwap(a.phone, b.phone) ? 1 : 2
  }
}
