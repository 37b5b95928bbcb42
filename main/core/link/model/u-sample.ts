import type { JobContext } from '../../base/job-context.ts'
import type { ComparePool } from '../compare-pool.ts'
import type { Comparison } from '../compare/index.ts'
import { uniform } from '../../base/random.ts'
import { countPatternsByBit, type PatternCounts } from './em.ts'

export interface RandomPairSample {
  /** Pairs compared. */
  n: number
  /** counts[c][level]: how many sampled pairs fell at each level of comparison c. */
  counts: number[][]
  /** How many sampled pairs could be compared on c at all. */
  nonNull: number[]
  /** The sampled pairs by pattern of levels. */
  patterns: PatternCounts
}

/** Where a batch of pairs is compared: the pool and the names of the two record sets. */
export interface PairSource {
  pool: ComparePool
  a: string
  b: string
}

/**
 * Compares random pairs, which are almost all non-matches: their level frequencies
 * estimate u, and their null rates show which comparisons the data supports. Small
 * inputs are compared exhaustively. The pairs are drawn here, in one sequence, and
 * compared in the pool: the sample is the same whatever the number of threads.
 */
export function sampleRandomPairs(
  sizes: { subjects: number; targets: number },
  source: PairSource,
  comparisons: readonly Comparison[],
  opts: { dedup: boolean; maxPairs: number; seed: number },
  ctx: JobContext
): RandomPairSample {
  const { subjects, targets } = sizes
  const total = opts.dedup ? (subjects * (subjects - 1)) / 2 : subjects * targets
  const n = total <= 0 ? 0 : Math.min(total, opts.maxPairs)
  const sub = new Int32Array(n)
  const tgt = new Int32Array(n)
  if (total <= opts.maxPairs) {
    let k = 0
    for (let i = 0; i < subjects; i++) {
      for (let j = opts.dedup ? i + 1 : 0; j < targets; j++) {
        sub[k] = i
        tgt[k++] = j
      }
    }
  } else {
    const rand = uniform(opts.seed)
    for (let k = 0; k < n;) {
      const i = Math.floor(rand() * subjects)
      const j = Math.floor(rand() * targets)
      if (opts.dedup && i === j) continue
      sub[k] = i
      tgt[k++] = j
    }
  }
  const { levels } = source.pool.compare(comparisons, null, source.a, source.b, sub, tgt, ctx, 'sample')
  const width = comparisons.length
  const counts = comparisons.map((c) => new Array<number>(c.levels.length).fill(0))
  const nonNull = new Array<number>(width).fill(0)
  for (let p = 0; p < n; p++) {
    for (let c = 0; c < width; c++) {
      const l = levels[p * width + c] as number
      if (l < 0) continue
      nonNull[c] = (nonNull[c] as number) + 1
      const row = counts[c] as number[]
      row[l] = (row[l] as number) + 1
    }
  }
  return { n, counts, nonNull, patterns: countPatternsByBit(levels, width, new Int32Array(n), 0)[0] as PatternCounts }
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

/**
 * u per level from the sample once the true matches hidden in it are taken out: each
 * sampled pattern counts by its chance of being a non-match under the fitted model (m, u
 * and the prior), with the same pseudo-count as uFromSample. Subtracting the matches'
 * expected share of every level instead (λ·m) is right on average but, at a level few
 * random pairs reach (two strangers at one address), it leaves mostly noise: a handful of
 * hidden matches more or less decide u there, and with it the level's weight.
 */
export function uFromNonMatches(
  sample: RandomPairSample,
  m: readonly (readonly number[])[],
  u: readonly (readonly number[])[],
  lambda: number
): number[][] {
  const width = u.length
  const acc = u.map((row) => new Array<number>(row.length).fill(0))
  const total = new Array<number>(width).fill(0)
  const odds = lambda / (1 - lambda)
  const { patterns, counts } = sample.patterns
  patterns.forEach((pat, i) => {
    let r = odds
    for (let c = 0; c < width; c++) {
      const l = pat[c] as number
      if (l >= 0) r *= ((m[c] as number[])[l] as number) / ((u[c] as number[])[l] as number)
    }
    const nonMatch = (counts[i] as number) * (Number.isFinite(r) ? 1 / (1 + r) : 0)
    for (let c = 0; c < width; c++) {
      const l = pat[c] as number
      if (l < 0) continue
      const row = acc[c] as number[]
      row[l] = (row[l] as number) + nonMatch
      total[c] = (total[c] as number) + nonMatch
    }
  })
  return acc.map((row, c) => row.map((k) => (k + 1) / ((total[c] as number) + row.length)))
}
