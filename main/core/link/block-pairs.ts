import type { JobContext } from '../base/job-context.ts'
import { FILTER_BITS, rangeKeys, RULE_BITS, slipKeysOnly, type KeyFilter } from './block-keys.ts'
import { BLOCKING_RULES, type BlockingRule } from './block.ts'
import type { Prepared } from './prepare.ts'

/**
 * Keys a record set's chunks on the comparison threads (compare-pool.ts), with the
 * standard rules (`slip`: their slip keys only).
 */
export interface KeyThreads {
  keys(count: number, idxBits: number, filter: KeyFilter, ctx: JobContext): Float64Array[]
}

/** Where a pairing's keys can be computed on threads: the subjects' and the targets' sets. */
export interface BlockThreads {
  subjects: KeyThreads
  targets: KeyThreads
  /** The targets' slip keys only (deduplication's second pass). */
  targetSlips: KeyThreads
}

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

/** Records per chunk of keys, each chunk computed on whichever thread takes it. */
export const KEY_CHUNK = 8192

/**
 * Every record's keys as one sorted Float64Array (see rangeKeys). Millions of keys take
 * tens of megabytes, and sorting them is what makes the join below a single pass. With
 * `threads` (the standard rules only) the records' chunks are keyed on the comparison
 * threads; the sorted result is the same whichever thread keyed which chunk.
 */
function keyIndex(
  records: readonly Prepared[],
  rules: readonly BlockingRule[],
  idxBits: number,
  ctx: JobContext,
  filter: KeyFilter,
  threads: KeyThreads | null
): Float64Array {
  const parts: Float64Array[] = []
  if (threads) parts.push(...threads.keys(records.length, idxBits, filter, ctx))
  else {
    for (let from = 0; from < records.length; from += KEY_CHUNK) {
      ctx.checkCancelled()
      parts.push(rangeKeys(records, rules, idxBits, from, Math.min(records.length, from + KEY_CHUNK), filter))
    }
  }
  const all = new Float64Array(parts.reduce((n, p) => n + p.length, 0))
  let at = 0
  for (const p of parts) {
    all.set(p, at)
    at += p.length
  }
  return all.sort()
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
  opts: { dedup: boolean; rules?: readonly BlockingRule[]; maxBlock?: number; threads?: BlockThreads },
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
    // Custom rules (tests) are functions no thread could be sent.
    const threads = opts.rules ? null : (opts.threads ?? null)
    // Subjects skip the slip keys they do not need; targets keep every key some subject has.
    const bytes = 2 ** (FILTER_BITS - 3)
    const seen = new Uint32Array(threads ? new SharedArrayBuffer(bytes) : new ArrayBuffer(bytes))
    const exactFound = exactValues(targets, rules, opts.dedup)
    const S = keyIndex(subjects, rules, idxBits, ctx, { mark: seen, exactFound }, threads?.subjects ?? null)
    if (!opts.dedup) merge(S, keyIndex(targets, rules, idxBits, ctx, { only: seen }, threads?.targets ?? null), 'link', () => true)
    else {
      // Each record plays both parts: pairs within its own keys, then a record that needs
      // slip keys meets the records that skipped theirs (their full slip keys).
      const slip = new Set(rules.flatMap((r, i) => (r.exact ? [i] : [])))
      merge(S, S, 'self', () => true)
      if (slip.size > 0) {
        const T = keyIndex(targets, slipKeysOnly(rules), idxBits, ctx, { only: seen }, threads?.targetSlips ?? null)
        merge(S, T, 'either', (rule) => slip.has(rule))
      }
    }
  }

  // One pair per (subject, target), with the bits of every rule that found it. Every rule
  // finds a true match again, so the pairs found are several times the distinct ones:
  // those are counted first, and only they get arrays.
  const sorted = raw.subarray(0, n).sort()
  const pairOf = (v: number): number => Math.floor(v / 2 ** RULE_BITS)
  let distinct = 0
  for (let k = 0, last = -1; k < n; k++) {
    const pair = pairOf(sorted[k] as number)
    if (pair !== last) distinct++
    last = pair
  }
  const subject = new Int32Array(distinct)
  const target = new Int32Array(distinct)
  const ruleBits = new Int32Array(distinct)
  let len = 0
  let last = -1
  for (let k = 0; k < n; k++) {
    const v = sorted[k] as number
    const pair = pairOf(v)
    const bit = 1 << (v - pair * 2 ** RULE_BITS)
    if (pair === last) {
      ruleBits[len - 1] = (ruleBits[len - 1] as number) | bit
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
