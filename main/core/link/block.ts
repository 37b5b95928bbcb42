import type { JobContext } from '../jobs/context.ts'
import { family, given, type Prepared } from './prepare.ts'
import { hash32 } from './text.ts'

/**
 * A blocking rule: records sharing one of its keys become a candidate pair. Each rule
 * names the comparisons its keys force to agree, because EM cannot learn how often
 * matches agree on a field from pairs chosen for agreeing on it.
 */
export interface BlockingRule {
  readonly name: string
  readonly fixes: readonly string[]
  keys(r: Prepared): string[]
}

const ymd = (r: Prepared): string | null =>
  r.dob && r.dob.m > 0 ? `${r.dob.y}${String(r.dob.m).padStart(2, '0')}${String(r.dob.d).padStart(2, '0')}` : null

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

const nameTokensSorted = (r: Prepared): string | null => (r.name ? [...r.name.folded].sort().join(' ') : null)

const soundPair = (r: Prepared): string | null => {
  if (!r.name) return null
  const parts = r.name.folded.length === 1 ? [given(r.name)] : [family(r.name), given(r.name)]
  return parts.map(soundKey).sort().join(' ')
}

const some = (...xs: (string | null)[]): string[] => xs.filter((x): x is string => x !== null)

export const BLOCKING_RULES: readonly BlockingRule[] = [
  { name: 'id', fixes: ['national_id'], keys: (r) => some(r.nationalId, r.oldNationalId) },
  {
    // Catches transposed digits: the digits, sorted.
    name: 'id_digits',
    fixes: ['national_id'],
    keys: (r) => some(r.nationalId && r.nationalId.length >= 6 ? [...r.nationalId].sort().join('') : null)
  },
  {
    name: 'dob_given',
    fixes: ['dob', 'given_name'],
    keys: (r) => some(ymd(r) && r.name ? `${ymd(r)}|${given(r.name)}` : null)
  },
  {
    // A one-word name may be either part, so it keys both rules.
    name: 'dob_family',
    fixes: ['dob', 'surname'],
    keys: (r) => some(ymd(r) && r.name ? `${ymd(r)}|${family(r.name)}` : null)
  },
  {
    // Order-free full name with the birth year: survives swapped names and a wrong day or month.
    name: 'year_name',
    fixes: ['dob', 'given_name', 'surname', 'middle_name'],
    keys: (r) => some(r.dob && r.name ? `${r.dob.y}|${nameTokensSorted(r)}` : null)
  },
  {
    // Sound-alike family and given name with the birth year: survives a typo in the name.
    name: 'year_sound',
    fixes: ['dob', 'given_name', 'surname'],
    keys: (r) => some(r.dob && r.name ? `${r.dob.y}|${soundPair(r)}` : null)
  },
  {
    // Sound-alike name alone: survives a wrong birth date when the ID is missing too.
    name: 'sound',
    fixes: ['given_name', 'surname'],
    keys: (r) => some(soundPair(r))
  },
  {
    // Same birth date, same place: survives a name and an ID both mangled. The place is the
    // ward where codes exist, else each word of a free-text address.
    name: 'dob_place',
    fixes: ['dob', 'location', 'address'],
    keys: (r) => {
      const d = ymd(r)
      if (!d) return []
      if (r.ward) return [`${d}|${r.ward}`]
      return r.address ? [...new Set(r.address)].map((t) => `${d}|${t}`) : []
    }
  },
  { name: 'phone', fixes: ['phone'], keys: (r) => some(r.phone) }
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

/**
 * Generates candidate pairs. Target keys are hashed into one sorted Float64Array (hash in
 * the high bits, target index in the low bits), which holds millions of keys in a few
 * tens of megabytes; a hash collision only adds a pair that is then scored and dropped.
 * With dedup, subjects and targets are the same array and each pair appears once (i < j).
 */
export function block(
  subjects: readonly Prepared[],
  targets: readonly Prepared[],
  opts: { dedup: boolean; rules?: readonly BlockingRule[]; maxBlock?: number },
  ctx: JobContext
): CandidatePairs {
  const rules = opts.rules ?? BLOCKING_RULES
  const maxBlock = opts.maxBlock ?? MAX_BLOCK
  const idxBits = Math.max(1, Math.ceil(Math.log2(targets.length + 1)))
  const hashBits = Math.min(32, 53 - idxBits)
  const idxScale = 2 ** idxBits
  const hashOf = (ruleIdx: number, key: string): number => hash32(`${ruleIdx}\u0000${key}`) >>> (32 - hashBits)

  let entries = new Float64Array(Math.max(16, targets.length * 4))
  let n = 0
  for (let t = 0; t < targets.length; t++) {
    if ((t & 0xffff) === 0) ctx.checkCancelled()
    const rec = targets[t] as Prepared
    for (let r = 0; r < rules.length; r++) {
      for (const key of (rules[r] as BlockingRule).keys(rec)) {
        if (n === entries.length) {
          const grown = new Float64Array(entries.length * 2)
          grown.set(entries)
          entries = grown
        }
        entries[n++] = hashOf(r, key) * idxScale + t
      }
    }
  }
  const index = entries.subarray(0, n).sort()

  const lowerBound = (v: number): number => {
    let lo = 0
    let hi = index.length
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if ((index[mid] as number) < v) lo = mid + 1
      else hi = mid
    }
    return lo
  }

  let cap = Math.max(16, subjects.length * 8)
  let subject = new Int32Array(cap)
  let target = new Int32Array(cap)
  let ruleBits = new Int32Array(cap)
  let len = 0
  const stamp = new Int32Array(targets.length).fill(-1)
  const pos = new Int32Array(targets.length)
  const stats = rules.map((r) => ({ rule: r.name, pairs: 0, skippedBlocks: 0 }))

  for (let s = 0; s < subjects.length; s++) {
    if ((s & 0x3fff) === 0) {
      ctx.checkCancelled()
      ctx.progress({ done: s, total: subjects.length, stage: 'block' })
    }
    const rec = subjects[s] as Prepared
    for (let r = 0; r < rules.length; r++) {
      const bit = 1 << r
      for (const key of (rules[r] as BlockingRule).keys(rec)) {
        const base = hashOf(r, key) * idxScale
        const start = lowerBound(base)
        let end = start
        while (end < index.length && (index[end] as number) < base + idxScale) end++
        if (end - start > maxBlock) {
          ;(stats[r] as { skippedBlocks: number }).skippedBlocks++
          continue
        }
        for (let k = start; k < end; k++) {
          const t = (index[k] as number) - base
          if (opts.dedup && t <= s) continue
          if (stamp[t] === s) {
            const p = pos[t] as number
            if (!((ruleBits[p] as number) & bit)) {
              ruleBits[p] = (ruleBits[p] as number) | bit
              ;(stats[r] as { pairs: number }).pairs++
            }
            continue
          }
          if (len === cap) {
            cap *= 2
            const grow = (a: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> => {
              const g = new Int32Array(cap)
              g.set(a)
              return g
            }
            subject = grow(subject)
            target = grow(target)
            ruleBits = grow(ruleBits)
          }
          stamp[t] = s
          pos[t] = len
          subject[len] = s
          target[len] = t
          ruleBits[len] = bit
          ;(stats[r] as { pairs: number }).pairs++
          len++
        }
      }
    }
  }
  return { subject, target, rules: ruleBits, length: len, stats }
}
