import type { PreparedName } from '../prepare.ts'
import { jaroWinkler, oneEditApart } from '../text.ts'

/**
 * Which token of each name is the family name, the given name and the middle names.
 * Vietnamese order is family–middle–given, but clerks also reorder it (see reorderings),
 * and a one-word name may be either part. Indices point into PreparedName.folded; -1 is absent.
 */
export interface NameAlignment {
  aFamily: number
  aGiven: number
  aMiddle: number[]
  bFamily: number
  bGiven: number
  bMiddle: number[]
  /** True when one name is read in another order than written. */
  swapped: boolean
}

interface Roles {
  family: number
  given: number
  middle: number[]
}

const range = (from: number, to: number): number[] => {
  const out: number[] = []
  for (let i = from; i <= to; i++) out.push(i)
  return out
}

// Readings depend only on the number of words: built once, shared by every pair.
const standardCache: Roles[] = []
const standard = (n: number): Roles => (standardCache[n] ??= { family: 0, given: n - 1, middle: range(1, n - 2) })

/**
 * Other readings of a multi-word name: the given name moved to the front ("Anh Nguyễn
 * Văn"), fully reversed ("Anh Văn Nguyễn"), or the family name moved to the end, Western
 * order ("Văn Anh Nguyễn"). With two words all three are the same.
 */
const reorderingCache: Roles[][] = []
const reorderings = (n: number): Roles[] => (reorderingCache[n] ??= buildReorderings(n))
function buildReorderings(n: number): Roles[] {
  const givenFirst = { family: 1, given: 0, middle: range(2, n - 1) }
  if (n === 2) return [givenFirst]
  return [givenFirst, { family: n - 1, given: 0, middle: range(1, n - 2) }, { family: n - 1, given: n - 2, middle: range(0, n - 3) }]
}

const tok = (n: PreparedName, i: number): string => (i < 0 ? '' : (n.folded[i] as string))

const result = (x: Roles, y: Roles, swapped: boolean): NameAlignment => ({
  aFamily: x.family,
  aGiven: x.given,
  aMiddle: x.middle,
  bFamily: y.family,
  bGiven: y.given,
  bMiddle: y.middle,
  swapped
})

/** A one-word name is a given name unless it reads better as the other's family name. */
function single(one: PreparedName, other: PreparedName, otherRoles: Roles): Roles {
  const asGiven = jaroWinkler(tok(one, 0), tok(other, otherRoles.given))
  const asFamily = jaroWinkler(tok(one, 0), tok(other, otherRoles.family))
  return asFamily > asGiven ? { family: 0, given: -1, middle: [] } : { family: -1, given: 0, middle: [] }
}

/** Family names close enough to accept a reordering that makes the given names agree. */
const closeFamily = (x: string, y: string): boolean => x === y || oneEditApart(x, y) || jaroWinkler(x, y) >= 0.88

/**
 * Aligns two names. The written order wins unless another reading of one name makes the
 * given names agree exactly (diacritics aside) and the family names agree or nearly so:
 * reordering on weaker evidence would turn noise into agreement. Only string equality on
 * the common path: this runs for every compared pair.
 */
export function alignNames(a: PreparedName, b: PreparedName): NameAlignment {
  const na = a.folded.length
  const nb = b.folded.length
  if (na === 1 && nb === 1) return result({ family: -1, given: 0, middle: [] }, { family: -1, given: 0, middle: [] }, false)
  if (na === 1) return result(single(a, b, standard(nb)), standard(nb), false)
  if (nb === 1) {
    const sa = standard(na)
    return result(sa, single(b, a, sa), false)
  }
  const sa = standard(na)
  const sb = standard(nb)
  if (tok(a, sa.family) === tok(b, sb.family) && tok(a, sa.given) === tok(b, sb.given)) return result(sa, sb, false)
  const agree = (x: Roles, y: Roles): boolean => tok(a, x.given) === tok(b, y.given) && closeFamily(tok(a, x.family), tok(b, y.family))
  // Cheap test first: a reordering can only agree if the two given names appear in both.
  const ga = tok(a, sa.given)
  const gb = tok(b, sb.given)
  if (!b.folded.includes(ga) && !a.folded.includes(gb)) return result(sa, sb, false)
  for (const y of reorderings(nb)) if (agree(sa, y)) return result(sa, y, true)
  for (const x of reorderings(na)) if (agree(x, sb)) return result(x, sb, true)
  return result(sa, sb, false)
}
