import { family, given, type Prepared } from './prepare.ts'
import { hash32 } from '../base/hash.ts'
import { emitIdDeletions, mix, perWord, unordered, wordHash } from './block-hash.ts'

/**
 * A blocking rule: records sharing one of its keys become a candidate pair. Each rule
 * names the comparisons its keys force to agree, because EM cannot learn how often
 * matches agree on a field from pairs chosen for agreeing on it. Keys are 32-bit hashes
 * built from cached per-word hashes and handed to `emit`: millions of records each give
 * dozens of keys, and strings or arrays for them would dominate the run.
 */
export interface BlockingRule {
  readonly name: string
  readonly fixes: readonly string[]
  /** Blocks larger than this are skipped (default MAX_BLOCK). */
  readonly maxBlock?: number
  keys(r: Prepared, emit: (key: number) => void): void
  /**
   * For rules that look for slips: the exact value they would be a slip of. A subject
   * whose exact value some target has needs no slip keys (the exact rules pair it), which
   * spares most subjects a dozen keys each.
   */
  exact?(r: Prepared, emit: (key: number) => void): void
}

/**
 * A rough diacritics-free sound key: Vietnamese spelling pairs that sound alike (d/gi/r,
 * s/x, ch/tr, c/k/q, i/y, final n/nh/ng) collapse, vowels after the first letter go,
 * doubled letters merge.
 */
export function soundKey(token: string): string {
  const t = token
    .replace(/n(h|g)?$/, 'n')
    .replace(/ngh/g, 'N')
    .replace(/ng/g, 'N')
    .replace(/gh/g, 'g')
    .replace(/ph/g, 'f')
    .replace(/kh/g, 'k')
    .replace(/th/g, 't')
    .replace(/(ch|tr)/g, 'c')
    .replace(/(gi|d|r|z)/g, 'z')
    .replace(/[sx]/g, 's')
    .replace(/[ckq]/g, 'k')
    .replace(/y/g, 'i')
  const head = t[0] ?? ''
  return (head + t.slice(1).replace(/[aeiouw]/g, '')).replace(/(.)\1+/g, '$1')
}
const soundHash = perWord((w) => hash32(soundKey(w)))

/**
 * The word and every way of deleting one letter from it. Words of three letters or fewer
 * keep only themselves: their deletions ("a", "n") would pair half the population.
 */
export function deletions(token: string): string[] {
  const out = new Set([token])
  if (token.length < 4) return [...out]
  for (let i = 0; i < token.length; i++) out.add(token.slice(0, i) + token.slice(i + 1))
  return [...out]
}
const deletionHashes = perWord((w) => deletions(w).map(hash32))

const dobDay = (r: Prepared): number | null => (r.dob && r.dob.m > 0 ? r.dob.y * 10_000 + r.dob.m * 100 + r.dob.d : null)
const nameHash = (r: Prepared): number | null => (r.name ? unordered(r.name.folded, wordHash) : null)
const soundPair = (r: Prepared): number | null => {
  if (!r.name) return null
  return r.name.folded.length === 1 ? soundHash(given(r.name)) : unordered([family(r.name), given(r.name)], soundHash)
}

const FAMILY = 1
const GIVEN = 2
const ONLY = 3
/**
 * Family name exact with the given name's deletions, and the other way round, each under
 * `scope`; with `runTogether`, also with the last two words as one given name (a space
 * typed into it: "Hefford Laur A"). A one-word name (either part, the other missing) keys
 * its own deletions: it has nothing else to pair on.
 */
function emitEditKeys(r: Prepared, scope: number, emit: (key: number) => void, runTogether = false): void {
  if (!r.name) return
  const words = r.name.folded
  if (words.length === 1) {
    for (const v of deletionHashes(words[0] as string)) emit(mix(scope, ONLY, v))
    return
  }
  const f = family(r.name)
  const fh = mix(scope, FAMILY, wordHash(f))
  const emitGiven = (g: string): void => {
    const gh = mix(scope, GIVEN, wordHash(g))
    for (const v of deletionHashes(g)) emit(mix(fh, v))
    for (const v of deletionHashes(f)) emit(mix(gh, v))
  }
  emitGiven(given(r.name))
  if (runTogether && words.length > 2) emitGiven((words[words.length - 2] as string) + given(r.name))
}

/** Where someone lives: the ward where codes exist, else each word of the address. */
function emitPlaces(r: Prepared, scope: number, emit: (key: number) => void): void {
  if (r.ward) emit(mix(scope, wordHash(r.ward)))
  else if (r.address) for (const w of new Set(r.address)) emit(mix(scope, wordHash(w)))
}

export const BLOCKING_RULES: readonly BlockingRule[] = [
  {
    // IDs and old IDs share one key space: that is the CMND–CCCD crosswalk.
    name: 'id',
    fixes: ['national_id'],
    keys: (r, emit) => {
      if (r.nationalId) emit(hash32(r.nationalId))
      if (r.oldNationalId) emit(hash32(r.oldNationalId))
    }
  },
  {
    // A mistyped digit or two swapped digits: IDs one slip apart share a one-deletion variant.
    name: 'id_edit',
    fixes: ['national_id'],
    keys: (r, emit) => {
      if (r.nationalId && r.nationalId.length >= 6) emitIdDeletions(r.nationalId, emit)
    },
    exact: (r, emit) => {
      if (r.nationalId) emit(hash32(r.nationalId))
      if (r.oldNationalId) emit(hash32(r.oldNationalId))
    }
  },
  {
    name: 'dob_given',
    fixes: ['dob', 'given_name'],
    keys: (r, emit) => {
      const d = dobDay(r)
      if (d !== null && r.name) emit(mix(d, wordHash(given(r.name))))
    }
  },
  {
    // A one-word name may be either part, so it keys both rules.
    name: 'dob_family',
    fixes: ['dob', 'surname'],
    keys: (r, emit) => {
      const d = dobDay(r)
      if (d !== null && r.name) emit(mix(d, wordHash(family(r.name))))
    }
  },
  {
    // Order-free full name with the birth year: survives swapped names and a wrong day or month.
    name: 'year_name',
    fixes: ['dob', 'given_name', 'surname', 'middle_name'],
    keys: (r, emit) => {
      if (r.dob && r.name) emit(mix(r.dob.y, nameHash(r) as number))
    }
  },
  {
    // Sound-alike family and given name with the birth year: survives a misspelt name.
    name: 'year_sound',
    fixes: ['dob', 'given_name', 'surname'],
    // Sound keys are coarse by design: a big block is many names, not one misspelt.
    maxBlock: 10,
    keys: (r, emit) => {
      if (r.dob && r.name) emit(mix(r.dob.y, soundPair(r) as number))
    }
  },
  {
    // One-letter slips in the given or the family name, with the birth year: two spellings
    // one edit apart always share a one-deletion variant.
    name: 'year_edit',
    fixes: ['dob', 'given_name', 'surname'],
    // A slip makes a rare spelling: the big blocks are common names spelt right, which the
    // other rules already pair.
    maxBlock: 10,
    keys: (r, emit) => {
      if (r.dob) emitEditKeys(r, r.dob.y, emit)
    },
    exact: (r, emit) => {
      if (r.dob && r.name && r.name.folded.length > 1) emit(mix(r.dob.y, wordHash(family(r.name)), wordHash(given(r.name))))
    }
  },
  {
    // The same slips with a word of a free-text address (FEBRL): survives a wrong birth date
    // when the ID is missing too. A ward holds thousands, too coarse for this; the records
    // with a ward code have no address words (see prepare).
    name: 'address_edit',
    fixes: ['given_name', 'surname', 'address'],
    maxBlock: 5,
    // The space typed into a name is keyed here only: with a birth date, dob_family pairs it.
    keys: (r, emit) => {
      if (r.address) for (const w of new Set(r.address)) emitEditKeys(r, wordHash(w), emit, true)
    }
  },
  {
    // The whole name with the day and month of birth: survives a wrong digit in the year
    // when the ID is missing too.
    name: 'name_day',
    fixes: ['given_name', 'surname', 'middle_name', 'dob'],
    keys: (r, emit) => {
      if (r.dob && r.dob.m > 0 && r.name) emit(mix(r.dob.m * 100 + r.dob.d, nameHash(r) as number))
    }
  },
  {
    // Same birth date, same place: survives a name and an ID both mangled.
    name: 'dob_place',
    fixes: ['dob', 'location', 'address'],
    keys: (r, emit) => {
      const d = dobDay(r)
      if (d !== null) emitPlaces(r, d, emit)
    }
  },
  {
    name: 'phone',
    fixes: ['phone'],
    keys: (r, emit) => {
      if (r.phone) emit(hash32(r.phone))
    }
  }
]
