import type { JobContext } from '../../jobs/context.ts'
import { compareInto, type Comparison } from '../compare/index.ts'
import type { Prepared } from '../prepare.ts'
import { rng } from './random.ts'

export interface RandomPairSample {
  /** Pairs compared. */
  n: number
  /** counts[c][level]: how many sampled pairs fell at each level of comparison c. */
  counts: number[][]
  /** How many sampled pairs could be compared on c at all. */
  nonNull: number[]
}

/**
 * Compares random pairs, which are almost all non-matches: their level frequencies
 * estimate u, and their null rates show which comparisons the data supports. Small
 * inputs are compared exhaustively.
 */
export function sampleRandomPairs(
  subjects: readonly Prepared[],
  targets: readonly Prepared[],
  comparisons: readonly Comparison[],
  opts: { dedup: boolean; maxPairs: number; seed: number },
  ctx: JobContext
): RandomPairSample {
  const counts = comparisons.map((c) => new Array<number>(c.levels.length).fill(0))
  const nonNull = new Array<number>(comparisons.length).fill(0)
  const out = new Int8Array(comparisons.length)
  let n = 0
  const add = (a: Prepared, b: Prepared): void => {
    compareInto(comparisons, a, b, out)
    for (let c = 0; c < comparisons.length; c++) {
      const l = out[c] as number
      if (l < 0) continue
      nonNull[c] = (nonNull[c] as number) + 1
      const row = counts[c] as number[]
      row[l] = (row[l] as number) + 1
    }
    n++
    if ((n & 0xffff) === 0) ctx.checkCancelled()
  }
  const total = opts.dedup ? (subjects.length * (subjects.length - 1)) / 2 : subjects.length * targets.length
  if (total <= opts.maxPairs) {
    for (let i = 0; i < subjects.length; i++) {
      for (let j = opts.dedup ? i + 1 : 0; j < targets.length; j++) add(subjects[i] as Prepared, targets[j] as Prepared)
    }
  } else if (total > 0) {
    const rand = rng(opts.seed)
    while (n < opts.maxPairs) {
      const i = Math.floor(rand() * subjects.length)
      const j = Math.floor(rand() * targets.length)
      if (opts.dedup && i === j) continue
      add(subjects[i] as Prepared, targets[j] as Prepared)
    }
  }
  return { n, counts, nonNull }
}

/**
 * u per level from the sample, with one pseudo-count per level so a level never seen
 * among random pairs (two strangers with the same ID) gets a small u rather than zero.
 */
export function uFromSample(sample: RandomPairSample, c: number): number[] {
  const row = sample.counts[c] as number[]
  const nn = sample.nonNull[c] as number
  return row.map((k) => (k + 1) / (nn + row.length))
}
