import { block, type CandidatePairs } from '../block-pairs.ts'
import type { ModelSummary } from '../engine-types.ts'
import { fitModel, type ComparedPairs, type FitReport, type PairVisitor } from '../model/fit.ts'
import type { LinkModel } from '../model/score.ts'
import { buildTermFrequencies } from '../model/tf.ts'
import type { PairSource } from '../model/u-sample.ts'
import type { Prepared } from '../prepare.ts'
import type { EngineContext } from './context.ts'

/**
 * One pass of the model over one pairing (site × registry, or site × site). Its candidate
 * pairs are not kept: each went to the caller's visitor with its weight (in bits).
 */
export interface Fitted {
  model: LinkModel
  compared: ComparedPairs
  summary: ModelSummary
}

function summarize(model: LinkModel, report: FitReport, pairs: CandidatePairs): ModelSummary {
  const r4 = (x: number): number => Number(x.toPrecision(4))
  return {
    lambda: model.lambda,
    priorWeight: r4(Math.log2(model.lambda / (1 - model.lambda))),
    comparisons: model.comparisons.map((f) => ({
      name: f.comparison.name,
      field: f.comparison.field,
      levels: f.comparison.levels,
      m: f.m.map(r4),
      u: f.u.map(r4),
      weights: f.m.map((m, l) => r4(Math.log2(m / (f.u[l] as number))))
    })),
    fit: report,
    blocking: pairs.stats,
    candidatePairs: pairs.length
  }
}

/** Blocks, compares and fits the model by EM, then hands every candidate pair to `visit` with its weight. */
export function fit(
  ec: EngineContext,
  subjects: readonly Prepared[],
  targets: readonly Prepared[],
  source: PairSource,
  dedup: boolean,
  stage: string,
  visit: PairVisitor
): Fitted {
  const { opts, job } = ec
  job.progress({ done: 0, total: null, stage: `${stage}:block` })
  const threads = source.pool.blockThreads(source.a, source.b)
  const pairs = block(subjects, targets, threads ? { dedup, threads } : { dedup }, job)
  const tf = buildTermFrequencies(dedup ? [subjects] : [subjects, targets])
  const res = fitModel(
    { subjects: subjects.length, targets: targets.length },
    source,
    pairs,
    tf,
    { dedup, seed: opts.seed, maxRandomPairs: opts.maxRandomPairs },
    job
  )
  res.weigh(visit)
  return { model: res.model, compared: res.compared, summary: summarize(res.model, res.report, pairs) }
}
