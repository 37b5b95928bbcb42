import type { Prepared } from '../prepare.ts'
import { address } from './address.ts'
import { birthDate } from './dob.ts'
import { gender } from './gender.ts'
import { nationalId } from './id.ts'
import { location } from './location.ts'
import { alignNames, emptyAlignment } from './name-align.ts'
import { joinStraySpaces } from './name-join.ts'
import { givenName, middleName, surname } from './name.ts'
import { phone } from './phone.ts'
import type { Comparison, PairScratch } from './types.ts'

/** Every comparison the engine knows, one or more per field type. */
export const CATALOGUE: readonly Comparison[] = [givenName, surname, middleName, birthDate, gender, nationalId, phone, location, address]

export function byName(name: string): Comparison {
  const c = CATALOGUE.find((x) => x.name === name)
  if (!c) throw new Error(`unknown comparison ${name}`)
  return c
}

const usesNames = new WeakMap<readonly Comparison[], boolean>()
const alignment = emptyAlignment()
const scratch: PairScratch = { names: null, a: null, b: null }

/**
 * Compares one pair on every comparison, writing level indices (-1 = missing) into out.
 * The returned scratch is shared: it holds until the next call (millions of pairs, no garbage).
 */
export function compareInto(cs: readonly Comparison[], a: Prepared, b: Prepared, out: Int8Array): PairScratch {
  let names = usesNames.get(cs)
  if (names === undefined) {
    names = cs.some((c) => c.field === 'person_name')
    usesNames.set(cs, names)
  }
  if (names && a.name && b.name) {
    ;[scratch.a, scratch.b] = joinStraySpaces(a.name, b.name)
    scratch.names = alignNames(scratch.a, scratch.b, alignment)
  } else {
    scratch.a = scratch.b = scratch.names = null
  }
  for (let i = 0; i < cs.length; i++) out[i] = (cs[i] as Comparison).compare(a, b, scratch)
  return scratch
}

/** A comparison takes part when at least this share of random pairs can be compared on it. */
export const MIN_COVERAGE = 0.02

/**
 * Chooses the comparisons the data supports, from the share of random pairs each could
 * compare: no phone column, no phone comparison. Administrative codes, where present,
 * replace the free-text address (both describe where someone lives: counting both would
 * count one fact twice).
 */
export function selectComparisons(coverage: ReadonlyMap<string, number>): Comparison[] {
  const has = (c: Comparison): boolean => (coverage.get(c.name) ?? 0) >= MIN_COVERAGE
  const chosen = CATALOGUE.filter(has)
  return chosen.some((c) => c.field === 'admin_area') ? chosen.filter((c) => c.field !== 'free_address') : chosen
}

export { IDENTITY_FIELDS } from './types.ts'
export type { Comparison, PairScratch, FieldType } from './types.ts'
