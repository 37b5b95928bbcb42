import type { JobContext } from '../base/job-context.ts'
import { family, given, type Prepared } from './prepare.ts'
import { hash32 } from '../base/hash.ts'

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

/**
 * Hashes of an ID and of the ID with each character deleted, without building the strings
 * (IDs are unique, so nothing could be cached): a polynomial hash splits into prefix and
 * suffix, so each variant costs one multiply-add.
 */
const POLY = 0x01000193
// Scratch for emitIdDeletions, grown as needed: one per process, not one per ID.
let prefix = new Int32Array(32)
let suffix = new Int32Array(32)
let power = new Int32Array(32)
function emitIdDeletions(id: string, emit: (key: number) => void): void {
  const n = id.length
  if (n + 2 > prefix.length) {
    prefix = new Int32Array(n * 2)
    suffix = new Int32Array(n * 2)
    power = new Int32Array(n * 2)
  }
  power[0] = 1
  prefix[0] = 0
  suffix[n] = 0
  for (let i = 0; i < n; i++) {
    prefix[i + 1] = (Math.imul(prefix[i] as number, POLY) + id.charCodeAt(i)) | 0
    power[i + 1] = Math.imul(power[i] as number, POLY)
  }
  for (let i = n - 1; i >= 0; i--) suffix[i] = (Math.imul(id.charCodeAt(i), power[n - 1 - i] as number) + (suffix[i + 1] as number)) | 0
  emit((prefix[n] as number) >>> 0)
  for (let k = 0; k < n; k++) {
    // A run of equal characters gives one variant: emit it once.
    if (k > 0 && id.charCodeAt(k) === id.charCodeAt(k - 1)) continue
    emit((Math.imul(prefix[k] as number, power[n - 1 - k] as number) + (suffix[k + 1] as number)) >>> 0)
  }
}

/** Order-free hash of words: the same words in any order give the same value. */
const sortBuf = new Float64Array(16)
function unordered(words: readonly string[], hash: (w: string) => number): number {
  const n = Math.min(words.length, sortBuf.length)
  for (let i = 0; i < n; i++) {
    // Insertion sort of a handful of hashes: no array, no garbage.
    const h = hash(words[i] as string)
    let j = i
    while (j > 0 && (sortBuf[j - 1] as number) > h) {
      sortBuf[j] = sortBuf[j - 1] as number
      j--
    }
    sortBuf[j] = h
  }
  let h = 0
  for (let i = 0; i < n; i++) h = mix(h, sortBuf[i] as number)
  return h
}

const dobDay = (r: Prepared): number | null => (r.dob && r.dob.m > 0 ? r.dob.y * 10_000 + r.dob.m * 100 + r.dob.d : null)
const nameHash = (r: Prepared): number | null => (r.name ? unordered(r.name.folded, wordHash) : null)
const soundPair = (r: Prepared): number | null => {
  if (!r.name) return null
  return r.name.folded.length === 1 ? soundHash(given(r.name)) : unordered([family(r.name), given(r.name)], soundHash)
}

const FAMILY = 1
const GIVEN = 2
/** Family name exact with the given name's deletions, and the other way round, each under `scope`. */
function emitEditKeys(r: Prepared, scope: number, emit: (key: number) => void): void {
  if (!r.name || r.name.folded.length < 2) return
  const f = family(r.name)
  const g = given(r.name)
  const fh = mix(scope, FAMILY, wordHash(f))
  const gh = mix(scope, GIVEN, wordHash(g))
  for (const v of deletionHashes(g)) emit(mix(fh, v))
  for (const v of deletionHashes(f)) emit(mix(gh, v))
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
    keys: (r, emit) => {
      if (r.address) for (const w of new Set(r.address)) emitEditKeys(r, wordHash(w), emit)
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

/** A bit per key hash (2^27 bits, 16 MB): which keys the other side has at all. */
const FILTER_BITS = 27

/**
 * Every record's keys as one sorted Float64Array: key hash in the high bits (its low 4
 * bits name the rule), record index in the low bits. Millions of keys take tens of
 * megabytes, and sorting them is what makes the join below a single pass. With `only`,
 * keys the other side certainly lacks are left out (most of a big registry's keys: the
 * deletion variants of names nobody misspelt), and with `mark` every key is recorded.
 */
function keyIndex(
  records: readonly Prepared[],
  rules: readonly BlockingRule[],
  idxBits: number,
  ctx: JobContext,
  filter: { only?: Uint32Array; mark?: Uint32Array; exactFound?: Set<number> } = {}
): Float64Array {
  const hashBits = Math.min(32, 53 - idxBits) - RULE_BITS
  const scale = 2 ** idxBits
  let entries = new Float64Array(Math.max(16, records.length * 16))
  let n = 0
  let rule = 0
  let rec = 0
  const { only, mark, exactFound } = filter
  const emit = (key: number): void => {
    const h = mix(rule, key)
    const bit = h >>> (32 - FILTER_BITS)
    if (mark) mark[bit >>> 5] = (mark[bit >>> 5] as number) | (1 << (bit & 31))
    if (only && !((only[bit >>> 5] as number) & (1 << (bit & 31)))) return
    if (n === entries.length) {
      const grown = new Float64Array(entries.length * 2)
      grown.set(entries)
      entries = grown
    }
    entries[n++] = ((h >>> (32 - hashBits)) * 2 ** RULE_BITS + rule) * scale + rec
  }
  // Set by probe while a rule's exact values are checked (a closure: no array per record).
  const state = { found: false }
  const probe = (key: number): void => {
    if (exactFound?.has(key >>> 1)) state.found = true
  }
  for (rec = 0; rec < records.length; rec++) {
    if ((rec & 0xffff) === 0) ctx.checkCancelled()
    const r = records[rec] as Prepared
    for (rule = 0; rule < rules.length; rule++) {
      const br = rules[rule] as BlockingRule
      if (exactFound && br.exact) {
        state.found = false
        br.exact(r, probe)
        if (state.found) continue
      }
      br.keys(r, emit)
    }
  }
  return entries.subarray(0, n).sort()
}

/**
 * The exact values the targets hold, for the rules that look for slips of them. In
 * deduplication a record finds its own value, so a value counts once another holds it too.
 */
function exactValues(records: readonly Prepared[], rules: readonly BlockingRule[], dedup: boolean): Set<number> {
  // Keys are kept to 31 bits, which V8 stores unboxed; a rare collision only spares a
  // subject slip keys it did not need.
  const seen = new Set<number>()
  const shared = new Set<number>()
  const slipRules = rules.filter((r) => r.exact)
  // A record's own repeated value (ID and old ID alike) is still one record.
  const own: number[] = []
  const collect = (key: number): void => {
    const k = key >>> 1
    if (!own.includes(k)) own.push(k)
  }
  for (const r of records) {
    for (const rule of slipRules) {
      own.length = 0
      rule.exact?.(r, collect)
      for (const key of own) {
        if (dedup && !seen.has(key)) seen.add(key)
        else shared.add(key)
      }
    }
  }
  return shared
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
  const stats = rules.map((r) => ({ rule: r.name, pairs: 0, skippedBlocks: 0 }))

  // Every (subject, target, rule), packed as ((s·scale + t)·16 + rule), duplicates and all.
  let raw = new Float64Array(Math.max(16, subjects.length * 16))
  let n = 0
  const push = (s: number, t: number, rule: number): void => {
    if (n === raw.length) {
      const grown = new Float64Array(raw.length * 2)
      grown.set(raw)
      raw = grown
    }
    raw[n++] = (s * scale + t) * 2 ** RULE_BITS + rule
  }
  const keyOf = (v: number): number => Math.floor(v / scale)
  /**
   * Merges two sorted key indexes, pairing the records under every key both hold (for
   * the rules `use` accepts). With `self`, S is T: pairs (i < j) within each block. With
   * `either`, a pair found in either direction is stored as (lower, higher).
   */
  const merge = (S: Float64Array, T: Float64Array, mode: 'link' | 'self' | 'either', use: (rule: number) => boolean): void => {
    let i = 0
    let j = 0
    while (i < S.length && j < T.length) {
      const ks = keyOf(S[i] as number)
      const kt = keyOf(T[j] as number)
      if (ks !== kt) {
        if (ks < kt) while (i < S.length && keyOf(S[i] as number) === ks) i++
        else while (j < T.length && keyOf(T[j] as number) === kt) j++
        continue
      }
      let iEnd = i
      while (iEnd < S.length && keyOf(S[iEnd] as number) === ks) iEnd++
      let jEnd = j
      while (jEnd < T.length && keyOf(T[jEnd] as number) === kt) jEnd++
      const rule = ks % 2 ** RULE_BITS
      if (!use(rule)) {
        // not this merge's rule
      } else if (jEnd - j > (limit[rule] as number)) {
        ;(stats[rule] as { skippedBlocks: number }).skippedBlocks += iEnd - i
      } else {
        const base = ks * scale
        for (let a = i; a < iEnd; a++) {
          const s = (S[a] as number) - base
          for (let b = mode === 'self' ? a + 1 : j; b < jEnd; b++) {
            const t = (T[b] as number) - base
            if (mode === 'link') push(s, t, rule)
            else if (s !== t) push(Math.min(s, t), Math.max(s, t), rule)
          }
        }
      }
      i = iEnd
      j = jEnd
      if ((i & 0xfffff) === 0) ctx.checkCancelled()
    }
  }

  if (subjects.length > 0 && targets.length > 0) {
    // Subjects skip the slip keys they do not need; targets keep every key some subject has.
    const seen = new Uint32Array(2 ** (FILTER_BITS - 5))
    const S = keyIndex(subjects, rules, idxBits, ctx, { mark: seen, exactFound: exactValues(targets, rules, opts.dedup) })
    if (!opts.dedup) merge(S, keyIndex(targets, rules, idxBits, ctx, { only: seen }), 'link', () => true)
    else {
      // Each record plays both parts: pairs within its own keys, then a record that needs
      // slip keys meets the records that skipped theirs (their full slip keys).
      const slip = new Set(rules.flatMap((r, i) => (r.exact ? [i] : [])))
      merge(S, S, 'self', () => true)
      if (slip.size > 0) {
        const slipRules = rules.map((r) => (r.exact ? r : { ...r, keys: () => {} }))
        merge(S, keyIndex(targets, slipRules, idxBits, ctx, { only: seen }), 'either', (rule) => slip.has(rule))
      }
    }
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
