import { family, given, type Prepared } from '../prepare.ts'

/** How common each family and given name is: the basis of the frequency adjustment. */
export interface TermFrequencies {
  tables: Map<string, Map<string, number>>
  /** Agreeing on a value is never taken as rarer than this (one-off spellings are often typos). */
  floor: number
}

export const TF_FLOOR = 1e-4

export function buildTermFrequencies(groups: readonly (readonly Prepared[])[]): TermFrequencies {
  const givenCounts = new Map<string, number>()
  const familyCounts = new Map<string, number>()
  let total = 0
  for (const g of groups) {
    for (const r of g) {
      if (!r.name || r.name.folded.length < 2) continue
      total++
      const gv = given(r.name)
      const fv = family(r.name)
      givenCounts.set(gv, (givenCounts.get(gv) ?? 0) + 1)
      familyCounts.set(fv, (familyCounts.get(fv) ?? 0) + 1)
    }
  }
  const freq = (counts: Map<string, number>): Map<string, number> => {
    const out = new Map<string, number>()
    for (const [k, n] of counts) out.set(k, n / Math.max(total, 1))
    return out
  }
  return {
    tables: new Map([
      ['given_name', freq(givenCounts)],
      ['surname', freq(familyCounts)]
    ]),
    floor: TF_FLOOR
  }
}
