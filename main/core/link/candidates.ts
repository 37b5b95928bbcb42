import type { CandidatePairs } from './block-pairs.ts'

/** One registry candidate of a subject. `pair` indexes the compared pairs, or is -1. */
export interface Cand {
  target: number
  weight: number
  pair: number
}

/** Candidates kept per subject: enough for ties, twins and the review panel. */
export const TOP_K = 5

/** Each subject's best candidates, strongest first. */
export function topCandidates(pairs: CandidatePairs, weights: Float64Array, subjects: number, k = TOP_K): Cand[][] {
  const out: Cand[][] = Array.from({ length: subjects }, () => [])
  for (let p = 0; p < pairs.length; p++) {
    const list = out[pairs.subject[p] as number] as Cand[]
    const w = weights[p] as number
    if (list.length === k && w <= (list[k - 1] as Cand).weight) continue
    let i = list.length
    while (i > 0 && (list[i - 1] as Cand).weight < w) i--
    list.splice(i, 0, { target: pairs.target[p] as number, weight: w, pair: p })
    if (list.length > k) list.pop()
  }
  return out
}

/** Dedup pairs as edges at or above a weight, strongest first. */
export function strongEdges(pairs: CandidatePairs, weights: Float64Array, min: number): { a: number; b: number; weight: number }[] {
  const out: { a: number; b: number; weight: number }[] = []
  for (let p = 0; p < pairs.length; p++) {
    const w = weights[p] as number
    if (w >= min) out.push({ a: pairs.subject[p] as number, b: pairs.target[p] as number, weight: w })
  }
  return out.sort((x, y) => y.weight - x.weight)
}
