import type { JobContext } from '../jobs/context.ts'
import { family, given, type Prepared } from './prepare.ts'
import { hash32 } from './text.ts'

/**
 * A blocking rule: records sharing one of its keys become a candidate pair. Each rule
 * names the comparisons its keys force to agree, because EM cannot learn how often
 * matches agree on a field from pairs chosen for agreeing on it. Keys are 32-bit hashes
 * built from cached per-word hashes: millions of records each give dozens of keys, and
 * building strings for them would dominate the run.
 */
export interface BlockingRule {
  readonly name: string
  readonly fixes: readonly string[]
  /** Blocks larger than this are skipped (default MAX_BLOCK). */
  readonly maxBlock?: number
  keys(r: Prepared): number[]
}

const round = (h: number, x: number): number => {
  const k = Math.imul(h ^ x, 0xcc9e2d51)
  return Math.imul((k << 15) | (k >>> 17), 0x1b873593)
}
const finish = (h: number): number => {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b)
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35)
  return (h ^ (h >>> 16)) >>> 0
}

/** Combines two or three hashes (murmur3's mixing): order matters. No arrays, no garbage. */
export function mix(a: number, b: number, c?: number): number {
  const h = round(round(0x9747b28c, a), b)
  return finish(c === undefined ? h : round(h, c))
}

/** A cache of derived values per word: the vocabulary is small, the records many. */
function perWord<T>(derive: (w: string) => T): (w: string) => T {
  const cache = new Map<string, T>()
  return (w) => {
    let v = cache.get(w)
    if (v === undefined) {
      if (cache.size > 1_000_000) cache.clear()
      v = derive(w)
      cache.set(w, v)
    }
    return v
  }
}

const wordHash = perWord(hash32)

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

/** Order-free: the same words in any order give the same value. */
const unordered = (hs: number[]): number => hs.sort((a, b) => a - b).reduce((h, x) => mix(h, x), 0)

const dobDay = (r: Prepared): number | null => (r.dob && r.dob.m > 0 ? r.dob.y * 10_000 + r.dob.m * 100 + r.dob.d : null)
const nameHash = (r: Prepared): number | null => (r.name ? unordered(r.name.folded.map(wordHash)) : null)
const soundPair = (r: Prepared): number | null => {
  if (!r.name) return null
  return r.name.folded.length === 1 ? soundHash(given(r.name)) : unordered([soundHash(family(r.name)), soundHash(given(r.name))])
}

const FAMILY = 1
const GIVEN = 2
/** Family name exact with the given name's deletions, and the other way round. */
function editKeys(r: Prepared): number[] {
  if (!r.name || r.name.folded.length < 2) return []
  const f = wordHash(family(r.name))
  const g = wordHash(given(r.name))
  return [...deletionHashes(given(r.name)).map((v) => mix(FAMILY, f, v)), ...deletionHashes(family(r.name)).map((v) => mix(GIVEN, g, v))]
}

/** Where someone lives: the ward where codes exist, else each word of the address. */
const places = (r: Prepared): number[] => (r.ward ? [wordHash(r.ward)] : r.address ? [...new Set(r.address)].map(wordHash) : [])

const one = (x: number | null): number[] => (x === null ? [] : [x])
const both = (x: number | null, y: number | null): number[] => (x === null || y === null ? [] : [mix(x, y)])

export const BLOCKING_RULES: readonly BlockingRule[] = [
  // IDs and old IDs share one key space: that is the CMND–CCCD crosswalk.
  { name: 'id', fixes: ['national_id'], keys: (r) => [r.nationalId, r.oldNationalId].filter((x) => x !== null).map((x) => hash32(x)) },
  {
    // Catches transposed digits: the digits, sorted.
    name: 'id_digits',
    fixes: ['national_id'],
    keys: (r) => (r.nationalId && r.nationalId.length >= 6 ? [hash32([...r.nationalId].sort().join(''))] : [])
  },
  { name: 'dob_given', fixes: ['dob', 'given_name'], keys: (r) => both(dobDay(r), r.name ? wordHash(given(r.name)) : null) },
  {
    // A one-word name may be either part, so it keys both rules.
    name: 'dob_family',
    fixes: ['dob', 'surname'],
    keys: (r) => both(dobDay(r), r.name ? wordHash(family(r.name)) : null)
  },
  {
    // Order-free full name with the birth year: survives swapped names and a wrong day or month.
    name: 'year_name',
    fixes: ['dob', 'given_name', 'surname', 'middle_name'],
    keys: (r) => both(r.dob?.y ?? null, nameHash(r))
  },
  {
    // Sound-alike family and given name with the birth year: survives a misspelt name.
    name: 'year_sound',
    fixes: ['dob', 'given_name', 'surname'],
    // Sound keys are coarse by design: a big block is many names, not one misspelt.
    maxBlock: 10,
    keys: (r) => both(r.dob?.y ?? null, soundPair(r))
  },
  {
    // One-letter slips in the given or the family name, with the birth year: two spellings
    // one edit apart always share a one-deletion variant.
    name: 'year_edit',
    fixes: ['dob', 'given_name', 'surname'],
    keys: (r) => (r.dob ? editKeys(r).map((k) => mix(r.dob?.y ?? 0, k)) : [])
  },
  {
    // The same slips with the same place: survives a wrong birth date when the ID is missing
    // too. Places are coarse (a ward holds thousands), so only small blocks count.
    name: 'place_edit',
    fixes: ['given_name', 'surname', 'location', 'address'],
    maxBlock: 5,
    keys: (r) => {
      const ps = places(r)
      return ps.length === 0 ? [] : editKeys(r).flatMap((k) => ps.map((p) => mix(p, k)))
    }
  },
  {
    // The whole name with the day and month of birth: survives a wrong digit in the year
    // when the ID is missing too.
    name: 'name_day',
    fixes: ['given_name', 'surname', 'middle_name', 'dob'],
    keys: (r) => both(r.dob && r.dob.m > 0 ? r.dob.m * 100 + r.dob.d : null, nameHash(r))
  },
  {
    // Same birth date, same place: survives a name and an ID both mangled.
    name: 'dob_place',
    fixes: ['dob', 'location', 'address'],
    keys: (r) => {
      const d = dobDay(r)
      return d === null ? [] : places(r).map((p) => mix(d, p))
    }
  },
  { name: 'phone', fixes: ['phone'], keys: (r) => one(r.phone === null ? null : hash32(r.phone)) }
]

export interface CandidatePairs {
  /** Index into the subjects array. */
  subject: Int32Array
  /** Index into the targets array. */
  target: Int32Array
  /** Bit i set when BLOCKING_RULES[i] produced the pair. */
  rules: Int32Array
  length: number
  stats: { rule: string; pairs: number; skippedBlocks: number }[]
}

/**
 * Above this many targets under one key the block is skipped: such keys ("1990 Nguyễn
 * Anh") would add many pairs and little recall that the other rules do not already give.
 */
export const MAX_BLOCK = 150

const RULE_BITS = 4

/**
 * Every record's keys as one sorted Float64Array: key hash in the high bits (its low 4
 * bits name the rule), record index in the low bits. Millions of keys take tens of
 * megabytes, and sorting them is what makes the join below a single pass.
 */
function keyIndex(records: readonly Prepared[], rules: readonly BlockingRule[], idxBits: number, ctx: JobContext): Float64Array {
  const hashBits = Math.min(32, 53 - idxBits) - RULE_BITS
  const scale = 2 ** idxBits
  let entries = new Float64Array(Math.max(16, records.length * 8))
  let n = 0
  for (let i = 0; i < records.length; i++) {
    if ((i & 0xffff) === 0) ctx.checkCancelled()
    const rec = records[i] as Prepared
    for (let r = 0; r < rules.length; r++) {
      for (const key of (rules[r] as BlockingRule).keys(rec)) {
        if (n === entries.length) {
          const grown = new Float64Array(entries.length * 2)
          grown.set(entries)
          entries = grown
        }
        const h = (mix(r, key) >>> (32 - hashBits)) * 2 ** RULE_BITS + r
        entries[n++] = h * scale + i
      }
    }
  }
  return entries.subarray(0, n).sort()
}

/**
 * Generates candidate pairs: the subjects' and the targets' sorted keys are merged in one
 * pass, which stays fast when the index is far bigger than the CPU cache (a binary search
 * per key would not). A hash collision only adds a pair that is then scored and dropped.
 * With dedup, subjects and targets are the same array and each pair appears once (i < j).
 * Pairs come out ordered by subject, then target.
 */
export function block(
  subjects: readonly Prepared[],
  targets: readonly Prepared[],
  opts: { dedup: boolean; rules?: readonly BlockingRule[]; maxBlock?: number },
  ctx: JobContext
): CandidatePairs {
  const rules = opts.rules ?? BLOCKING_RULES
  if (rules.length > 2 ** RULE_BITS) throw new Error('too many blocking rules')
  const limit = rules.map((r) => r.maxBlock ?? opts.maxBlock ?? MAX_BLOCK)
  const idxBits = Math.max(1, Math.ceil(Math.log2(Math.max(subjects.length, targets.length) + 1)))
  const scale = 2 ** idxBits
  ctx.progress({ done: 0, total: null, stage: 'block' })
  const T = keyIndex(targets, rules, idxBits, ctx)
  const S = opts.dedup ? T : keyIndex(subjects, rules, idxBits, ctx)
  const stats = rules.map((r) => ({ rule: r.name, pairs: 0, skippedBlocks: 0 }))

  // Every (subject, target, rule), packed as ((s·scale + t)·16 + rule), duplicates and all.
  let raw = new Float64Array(Math.max(16, subjects.length * 16))
  let n = 0
  const keyOf = (v: number): number => Math.floor(v / scale)
  let i = 0
  let j = 0
  while (i < S.length && j < T.length) {
    const ks = keyOf(S[i] as number)
    const kt = keyOf(T[j] as number)
    if (ks < kt) {
      while (i < S.length && keyOf(S[i] as number) === ks) i++
      continue
    }
    if (kt < ks) {
      while (j < T.length && keyOf(T[j] as number) === kt) j++
      continue
    }
    let iEnd = i
    while (iEnd < S.length && keyOf(S[iEnd] as number) === ks) iEnd++
    let jEnd = j
    while (jEnd < T.length && keyOf(T[jEnd] as number) === kt) jEnd++
    const rule = ks % 2 ** RULE_BITS
    if (jEnd - j > (limit[rule] as number)) {
      ;(stats[rule] as { skippedBlocks: number }).skippedBlocks += iEnd - i
    } else {
      const base = ks * scale
      for (let a = i; a < iEnd; a++) {
        const s = (S[a] as number) - base
        for (let b = j; b < jEnd; b++) {
          const t = (T[b] as number) - base
          if (opts.dedup && t <= s) continue
          if (n === raw.length) {
            const grown = new Float64Array(raw.length * 2)
            grown.set(raw)
            raw = grown
          }
          raw[n++] = (s * scale + t) * 2 ** RULE_BITS + rule
        }
      }
    }
    i = iEnd
    j = jEnd
    if ((i & 0xfffff) === 0) ctx.checkCancelled()
  }

  // One pair per (subject, target), with the bits of every rule that found it.
  const sorted = raw.subarray(0, n).sort()
  const subject = new Int32Array(n)
  const target = new Int32Array(n)
  const ruleBits = new Int32Array(n)
  let len = 0
  let last = -1
  for (let k = 0; k < n; k++) {
    const v = sorted[k] as number
    const pair = Math.floor(v / 2 ** RULE_BITS)
    const bit = 1 << (v - pair * 2 ** RULE_BITS)
    if (pair === last) {
      if (!((ruleBits[len - 1] as number) & bit)) ruleBits[len - 1] = (ruleBits[len - 1] as number) | bit
      continue
    }
    last = pair
    subject[len] = Math.floor(pair / scale)
    target[len] = pair - (subject[len] as number) * scale
    ruleBits[len] = bit
    len++
  }
  for (let p = 0; p < len; p++) {
    const bits = ruleBits[p] as number
    for (let r = 0; r < rules.length; r++) if (bits & (1 << r)) (stats[r] as { pairs: number }).pairs++
  }
  return { subject, target, rules: ruleBits, length: len, stats }
}
