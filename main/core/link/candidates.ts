import type { PairVisitor } from './model/fit.ts'

/** One registry candidate of a subject. `pair` indexes the compared level patterns, or is -1. */
export interface Cand {
  target: number
  weight: number
  pair: number
}

/** Candidates kept per subject: enough for ties, twins and the review panel. */
export const TOP_K = 5

/** Collects each subject's best candidates, strongest first, from the pairs `add` is given. */
export function topCandidates(subjects: number, k = TOP_K): { top: Cand[][]; add: PairVisitor } {
  const top: Cand[][] = Array.from({ length: subjects }, () => [])
  const add: PairVisitor = (subject, target, w, pattern) => {
    const list = top[subject] as Cand[]
    if (list.length === k && w <= (list[k - 1] as Cand).weight) return
    let i = list.length
    while (i > 0 && (list[i - 1] as Cand).weight < w) i--
    list.splice(i, 0, { target, weight: w, pair: pattern })
    if (list.length > k) list.pop()
  }
  return { top, add }
}

export interface Edge {
  a: number
  b: number
  weight: number
}

/** Collects dedup pairs as edges at or above a weight; `sorted` gives them strongest first. */
export function strongEdges(min: number): { add: PairVisitor; sorted(): Edge[] } {
  const out: Edge[] = []
  return {
    add: (a, b, weight) => {
      if (weight >= min) out.push({ a, b, weight })
    },
    sorted: () => out.sort((x, y) => y.weight - x.weight)
  }
}
