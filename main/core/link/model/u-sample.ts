import type { JobContext } from '../../base/job-context.ts'
import type { ComparePool } from '../compare-pool.ts'
import type { Comparison } from '../compare/index.ts'
import { uniform } from '../../base/random.ts'

export interface RandomPairSample {
  /** Pairs compared. */
  n: number
  /** counts[c][level]: how many sampled pairs fell at each level of comparison c. */
  counts: number[][]
  /** How many sampled pairs could be compared on c at all. */
  nonNull: number[]
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
