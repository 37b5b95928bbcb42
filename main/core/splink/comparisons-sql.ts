import { middleNameSql, namePartSql } from './name-sql.ts'
import { and, col, oneDigit, or, other, type Side } from './sql.ts'

/**
 * Each VaxRecon comparison's levels as Splink sql_conditions over the exported columns,
 * keyed by comparison name and level code (core/link/compare/*), with the null level
 * under "null" and the last level "ELSE". A comparison or level added to the engine
 * without an entry here makes the export refuse, naming it, rather than guess.
 */
export type LevelSql = Record<string, string>

const eq = (c: string): string => `${col(c, 'l')} = ${col(c, 'r')}`

const janFirst = (s: Side): string => and(`${col('dob_month', s)} = 1`, `${col('dob_dom', s)} = 1`)

/**
 * compare/dob.ts: full dates are YYYYMMDD strings (dob_ymd), month 0 a year-only date.
 * Splink takes the first level that holds, so each level here may leave out what the
 * levels above it already caught (jan_first needs no "not exact, not one digit").
 */
function dobSql(): LevelSql {
  const full = and(`${col('dob_month', 'l')} > 0`, `${col('dob_month', 'r')} > 0`)
  return {
    null: `${col('dob_year', 'l')} IS NULL OR ${col('dob_year', 'r')} IS NULL`,
    exact: and(full, eq('dob_ymd')),
    year_only: and(`${col('dob_month', 'l')} = 0 OR ${col('dob_month', 'r')} = 0`, eq('dob_year')),
    day_month_swapped: and(
      full,
      eq('dob_year'),
      `${col('dob_month', 'l')} = ${col('dob_dom', 'r')}`,
      `${col('dob_dom', 'l')} = ${col('dob_month', 'r')}`
    ),
    one_digit: and(full, oneDigit(col('dob_ymd', 'l'), col('dob_ymd', 'r'))),
    jan_first: and(full, eq('dob_year'), or(janFirst('l'), janFirst('r'))),
    different: 'ELSE'
  }
}

function genderSql(): LevelSql {
  return { null: `${col('gender', 'l')} IS NULL OR ${col('gender', 'r')} IS NULL`, agree: eq('gender'), disagree: 'ELSE' }
}

const IDS = [
  ['national_id', 'nid'],
  ['old_national_id', 'old']
] as const

/**
 * compare/cccd.ts cccdAgrees(ID of `side`, record of side `o`): the CCCD's embedded sex and
 * birth year do not contradict that record. Never NULL: a 9-digit or missing ID agrees.
 */
function cccdAgrees(prefix: string, side: Side, o: Side = other(side)): string {
  return or(
    `${col(`${prefix}_cccd_year`, side)} IS NULL`,
    and(
      `${col('gender', o)} IS NULL OR ${col('gender', o)} = ${col(`${prefix}_cccd_gender`, side)}`,
      `${col('dob_year', o)} IS NULL OR ${col('dob_year', o)} = ${col(`${prefix}_cccd_year`, side)}`
    )
  )
}

/** compare/id.ts: current and old IDs on both sides; IDs of different lengths are not comparable. */
function idSql(): LevelSql {
  const pairs = IDS.flatMap(([x, px]) => IDS.map(([y, py]) => ({ x: col(x, 'l'), y: col(y, 'r'), px, py })))
  const comparable = or(...pairs.map((p) => `length(${p.x}) = length(${p.y})`))
  return {
    null: `NOT coalesce(${comparable}, FALSE)`,
    exact: eq('national_id'),
    crosswalk: or(
      `${col('national_id', 'l')} = ${col('old_national_id', 'r')}`,
      `${col('old_national_id', 'l')} = ${col('national_id', 'r')}`,
      eq('old_national_id')
    ),
    typo: or(...pairs.map((p) => and(oneDigit(p.x, p.y), or(cccdAgrees(p.px, 'l'), cccdAgrees(p.py, 'r'))))),
    // Only the current IDs, each against its own row, as idLevel reads them.
    not_own: or(`NOT ${cccdAgrees('nid', 'l', 'l')}`, `NOT ${cccdAgrees('nid', 'r', 'r')}`),
    conflict: 'ELSE'
  }
}

function phoneSql(): LevelSql {
  return {
    null: `${col('phone', 'l')} IS NULL OR ${col('phone', 'r')} IS NULL`,
    exact: eq('phone'),
    typo: oneDigit(col('phone', 'l'), col('phone', 'r')),
    different: 'ELSE'
  }
}

/** compare/location.ts: the finest administrative unit both records know decides. */
function locationSql(): LevelSql {
  const missing = (c: string): string => `${col(c, 'l')} IS NULL OR ${col(c, 'r')} IS NULL`
  return {
    null: and(`NOT coalesce(${eq('ward_code')}, FALSE)`, missing('district_code'), missing('province_code')),
    same_address: and(eq('ward_code'), eq('street_key')),
    same_ward: eq('ward_code'),
    same_district: eq('district_code'),
    same_province: eq('province_code'),
    different: 'ELSE'
  }
}

/**
 * compare/address.ts, approximated: VaxRecon's soft Dice lets a token match a near-identical
 * one (one edit, or Jaro–Winkler ≥ 0.9) or two adjacent ones run together; here tokens must
 * be equal. Only data without ward codes (FEBRL) uses this comparison.
 */
function addressSql(): LevelSql {
  const tokens = (s: Side): string => `string_split(${col('address_folded', s)}, ' ')`
  const dice = `2.0 * len(list_intersect(${tokens('l')}, ${tokens('r')})) / (len(${tokens('l')}) + len(${tokens('r')}))`
  return {
    null: `${col('address_folded', 'l')} IS NULL OR ${col('address_folded', 'r')} IS NULL`,
    exact: eq('address_folded'),
    most: `${dice} >= 0.7`,
    some: `${dice} >= 0.4`,
    different: 'ELSE'
  }
}

export const COMPARISON_SQL: Record<string, () => LevelSql> = {
  given_name: () => namePartSql('given'),
  surname: () => namePartSql('family'),
  middle_name: middleNameSql,
  dob: dobSql,
  gender: genderSql,
  national_id: idSql,
  phone: phoneSql,
  location: locationSql,
  address: addressSql
}

/** Comparisons whose SQL only approximates VaxRecon's own, and how. */
const NAMES_AS_WRITTEN = 'names are compared as written (VaxRecon first closes a space one name has and the other lacks)'
export const APPROXIMATED: Record<string, string> = {
  address: 'tokens must match exactly (VaxRecon also accepts a near-identical token, or two run together)',
  given_name: NAMES_AS_WRITTEN,
  surname: NAMES_AS_WRITTEN,
  middle_name: NAMES_AS_WRITTEN
}

/** Term-frequency columns of the frequency-adjusted comparisons (core/link/model/tf.ts). */
export const TF_COLUMNS: Record<string, string> = { given_name: 'given_name_tf', surname: 'surname_tf' }
