import { mix } from './block-hash.ts'
import type { BlockingRule } from './block.ts'
import type { Prepared } from './prepare.ts'

/** The low bits of a key hash name its rule (up to 16 rules). */
export const RULE_BITS = 4

/** A bit per key hash (2^27 bits, 16 MB): which keys the other side has at all. */
export const FILTER_BITS = 27

export interface KeyFilter {
  /** Keys whose bit is not set here are left out. */
  only?: Uint32Array
  /** Every key's bit is set here (atomically when the array is shared between threads). */
  mark?: Uint32Array
  /** The exact values the other side holds: a record holding one needs no slip keys. */
  exactFound?: Set<number>
}

/**
 * The keys of records [from, to), unsorted: key hash in the high bits (its low 4 bits
 * name the rule), record index in the low bits. With `only`, keys the other side
 * certainly lacks are left out (most of a big registry's keys: the deletion variants of
 * names nobody misspelt), and with `mark` every key is recorded. The keys of a record
 * depend on the record alone, so any split of the records into ranges, on any threads,
 * gives the same keys.
 */
export function rangeKeys(
  records: readonly Prepared[],
  rules: readonly BlockingRule[],
  idxBits: number,
  from: number,
  to: number,
  filter: KeyFilter
): Float64Array<ArrayBuffer> {
  const hashBits = Math.min(32, 53 - idxBits) - RULE_BITS
  const scale = 2 ** idxBits
  let entries = new Float64Array(Math.max(16, (to - from) * 16))
  let n = 0
  let rule = 0
  let rec = 0
  const { only, mark, exactFound } = filter
  const atomic = mark !== undefined && mark.buffer instanceof SharedArrayBuffer
  const emit = (key: number): void => {
    const h = mix(rule, key)
    const bit = h >>> (32 - FILTER_BITS)
    if (mark) {
      if (atomic) Atomics.or(mark, bit >>> 5, 1 << (bit & 31))
      else mark[bit >>> 5] = (mark[bit >>> 5] as number) | (1 << (bit & 31))
    }
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
  for (rec = from; rec < to; rec++) {
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
  return entries.slice(0, n)
}

/** The rules as the second pass of deduplication uses them: slip keys only. */
export const slipKeysOnly = (rules: readonly BlockingRule[]): BlockingRule[] => rules.map((r) => (r.exact ? r : { ...r, keys: () => {} }))
