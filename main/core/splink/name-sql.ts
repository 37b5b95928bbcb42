import { and, col, jw, jwAtLeast, oneEdit, or, type Side } from './sql.ts'

/**
 * VaxRecon's name alignment (core/link/compare/name-align.ts) in SQL. Each record carries
 * its name read four ways (record-columns.ts); the pair picks one reading per side, exactly
 * as alignNames does, and every name level is then a CASE over that choice. The
 * alignment expression is repeated in each level's condition: Splink settings have no
 * shared pair-level expressions.
 */
type Reading = 'S' | 'G' | 'R' | 'W' | 'OG' | 'OF'

interface Slots {
  family: string | null
  given: string | null
  middle: string | null
}

/** Token columns of each reading: S written order, G given name first, R reversed, W Western, OG/OF a one-word name as given or family. */
const READINGS: Record<Reading, { family: string | null; given: string | null; middle: string | null }> = {
  S: { family: 'first', given: 'last', middle: 's' },
  G: { family: 'second', given: 'first', middle: 'g' },
  R: { family: 'last', given: 'first', middle: 's' },
  W: { family: 'last', given: 'penult', middle: 'w' },
  OG: { family: null, given: 'first', middle: null },
  OF: { family: 'first', given: null, middle: null }
}

/** The pair readings, by the code the alignment expression returns. */
const PAIRS: readonly [Reading, Reading][] = [
  ['S', 'S'],
  ['S', 'G'],
  ['S', 'R'],
  ['S', 'W'],
  ['G', 'S'],
  ['R', 'S'],
  ['W', 'S'],
  ['OG', 'OG'],
  ['OG', 'S'],
  ['OF', 'S'],
  ['S', 'OG'],
  ['S', 'OF']
]

const t = (slot: string, side: Side): string => col(`t_${slot}`, side)
const closeFamily = (x: string, y: string): string => or(`${x} = ${y}`, oneEdit(x, y), jwAtLeast(x, y, 0.88))
const hasToken = (side: Side, token: string): string => `contains(' ' || ${col('name_folded', side)} || ' ', ' ' || ${token} || ' ')`

/** Which pair of readings alignNames would choose, as a code into PAIRS. */
export const ALIGNMENT = `(CASE
  WHEN ${col('name_n', 'l')} = 1 AND ${col('name_n', 'r')} = 1 THEN 7
  WHEN ${col('name_n', 'l')} = 1 THEN (CASE WHEN ${jw(t('first', 'l'), t('first', 'r'))} > ${jw(t('first', 'l'), t('last', 'r'))} THEN 9 ELSE 8 END)
  WHEN ${col('name_n', 'r')} = 1 THEN (CASE WHEN ${jw(t('first', 'r'), t('first', 'l'))} > ${jw(t('first', 'r'), t('last', 'l'))} THEN 11 ELSE 10 END)
  WHEN ${t('first', 'l')} = ${t('first', 'r')} AND ${t('last', 'l')} = ${t('last', 'r')} THEN 0
  WHEN NOT (${hasToken('r', t('last', 'l'))} OR ${hasToken('l', t('last', 'r'))}) THEN 0
  WHEN ${t('last', 'l')} = ${t('first', 'r')} AND ${closeFamily(t('first', 'l'), t('second', 'r'))} THEN 1
  WHEN ${t('last', 'l')} = ${t('first', 'r')} AND ${closeFamily(t('first', 'l'), t('last', 'r'))} THEN 2
  WHEN ${t('last', 'l')} = ${t('penult', 'r')} AND ${closeFamily(t('first', 'l'), t('last', 'r'))} THEN 3
  WHEN ${t('first', 'l')} = ${t('last', 'r')} AND ${closeFamily(t('second', 'l'), t('first', 'r'))} THEN 4
  WHEN ${t('first', 'l')} = ${t('last', 'r')} AND ${closeFamily(t('last', 'l'), t('first', 'r'))} THEN 5
  WHEN ${t('penult', 'l')} = ${t('last', 'r')} AND ${closeFamily(t('last', 'l'), t('first', 'r'))} THEN 6
  ELSE 0 END)`

function slots(reading: Reading, side: Side, exact: boolean): Slots {
  const r = READINGS[reading]
  const tok = (s: string | null): string | null => (s === null ? null : col(`${exact ? 'e' : 't'}_${s}`, side))
  return {
    family: tok(r.family),
    given: tok(r.given),
    middle: r.middle === null ? null : col(`${exact ? 'emid' : 'mid'}_${r.middle}`, side)
  }
}

type PairCondition = (l: Slots, r: Slots, le: Slots, re: Slots) => string

/** A condition over the aligned readings: one branch per pair of readings. */
function overAlignment(cond: PairCondition): string {
  const branches = PAIRS.map(
    ([a, b], code) => `WHEN ${code} THEN (${cond(slots(a, 'l', false), slots(b, 'r', false), slots(a, 'l', true), slots(b, 'r', true))})`
  )
  return `(CASE ${ALIGNMENT} ${branches.join(' ')} ELSE FALSE END)`
}

const namesMissing = `${col('name_n', 'l')} IS NULL OR ${col('name_n', 'r')} IS NULL`

/**
 * The levels of the given name or the family name (NAME_PART_LEVELS), keyed by level
 * code, with the null level under "null".
 */
export function namePartSql(part: 'given' | 'family'): Record<string, string> {
  const level = (f: (x: string, y: string, xe: string, ye: string) => string): string =>
    overAlignment((l, r, le, re) => (l[part] && r[part] && le[part] && re[part] ? f(l[part], r[part], le[part], re[part]) : 'FALSE'))
  const bothMarked = and(col('name_marked', 'l'), col('name_marked', 'r'))
  return {
    null: or(
      namesMissing,
      overAlignment((l, r) => (l[part] && r[part] ? 'FALSE' : 'TRUE'))
    ),
    exact: level((_x, _y, xe, ye) => `${xe} = ${ye}`),
    no_diacritics: level((x, y) => `${x} = ${y} AND NOT (${bothMarked})`),
    diacritics_differ: level((x, y) => `${x} = ${y}`),
    typo: level((x, y) => or(oneEdit(x, y), jwAtLeast(x, y, 0.92))),
    similar: level((x, y) => jwAtLeast(x, y, 0.8)),
    ...(part === 'given' ? { crossed: crossedSql() } : {}),
    different: 'ELSE'
  }
}

const sameWord = (x: string, y: string): string => or(`${x} = ${y}`, and(`length(${x}) >= 4 AND length(${y}) >= 4`, oneEdit(x, y)))

/** The given name's `crossed` level (compare/name.ts): either given name against the other's family name. */
function crossedSql(): string {
  return overAlignment((l, r) =>
    l.given && r.given && l.family && r.family ? or(sameWord(l.given, r.family), sameWord(r.given, l.family)) : 'FALSE'
  )
}

const tokenCount = (x: string): string => `(length(${x}) - length(replace(${x}, ' ', '')) + 1)`
const within = (short: string, long: string): string =>
  `${tokenCount(short)} < ${tokenCount(long)} AND list_has_all(string_split(${long}, ' '), string_split(${short}, ' '))`

/** The middle-name levels (compare/name.ts middleName), keyed by level code, with "null". */
export function middleNameSql(): Record<string, string> {
  const level = (f: (x: string, y: string, xe: string, ye: string) => string, whenMissing: string): string =>
    overAlignment((l, r, le, re) =>
      l.middle && r.middle && le.middle && re.middle ? f(l.middle, r.middle, le.middle, re.middle) : whenMissing
    )
  const bothEmpty = overAlignment((l, r) =>
    l.middle === null && r.middle === null
      ? 'TRUE'
      : l.middle === null
        ? `${r.middle} IS NULL`
        : r.middle === null
          ? `${l.middle} IS NULL`
          : `${l.middle} IS NULL AND ${r.middle} IS NULL`
  )
  const oneEmpty = overAlignment((l, r) => (l.middle === null || r.middle === null ? 'TRUE' : `${l.middle} IS NULL OR ${r.middle} IS NULL`))
  return {
    null: or(namesMissing, bothEmpty),
    missing_one_side: oneEmpty,
    exact: level((_x, _y, xe, ye) => `${xe} = ${ye}`, 'FALSE'),
    no_diacritics: level((x, y) => `${x} = ${y}`, 'FALSE'),
    partial: level((x, y) => or(within(x, y), within(y, x), oneEdit(x, y), jwAtLeast(x, y, 0.9)), 'FALSE'),
    different: 'ELSE'
  }
}
