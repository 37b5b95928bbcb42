import type { JobContext } from '../../base/job-context.ts'
import { BLOCKING_RULES, type BlockingRule } from '../block.ts'
import type { CandidatePairs } from '../block-pairs.ts'
import { CATALOGUE, selectComparisons, type Comparison } from '../compare/index.ts'
import { countPatternsByBit, em, estimatePrior, initialM, type PatternCounts } from './em.ts'
import { comparisonWeight, levelWeights, priorWeight, type LinkModel } from './score.ts'
import type { TermFrequencies } from './tf.ts'
import { sampleRandomPairs, uFromNonMatches, uFromSample, type PairSource } from './u-sample.ts'

/** Levels and frequency adjustments of every candidate pair, computed once. */
export interface ComparedPairs {
  width: number
  levels: Int8Array
  /** The comparisons adjusted for frequency (the name parts), in order. */
  tfColumns: number[]
  /** Frequency of the agreed value per pair and frequency column, NaN when not adjusted. */
  freq: Float32Array
}

export function comparePairs(
  cs: readonly Comparison[],
  tf: TermFrequencies,
  source: PairSource,
  pairs: CandidatePairs,
  ctx: JobContext
): ComparedPairs {
  const r = source.pool.compare(
    cs,
    tf,
    source.a,
    source.b,
    pairs.subject.subarray(0, pairs.length),
    pairs.target.subarray(0, pairs.length),
    ctx,
    'compare'
  )
  return { width: cs.length, levels: r.levels, tfColumns: r.tfColumns, freq: r.freq }
}

export interface SessionReport {
  rule: string
  pairs: number
  expectedMatches: number
  iterations: number
  estimated: string[]
}

export interface FitReport {
  randomPairs: number
  coverage: Record<string, number>
  sessions: SessionReport[]
  totalPairs: number
  expectedMatches: number
}

/** Sessions with fewer pairs than this say too little to learn from. */
const MIN_SESSION_PAIRS = 20

/**
 * Fits the model without labels, the way Splink does:
 * 1. u from random pairs (which also decide which comparisons the data supports);
 * 2. m by EM, one session per blocking rule, leaving out the comparisons that rule forces
 *    to agree, then pooled across sessions by their expected number of matches;
 * 3. the prior from the data: the expected number of matches over all possible pairs;
 * 4. for deduplication, u corrected for the matches hidden among the random pairs.
 */
export function fitModel(
  sizes: { subjects: number; targets: number },
  source: PairSource,
  pairs: CandidatePairs,
  tf: TermFrequencies,
  opts: { dedup: boolean; seed: number; maxRandomPairs: number; rules?: readonly BlockingRule[] },
  ctx: JobContext
): { model: LinkModel; compared: ComparedPairs; report: FitReport } {
  const rules = opts.rules ?? BLOCKING_RULES
  ctx.progress({ done: 0, total: null, stage: 'sample' })
  const probe = sampleRandomPairs(
    sizes,
    source,
    CATALOGUE,
    { dedup: opts.dedup, maxPairs: Math.min(opts.maxRandomPairs, 20_000), seed: opts.seed },
    ctx
  )
  const coverage = new Map(CATALOGUE.map((c, i) => [c.name, probe.n > 0 ? (probe.nonNull[i] as number) / probe.n : 0]))
  const cs = selectComparisons(coverage)
  const sample = sampleRandomPairs(sizes, source, cs, { dedup: opts.dedup, maxPairs: opts.maxRandomPairs, seed: opts.seed + 1 }, ctx)
  let u = cs.map((_, c) => uFromSample(sample, c))

  const compared = comparePairs(cs, tf, source, pairs, ctx)
  const width = cs.length
  ctx.progress({ done: 0, total: rules.length, stage: 'em' })

  const pooled = cs.map((c) => new Array<number>(c.levels.length).fill(0))
  const pooledWeight = new Array<number>(width).fill(0)
  const sessions: SessionReport[] = []
  const bySession = countPatternsByBit(compared.levels, width, pairs.rules.subarray(0, pairs.length), rules.length)
  const allPatterns = bySession[rules.length] as PatternCounts
  rules.forEach((rule, r) => {
    ctx.checkCancelled()
    const data = bySession[r] as PatternCounts
    const n = data.counts.reduce((a, b) => a + b, 0)
    if (n < MIN_SESSION_PAIRS) return
    const free = cs.map((c) => !rule.fixes.includes(c.name))
    const res = em(
      data,
      u,
      free,
      cs.map((c) => initialM(c.levels.length)),
      0.5
    )
    sessions.push({
      rule: rule.name,
      pairs: n,
      expectedMatches: Math.round(res.expectedMatches),
      iterations: res.iterations,
      estimated: cs.filter((_, c) => free[c]).map((c) => c.name)
    })
    for (let c = 0; c < width; c++) {
      if (!free[c]) continue
      const w = res.expectedMatches
      pooledWeight[c] = (pooledWeight[c] as number) + w
      const row = pooled[c] as number[]
      ;(res.m[c] as number[]).forEach((x, l) => (row[l] = (row[l] as number) + w * x))
    }
  })
  // A comparison every session had to leave out (rare: data with one usable rule) is
  // learned from all candidate pairs at once.
  const missing = cs.map((_, c) => (pooledWeight[c] as number) <= 0)
  let fallback: number[][] | null = null
  if (missing.some(Boolean) && pairs.length > 0) {
    fallback = em(
      allPatterns,
      u,
      cs.map(() => true),
      cs.map((c) => initialM(c.levels.length)),
      0.5
    ).m
  }
  const m = cs.map((c, i) => {
    if (!missing[i]) return (pooled[i] as number[]).map((x) => x / (pooledWeight[i] as number))
    return fallback ? (fallback[i] as number[]) : initialM(c.levels.length)
  })

  const totalPairs = opts.dedup ? (sizes.subjects * (sizes.subjects - 1)) / 2 : sizes.subjects * sizes.targets
  const start = Math.max(1, Math.min(sizes.subjects, sizes.targets) / (opts.dedup ? 2 : 1)) / Math.max(totalPairs, 1)
  let prior = estimatePrior(allPatterns, m, u, Math.max(totalPairs, 1), start)
  if (prior.lambda > 0) {
    // Random pairs include a few true matches (many, in a small file or registry): u is
    // what the non-matches among them give.
    u = uFromNonMatches(sample, m, u, prior.lambda)
    prior = estimatePrior(allPatterns, m, u, Math.max(totalPairs, 1), prior.lambda)
  }

  const model: LinkModel = {
    comparisons: cs.map((comparison, c) => ({ comparison, m: m[c] as number[], u: u[c] as number[] })),
    lambda: prior.lambda,
    tf
  }
  return {
    model,
    compared,
    report: {
      randomPairs: sample.n,
      coverage: Object.fromEntries([...coverage].map(([k, v]) => [k, Math.round(v * 1000) / 1000])),
      sessions,
      totalPairs,
      expectedMatches: Math.round(prior.expectedMatches)
    }
  }
}

/** Match weight of every candidate pair. */
export function pairWeights(model: LinkModel, compared: ComparedPairs, count: number): Float64Array {
  const table = levelWeights(model)
  const prior = priorWeight(model.lambda)
  const out = new Float64Array(count)
  const width = compared.width
  const nTf = compared.tfColumns.length
  const tfSlot = Array.from({ length: width }, (_, c) => compared.tfColumns.indexOf(c))
  for (let p = 0; p < count; p++) {
    let w = prior
    for (let c = 0; c < width; c++) {
      const l = compared.levels[p * width + c] as number
      if (l < 0) continue
      const slot = tfSlot[c] as number
      w += comparisonWeight(model, table, c, l, slot < 0 ? NaN : (compared.freq[p * nTf + slot] as number))
    }
    out[p] = w
  }
  return out
}
