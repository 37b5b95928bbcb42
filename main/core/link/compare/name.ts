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
 * - different.
 */
export const NAME_PART_LEVELS = ['exact', 'no_diacritics', 'diacritics_differ', 'typo', 'similar', 'different'] as const

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

function part(name: 'given_name' | 'surname', pick: (s: NonNullable<PairScratch['names']>) => [number, number]): Comparison {
  return {
    name,
    field: 'person_name',
    levels: NAME_PART_LEVELS,
    compare(a, b, scratch) {
      if (!a.name || !b.name || !scratch.names) return -1
      const [i, j] = pick(scratch.names)
      return namePartLevel(a.name, i, b.name, j)
    },
    tfLevels: [0, 1],
    tfValue(a, _b, scratch) {
      if (!a.name || !scratch.names) return null
      const [i] = pick(scratch.names)
      return i < 0 ? null : (a.name.folded[i] ?? null)
    }
  }
}

/** The given name: the part that tells people apart, so it carries the most weight. */
export const givenName = part('given_name', (s) => [s.aGiven, s.bGiven])
export const surname = part('surname', (s) => [s.aFamily, s.bFamily])

const join = (n: PreparedName, idx: number[], exact: boolean): string => idx.map((i) => (exact ? n.exact[i] : n.folded[i])).join(' ')

/**
 * Middle names. A middle name present on one side only (dropped, as clerks often do) is
 * its own level, which the model learns to score as a partial agreement.
 */
export const middleName: Comparison = {
  name: 'middle_name',
  field: 'person_name',
  levels: ['exact', 'no_diacritics', 'partial', 'missing_one_side', 'different'],
  compare(a: Prepared, b: Prepared, scratch: PairScratch) {
    const al = scratch.names
    if (!a.name || !b.name || !al) return -1
    const ma = al.aMiddle
    const mb = al.bMiddle
    if (ma.length === 0 && mb.length === 0) return -1
    if (ma.length === 0 || mb.length === 0) return 3
    // In the written order the joined middles are precomputed; only a reordering joins anew.
    const ea = al.swapped ? join(a.name, ma, true) : a.name.middleExact
    const eb = al.swapped ? join(b.name, mb, true) : b.name.middleExact
    if (ea === eb) return 0
    const fa = al.swapped ? join(a.name, ma, false) : a.name.middleFolded
    const fb = al.swapped ? join(b.name, mb, false) : b.name.middleFolded
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
