import type { PreparedName } from '../prepare.ts'
import { jaroWinkler, oneEditApart } from '../../base/similarity.ts'

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

function set(out: NameAlignment, x: Roles, y: Roles, swapped: boolean): NameAlignment {
  out.aFamily = x.family
  out.aGiven = x.given
  out.aMiddle = x.middle
  out.bFamily = y.family
  out.bGiven = y.given
  out.bMiddle = y.middle
  out.swapped = swapped
  return out
}

const ONLY_GIVEN: Roles = { family: -1, given: 0, middle: [] }
const ONLY_FAMILY: Roles = { family: 0, given: -1, middle: [] }

/** A one-word name is a given name unless it reads better as the other's family name. */
function single(one: PreparedName, other: PreparedName, otherRoles: Roles): Roles {
  const asGiven = jaroWinkler(tok(one, 0), tok(other, otherRoles.given))
  const asFamily = jaroWinkler(tok(one, 0), tok(other, otherRoles.family))
  return asFamily > asGiven ? ONLY_FAMILY : ONLY_GIVEN
}

/** Family names close enough to accept a reordering that makes the given names agree. */
const closeFamily = (x: string, y: string): boolean => x === y || oneEditApart(x, y) || jaroWinkler(x, y) >= 0.88

const agree = (a: PreparedName, x: Roles, b: PreparedName, y: Roles): boolean =>
  tok(a, x.given) === tok(b, y.given) && closeFamily(tok(a, x.family), tok(b, y.family))

/**
 * Aligns two names into `out` (and returns it). The written order wins unless another
 * reading of one name makes the given names agree exactly (diacritics aside) and the
 * family names agree or nearly so: reordering on weaker evidence would turn noise into
 * agreement. This runs for every compared pair: string equality on the common path, and
 * nothing allocated.
 */
export function alignNames(a: PreparedName, b: PreparedName, out: NameAlignment = emptyAlignment()): NameAlignment {
  const na = a.folded.length
  const nb = b.folded.length
  if (na === 1 && nb === 1) return set(out, ONLY_GIVEN, ONLY_GIVEN, false)
  if (na === 1) return set(out, single(a, b, standard(nb)), standard(nb), false)
  if (nb === 1) {
    const sa = standard(na)
    return set(out, sa, single(b, a, sa), false)
  }
  const sa = standard(na)
  const sb = standard(nb)
  const ga = tok(a, sa.given)
  const gb = tok(b, sb.given)
  if (tok(a, sa.family) === tok(b, sb.family) && ga === gb) return set(out, sa, sb, false)
  // Cheap test first: a reordering can only agree if the two given names appear in both.
  if (!b.folded.includes(ga) && !a.folded.includes(gb)) return set(out, sa, sb, false)
  for (const y of reorderings(nb)) if (agree(a, sa, b, y)) return set(out, sa, y, true)
  for (const x of reorderings(na)) if (agree(a, x, b, sb)) return set(out, x, sb, true)
  return set(out, sa, sb, false)
}

export const emptyAlignment = (): NameAlignment => ({
  aFamily: -1,
  aGiven: -1,
  aMiddle: [],
  bFamily: -1,
  bGiven: -1,
  bMiddle: [],
  swapped: false
})
