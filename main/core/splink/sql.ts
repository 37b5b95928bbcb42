/**
 * SQL building blocks in Splink's DuckDB dialect. A comparison's sql_condition sees each
 * input column twice, suffixed _l and _r; string similarity uses the functions every
 * Splink dialect offers (jaro_similarity, jaro_winkler_similarity, damerau_levenshtein).
 */
export type Side = 'l' | 'r'

export const other = (s: Side): Side => (s === 'l' ? 'r' : 'l')

/** A column of one side, quoted as Splink writes it. */
export const col = (name: string, side: Side): string => `"${name}_${side}"`

/** Conjunction and disjunction, parenthesized whole: they are spliced into larger conditions. */
export const and = (...xs: string[]): string => `(${xs.map((x) => `(${x})`).join(' AND ')})`
export const or = (...xs: string[]): string => `(${xs.map((x) => `(${x})`).join(' OR ')})`

/** One keystroke apart (substitution, insertion, deletion, adjacent swap): VaxRecon's oneEditApart. */
export const oneEdit = (x: string, y: string): string => `damerau_levenshtein(${x}, ${y}) = 1`

/** Same length and one keystroke apart: a mistyped or swapped digit. */
export const oneDigit = (x: string, y: string): string => `(length(${x}) = length(${y}) AND damerau_levenshtein(${x}, ${y}) = 1)`

/** Length of the common prefix, at most 4 (Winkler's bonus). */
const commonPrefix = (x: string, y: string): string =>
  `(CASE WHEN left(${x}, 4) = left(${y}, 4) THEN 4 WHEN left(${x}, 3) = left(${y}, 3) THEN 3 WHEN left(${x}, 2) = left(${y}, 2) THEN 2 WHEN left(${x}, 1) = left(${y}, 1) THEN 1 ELSE 0 END)`

/**
 * Jaro–Winkler ≥ t as VaxRecon computes it: the prefix bonus applies at any Jaro score.
 * Splink's jaro_winkler_similarity gives the bonus only above a Jaro of 0.7, which can lift
 * a score to at most 0.82; above that the two agree and the built-in is used.
 */
export function jwAtLeast(x: string, y: string, t: number): string {
  if (t > 0.82) return `jaro_winkler_similarity(${x}, ${y}) >= ${t}`
  const [jaro, prefix] = [`jaro_similarity(${x}, ${y})`, commonPrefix(x, y)]
  return `(${x} = ${y} OR ${jaro} + ${prefix} * 0.1 * (1 - ${jaro}) >= ${t})`
}

/** Jaro–Winkler (VaxRecon's) as a number, for comparing two scores. */
export function jw(x: string, y: string): string {
  const [jaro, prefix] = [`jaro_similarity(${x}, ${y})`, commonPrefix(x, y)]
  return `(CASE WHEN ${x} = ${y} THEN 1.0 ELSE ${jaro} + ${prefix} * 0.1 * (1 - ${jaro}) END)`
}
