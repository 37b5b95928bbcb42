import type { JobContext } from '../../base/job-context.ts'
import { BLOCKING_RULES, type BlockingRule } from '../block.ts'
import type { CandidatePairs } from '../block-pairs.ts'
import type { ComparedBatch } from '../compare-pool.ts'
import { CATALOGUE, selectComparisons, type Comparison } from '../compare/index.ts'
import { em, estimatePrior, initialM, PatternCounter, type PatternCounts } from './em.ts'
import { comparisonWeight, levelWeights, priorWeight, type LinkModel } from './score.ts'
import type { TermFrequencies } from './tf.ts'
import { sampleRandomPairs, uFromNonMatches, uFromSample, type PairSource } from './u-sample.ts'

/**
 * The level patterns of the candidate pairs: a candidate's `pair` (see candidates.ts)
 * indexes them. Each pair's own levels are not kept: a million site rows give tens of
 * millions of pairs, and the patterns are a few thousand.
 */
export interface ComparedPairs {
  width: number
  /** Levels of each distinct pattern, pattern-major: pattern k at k × width. */
  levels: Int8Array
}

/** Receives each candidate pair with its weight (in pair order) and the index of its pattern. */
export type PairVisitor = (subject: number, target: number, weight: number, pattern: number) => void

/** Candidate pairs compared at once: levels and frequencies are held for one batch only. */
const BATCH = 1 << 20

/** Compares the pairs batch by batch; `each` gets the first pair's index and the batch's results. */
function compareInBatches(
  cs: readonly Comparison[],
  tf: TermFrequencies,
  source: PairSource,
  pairs: CandidatePairs,
  ctx: JobContext,
  each: (start: number, batch: ComparedBatch) => void
): void {
  for (let start = 0; start < pairs.length; start += BATCH) {
    const end = Math.min(pairs.length, start + BATCH)
    // Copies, not views: a view sent to the threads would take its whole buffer along.
    const subject = pairs.subject.slice(start, end)
    const target = pairs.target.slice(start, end)
    const at = { done: start, total: pairs.length }
    each(start, source.pool.compare(cs, tf, source.a, source.b, subject, target, ctx, 'compare', at))
  }
}

/** Column of each comparison among the frequency columns, -1 when not adjusted. */
const tfSlots = (width: number, tfColumns: readonly number[]): number[] => Array.from({ length: width }, (_, c) => tfColumns.indexOf(c))

/** Match weight of one pair from its levels (at `lo`) and its frequencies (at `fo`). */
function pairWeight(
  model: LinkModel,
  table: number[][],
  levels: Int8Array,
  lo: number,
  freq: Float32Array,
  fo: number,
  tfSlot: readonly number[]
): number {
  let w = priorWeight(model.lambda)
  for (let c = 0; c < tfSlot.length; c++) {
    const l = levels[lo + c] as number
    if (l < 0) continue
    const slot = tfSlot[c] as number
    w += comparisonWeight(model, table, c, l, slot < 0 ? NaN : (freq[fo + slot] as number))
  }
  return w
}

/** Compares pairs under a fitted model and hands each to `visit` with its weight. */
export function weighPairs(model: LinkModel, source: PairSource, pairs: CandidatePairs, ctx: JobContext, visit: PairVisitor): void {
  const cs = model.comparisons.map((f) => f.comparison)
  const table = levelWeights(model)
  compareInBatches(cs, model.tf, source, pairs, ctx, (start, r) => {
    const nTf = r.tfColumns.length
    const tfSlot = tfSlots(cs.length, r.tfColumns)
    const n = r.levels.length / Math.max(cs.length, 1)
    for (let k = 0; k < n; k++) {
      const p = start + k
      visit(
        pairs.subject[p] as number,
        pairs.target[p] as number,
        pairWeight(model, table, r.levels, k * cs.length, r.freq, k * nTf, tfSlot),
        -1
      )
    }
  })
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
): { model: LinkModel; compared: ComparedPairs; report: FitReport; weigh(visit: PairVisitor): void } {
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

  // Each pair keeps its pattern and the frequencies its weight needs, no more.
  const width = cs.length
  const counter = new PatternCounter(width, rules.length)
  const pattern = new Int32Array(pairs.length)
  const tfColumns = cs.flatMap((c, i) => (c.tfLevels ? [i] : []))
  const freq = new Float32Array(pairs.length * tfColumns.length)
  compareInBatches(cs, tf, source, pairs, ctx, (start, r) => {
    const end = start + r.levels.length / Math.max(width, 1)
    counter.add(r.levels, pairs.rules.subarray(start, end), pattern.subarray(start, end))
    freq.set(r.freq, start * tfColumns.length)
  })
  ctx.progress({ done: 0, total: rules.length, stage: 'em' })

  const pooled = cs.map((c) => new Array<number>(c.levels.length).fill(0))
  const pooledWeight = new Array<number>(width).fill(0)
  const sessions: SessionReport[] = []
  const bySession = counter.counts()
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
  const levels = counter.patterns()
  return {
    model,
    compared: { width, levels },
    weigh: (visit) => {
      const table = levelWeights(model)
      const tfSlot = tfSlots(width, tfColumns)
      const nTf = tfColumns.length
      for (let p = 0; p < pairs.length; p++) {
        const id = pattern[p] as number
        const w = pairWeight(model, table, levels, id * width, freq, p * nTf, tfSlot)
        visit(pairs.subject[p] as number, pairs.target[p] as number, w, id)
      }
    },
    report: {
      randomPairs: sample.n,
      coverage: Object.fromEntries([...coverage].map(([k, v]) => [k, Math.round(v * 1000) / 1000])),
      sessions,
      totalPairs,
      expectedMatches: Math.round(prior.expectedMatches)
    }
  }
}
