import type { Prepared, PreparedName } from '../prepare.ts'
import { jaroWinkler, oneEditApart } from '../../base/similarity.ts'
import type { Comparison, PairScratch } from './types.ts'

/**
 * One part of the name (family or given), after the two names were aligned.
 * Levels, strongest first:
 * - exact: identical with diacritics;
 * - no_diacritics: identical once marks are dropped, and one side was typed without any;
 * - diacritics_differ: both typed with marks that disagree ("Thu" and "Thư" are different names);
 * - typo: one keystroke apart, or Jaro–Winkler ≥ 0.92;
 * - similar: Jaro–Winkler ≥ 0.80;
 * - crossed (given name only): different, but the given name of one is the family name
 *   of the other, or one keystroke from it in words of four letters or more;
 * - different.
 */
export const NAME_PART_LEVELS = ['exact', 'no_diacritics', 'diacritics_differ', 'typo', 'similar', 'different'] as const

/**
 * The given name's levels. `crossed` is a name written into the other field (a list with
 * the columns swapped, then one of the two names changed or mistyped), which the written
 * order and the reorderings miss because only one word agrees. It is one fact, so only the
 * given name has the level (the surname would count it twice); EM learns what it is worth
 * from the data: much in FEBRL, whose duplicates swap fields, little where it is chance.
 */
export const GIVEN_NAME_LEVELS = ['exact', 'no_diacritics', 'diacritics_differ', 'typo', 'similar', 'crossed', 'different'] as const
const CROSSED = 5
const GIVEN_DIFFERENT = 6

/** The same word, or one keystroke apart in words long enough for that to mean something. */
const sameWord = (x: string, y: string): boolean => x === y || (x.length >= 4 && y.length >= 4 && oneEditApart(x, y))

/** The given name of either side against the family name of the other. */
function crossed(a: PreparedName, s: NonNullable<PairScratch['names']>, b: PreparedName): boolean {
  if (s.aFamily < 0 || s.bFamily < 0) return false
  const ga = a.folded[s.aGiven] as string
  const gb = b.folded[s.bGiven] as string
  return sameWord(ga, b.folded[s.bFamily] as string) || sameWord(gb, a.folded[s.aFamily] as string)
}

/**
 * The spelling level of two different folded words (typo, similar, different). Names come
 * from a small vocabulary, so each pair is worked out once: Jaro–Winkler is most of the
 * cost of comparing two people.
 */
const spellingCache = new Map<string, Map<string, number>>()
let spellingEntries = 0
function spellingLevel(fa: string, fb: string): number {
  const [x, y] = fa < fb ? [fa, fb] : [fb, fa]
  let row = spellingCache.get(x)
  const hit = row?.get(y)
  if (hit !== undefined) return hit
  const jw = oneEditApart(x, y) ? 1 : jaroWinkler(x, y)
  const level = jw >= 0.92 ? 3 : jw >= 0.8 ? 4 : 5
  if (spellingEntries > 2_000_000) {
    spellingCache.clear()
    spellingEntries = 0
    row = undefined
  }
  if (!row) {
    row = new Map()
    spellingCache.set(x, row)
  }
  row.set(y, level)
  spellingEntries++
  return level
}

export function namePartLevel(a: PreparedName, i: number, b: PreparedName, j: number): number {
  if (i < 0 || j < 0) return -1
  const fa = a.folded[i] as string
  const fb = b.folded[j] as string
  if (a.exact[i] === b.exact[j]) return 0
  if (fa === fb) return a.marked && b.marked ? 2 : 1
  return spellingLevel(fa, fb)
}

function part(
  name: 'given_name' | 'surname',
  levels: readonly string[],
  pick: (s: NonNullable<PairScratch['names']>) => [number, number],
  refine: (level: number, a: PreparedName, s: NonNullable<PairScratch['names']>, b: PreparedName) => number = (l) => l
): Comparison {
  return {
    name,
    field: 'person_name',
    levels,
    compare(_a, _b, { names, a, b }) {
      if (!a || !b || !names) return -1
      const [i, j] = pick(names)
      return refine(namePartLevel(a, i, b, j), a, names, b)
    },
    tfLevels: [0, 1],
    tfValue(_a, _b, { names, a }) {
      if (!a || !names) return null
      const [i] = pick(names)
      return i < 0 ? null : (a.folded[i] ?? null)
    }
  }
}

/** The given name: the part that tells people apart, so it carries the most weight. */
export const givenName = part(
  'given_name',
  GIVEN_NAME_LEVELS,
  (s) => [s.aGiven, s.bGiven],
  (l, a, s, b) => (l !== 5 ? l : crossed(a, s, b) ? CROSSED : GIVEN_DIFFERENT)
)
export const surname = part('surname', NAME_PART_LEVELS, (s) => [s.aFamily, s.bFamily])

const join = (n: PreparedName, idx: number[], exact: boolean): string => idx.map((i) => (exact ? n.exact[i] : n.folded[i])).join(' ')

/**
 * Middle names. A middle name present on one side only (dropped, as clerks often do) is
 * its own level, which the model learns to score as a partial agreement.
 */
export const middleName: Comparison = {
  name: 'middle_name',
  field: 'person_name',
  levels: ['exact', 'no_diacritics', 'partial', 'missing_one_side', 'different'],
  compare(_a: Prepared, _b: Prepared, { names: al, a, b }: PairScratch) {
    if (!a || !b || !al) return -1
    const ma = al.aMiddle
    const mb = al.bMiddle
    if (ma.length === 0 && mb.length === 0) return -1
    if (ma.length === 0 || mb.length === 0) return 3
    // In the written order the joined middles are precomputed; only a reordering joins anew.
    const ea = al.swapped ? join(a, ma, true) : a.middleExact
    const eb = al.swapped ? join(b, mb, true) : b.middleExact
    if (ea === eb) return 0
    const fa = al.swapped ? join(a, ma, false) : a.middleFolded
    const fb = al.swapped ? join(b, mb, false) : b.middleFolded
    if (fa === fb) return 1
    if (ma.length !== mb.length) {
      // "Thị Ngọc" against "Ngọc": one middle name dropped.
      const [short, long] = ma.length < mb.length ? [fa, fb] : [fb, fa]
      if (short.split(' ').every((t) => long.split(' ').includes(t))) return 2
    }
    if (oneEditApart(fa, fb) || jaroWinkler(fa, fb) >= 0.9) return 2
    return 4
  }
}
