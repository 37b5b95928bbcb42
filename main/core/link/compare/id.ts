import type { Prepared } from '../prepare.ts'
import { oneDigitOrSwap } from '../../base/similarity.ts'
import { cccdAgrees } from './cccd.ts'
import type { Comparison } from './types.ts'

/**
 * National identifiers, old and new. Levels:
 * - exact: the same current ID;
 * - crosswalk: one side's ID is the other's old one (a 9-digit CMND replaced by a 12-digit
 *   CCCD, linked through the registry's old-CMND column);
 * - typo: one digit off or two adjacent digits swapped, where, for a CCCD, the birth year
 *   and gender embedded in one of the two IDs agree with the other record. A slip in the
 *   year digits still reads as a typo (the other ID agrees with this record); two people
 *   born in different years whose IDs happen to be one digit apart read as a conflict;
 * - not_own: comparable IDs that disagree, where a CCCD's embedded birth year or gender
 *   contradicts its own record: the ID on that row is probably someone else's (copied
 *   from the row above, a relative's), or the row's birth date or sex is wrong. EM learns
 *   how much such a conflict still counts against a match;
 * - conflict: comparable IDs that disagree.
 * IDs of different lengths with no crosswalk are not comparable: no evidence either way.
 */
export function idLevel(a: Prepared, b: Prepared): number {
  const na = a.nationalId
  const nb = b.nationalId
  if (na && nb && na === nb) return 0
  const oa = a.oldNationalId
  const ob = b.oldNationalId
  if ((na && na === ob) || (oa && oa === nb) || (oa && oa === ob)) return 1
  let comparable = false
  for (const x of [na, oa]) {
    if (!x) continue
    for (const y of [nb, ob]) {
      if (!y || x.length !== y.length) continue
      comparable = true
      if (oneDigitOrSwap(x, y) && (cccdAgrees(x, b) || cccdAgrees(y, a))) return 2
    }
  }
  if (!comparable) return -1
  return (na && !cccdAgrees(na, a)) || (nb && !cccdAgrees(nb, b)) ? 3 : 4
}

export const nationalId: Comparison = {
  name: 'national_id',
  field: 'identifier',
  levels: ['exact', 'crosswalk', 'typo', 'not_own', 'conflict'],
  compare: idLevel
}
