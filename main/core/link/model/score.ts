import { compareInto, type Comparison, type PairScratch } from '../compare/index.ts'
import type { Prepared } from '../prepare.ts'
import type { TermFrequencies } from './tf.ts'

export interface FittedComparison {
  comparison: Comparison
  m: number[]
  u: number[]
}

/** A fitted Fellegi–Sunter model: per-level m and u, and the prior from the data. */
export interface LinkModel {
  comparisons: FittedComparison[]
  /** Probability that two records drawn at random are the same person. */
  lambda: number
  tf: TermFrequencies
}

/** One comparison's share of a match weight, for the waterfall. */
export interface Contribution {
  /** A comparison name, or "prior" for the starting point. */
  comparison: string
  /** The level code; null for the prior and for a value missing on either side. */
  level: string | null
  /** log2 Bayes factor in bits; 0 when missing. */
  weight: number
  /** Present when the weight was adjusted for how common the agreed value is. */
  frequency?: number
  /** Names read in a different order on one side ("Anh Nguyễn Văn"). */
  swapped?: boolean
}

export function priorWeight(lambda: number): number {
  return Math.log2(lambda / (1 - lambda))
}

export function probability(weight: number): number {
  return 1 / (1 + 2 ** -weight)
}

export const round = (x: number): number => Math.round(x * 100) / 100

/** The frequency of the agreed value when this level is frequency-adjusted, else NaN. */
export function tfFrequency(
  model: Pick<LinkModel, 'tf'>,
  cmp: Comparison,
  level: number,
  a: Prepared,
  b: Prepared,
  scratch: PairScratch
): number {
  if (level < 0 || !cmp.tfLevels?.includes(level) || !cmp.tfValue) return NaN
  const table = model.tf.tables.get(cmp.name)
  const v = cmp.tfValue(a, b, scratch)
  if (!table || v === null) return NaN
  return Math.max(table.get(v) ?? 0, model.tf.floor)
}

const weightTables = new WeakMap<LinkModel, number[][]>()

/** log2(m/u) per comparison and level (computed once per model). */
export function levelWeights(model: LinkModel): number[][] {
  let table = weightTables.get(model)
  if (!table) {
    table = model.comparisons.map((f) => f.m.map((m, l) => Math.log2(m / (f.u[l] as number))))
    weightTables.set(model, table)
  }
  return table
}

/** One comparison's weight: frequency-adjusted levels use log2(m / frequency of the value). */
export function comparisonWeight(model: LinkModel, table: number[][], c: number, level: number, freq: number): number {
  if (level < 0) return 0
  if (!Number.isNaN(freq)) return Math.log2(((model.comparisons[c] as FittedComparison).m[level] as number) / freq)
  return (table[c] as number[])[level] as number
}

/** The full waterfall of one pair, recomputed from the records (it is cheap for one pair). */
export function explain(model: LinkModel, a: Prepared, b: Prepared): Contribution[] {
  const cs = model.comparisons.map((f) => f.comparison)
  const levels = new Int8Array(cs.length)
  const scratch = compareInto(cs, a, b, levels)
  const table = levelWeights(model)
  const out: Contribution[] = [{ comparison: 'prior', level: null, weight: round(priorWeight(model.lambda)) }]
  for (let c = 0; c < cs.length; c++) {
    const cmp = cs[c] as Comparison
    const l = levels[c] as number
    if (l < 0) {
      out.push({ comparison: cmp.name, level: null, weight: 0 })
      continue
    }
    const freq = tfFrequency(model, cmp, l, a, b, scratch)
    const item: Contribution = {
      comparison: cmp.name,
      level: cmp.levels[l] as string,
      weight: round(comparisonWeight(model, table, c, l, freq))
    }
    if (!Number.isNaN(freq)) item.frequency = Number(freq.toPrecision(3))
    if (cmp.field === 'person_name' && scratch.names?.swapped) item.swapped = true
    out.push(item)
  }
  return out
}

const scratchLevels = new WeakMap<LinkModel, Int8Array>()

/** Scores one pair directly (for pairs outside the compared candidates). */
export function scorePair(model: LinkModel, a: Prepared, b: Prepared): number {
  const cs = model.comparisons.map((f) => f.comparison)
  let levels = scratchLevels.get(model)
  if (!levels) {
    levels = new Int8Array(cs.length)
    scratchLevels.set(model, levels)
  }
  const scratch = compareInto(cs, a, b, levels)
  const table = levelWeights(model)
  let w = priorWeight(model.lambda)
  for (let c = 0; c < cs.length; c++) {
    const l = levels[c] as number
    if (l >= 0) w += comparisonWeight(model, table, c, l, tfFrequency(model, cs[c] as Comparison, l, a, b, scratch))
  }
  return w
}
