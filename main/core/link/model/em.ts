/**
 * Expectation–maximisation for the Fellegi–Sunter model with u held fixed, as Splink
 * does: u comes from random pairs, EM learns m (how often true matches agree at each
 * level) and the share of matches among the pairs it is given. No labels are needed.
 */
export interface PatternCounts {
  /** Level per comparison for each distinct pattern (-1 = missing). */
  patterns: Int8Array[]
  counts: number[]
}

export interface EmResult {
  m: number[][]
  lambda: number
  iterations: number
  /** Expected number of matches among the pairs: the session's weight when sessions are pooled. */
  expectedMatches: number
}

/** A starting m that expects matches to agree: most mass on the strongest level. */
export function initialM(levels: number): number[] {
  const rest = Array.from({ length: levels - 1 }, (_, k) => 0.5 ** (k + 1))
  const sum = rest.reduce((a, b) => a + b, 0)
  return [0.8, ...rest.map((r) => (0.2 * r) / (sum || 1))]
}

/** Counts distinct level vectors, so EM iterates over patterns rather than millions of pairs. */
export function countPatterns(levels: Int8Array, width: number, include: (pair: number) => boolean, pairs: number): PatternCounts {
  const bits = new Int32Array(pairs)
  for (let p = 0; p < pairs; p++) bits[p] = include(p) ? 1 : 0
  return countPatternsByBit(levels, width, bits, 1)[0] as PatternCounts
}

/**
 * The patterns of all pairs (the last entry) and of the pairs carrying each bit (one per
 * blocking rule), in a single pass over the pairs.
 */
export function countPatternsByBit(levels: Int8Array, width: number, bits: Int32Array, nBits: number): PatternCounts[] {
  const counter = new PatternCounter(width, nBits)
  counter.add(levels, bits, new Int32Array(bits.length))
  return counter.counts()
}

/**
 * Counts patterns batch by batch, so the levels of millions of candidate pairs need never
 * be held at once: each pair keeps only the index of its pattern among `patterns` (the
 * distinct ones, in the order first seen). Batches added in pair order give exactly what
 * one pass over all the pairs gives.
 */
export class PatternCounter {
  /** Distinct patterns, pattern-major: pattern k at k × width. */
  private table = new Int8Array(1024)
  private distinct = 0
  private readonly index = new Map<number, number>()
  private readonly byBit: Map<number, number>[]
  private readonly all: number[] = []
  private readonly width: number

  constructor(width: number, nBits: number) {
    this.width = width
    this.byBit = Array.from({ length: nBits }, () => new Map<number, number>())
  }

  /** Adds pairs (levels pair-major, bits per pair), writing each pair's pattern index into `ids`. */
  add(levels: Int8Array, bits: Int32Array, ids: Int32Array): void {
    const width = this.width
    for (let p = 0; p < bits.length; p++) {
      let key = 0
      for (let c = 0; c < width; c++) key = key * 9 + ((levels[p * width + c] as number) + 1)
      let id = this.index.get(key)
      if (id === undefined) {
        id = this.distinct++
        this.index.set(key, id)
        if (this.table.length < this.distinct * width) {
          const grown = new Int8Array(this.table.length * 2)
          grown.set(this.table)
          this.table = grown
        }
        this.table.set(levels.subarray(p * width, p * width + width), id * width)
        this.all.push(0)
      }
      this.all[id] = (this.all[id] as number) + 1
      ids[p] = id
      const b = bits[p] as number
      for (let r = 0; r < this.byBit.length; r++) {
        if (!(b & (1 << r))) continue
        const m = this.byBit[r] as Map<number, number>
        m.set(id, (m.get(id) ?? 0) + 1)
      }
    }
  }

  /** The distinct patterns so far, pattern-major. */
  patterns(): Int8Array {
    return this.table.subarray(0, this.distinct * this.width)
  }

  /** Per bit, then for all pairs (the last entry), each pattern seen and its count. */
  counts(): PatternCounts[] {
    const row = (id: number): Int8Array => this.table.slice(id * this.width, id * this.width + this.width)
    const perBit = this.byBit.map((m) => ({ patterns: [...m.keys()].map(row), counts: [...m.values()] }))
    return [...perBit, { patterns: this.all.map((_, id) => row(id)), counts: [...this.all] }]
  }
}

const PSEUDO_MATCHES = 1

export function em(
  data: PatternCounts,
  u: readonly (readonly number[])[],
  free: readonly boolean[],
  mInit: readonly (readonly number[])[],
  lambdaInit: number,
  opts: { maxIterations?: number; tolerance?: number; fitLambda?: boolean } = {}
): EmResult {
  const maxIterations = opts.maxIterations ?? 200
  const tolerance = opts.tolerance ?? 1e-6
  const fitLambda = opts.fitLambda ?? true
  let m = mInit.map((row) => [...row])
  let lambda = Math.min(Math.max(lambdaInit, 1e-9), 1 - 1e-9)
  const width = u.length
  const total = data.counts.reduce((a, b) => a + b, 0)
  let iterations = 0
  let expected = 0
  for (; iterations < maxIterations; iterations++) {
    const acc = m.map((row) => new Array<number>(row.length).fill(0))
    expected = 0
    for (let i = 0; i < data.patterns.length; i++) {
      const pat = data.patterns[i] as Int8Array
      let pm = lambda
      let pu = 1 - lambda
      for (let c = 0; c < width; c++) {
        const l = pat[c] as number
        if (l < 0 || !free[c]) continue
        pm *= (m[c] as number[])[l] as number
        pu *= (u[c] as number[])[l] as number
      }
      const post = pm / (pm + pu)
      const w = post * (data.counts[i] as number)
      expected += w
      for (let c = 0; c < width; c++) {
        const l = pat[c] as number
        if (l < 0 || !free[c]) continue
        const row = acc[c] as number[]
        row[l] = (row[l] as number) + w
      }
    }
    let delta = 0
    const next = m.map((row, c) => {
      if (!free[c]) return row
      const a = acc[c] as number[]
      const sum = a.reduce((x, y) => x + y, 0)
      if (sum <= 0) return row
      // One pseudo-match spread like u: a level matches were never seen at gets a weight
      // from the evidence (about log2 of one in the expected matches), never a blind floor.
      const uc = u[c] as number[]
      return a.map((x, l) => (x + PSEUDO_MATCHES * (uc[l] as number)) / (sum + PSEUDO_MATCHES))
    })
    for (let c = 0; c < width; c++) {
      const a = next[c] as number[]
      const b = m[c] as number[]
      for (let l = 0; l < a.length; l++) delta = Math.max(delta, Math.abs((a[l] as number) - (b[l] as number)))
    }
    m = next
    if (fitLambda && total > 0) {
      const nl = Math.min(Math.max(expected / total, 1e-9), 1 - 1e-9)
      delta = Math.max(delta, Math.abs(nl - lambda) / lambda)
      lambda = nl
    }
    if (delta < tolerance) {
      iterations++
      break
    }
  }
  return { m, lambda, iterations, expectedMatches: expected }
}

/**
 * The prior: the probability that two records drawn at random are the same person.
 * With m and u known, each candidate pair's posterior depends on the prior and the prior
 * is the expected number of matches over all possible pairs; iterating this to a fixed
 * point estimates it from the data. Pairs outside the candidates are taken as non-matches.
 */
export function estimatePrior(
  data: PatternCounts,
  m: readonly (readonly number[])[],
  u: readonly (readonly number[])[],
  totalPairs: number,
  start: number
): { lambda: number; expectedMatches: number; iterations: number } {
  const width = u.length
  const ratios = data.patterns.map((pat) => {
    let r = 1
    for (let c = 0; c < width; c++) {
      const l = pat[c] as number
      if (l < 0) continue
      r *= ((m[c] as number[])[l] as number) / ((u[c] as number[])[l] as number)
    }
    return r
  })
  let lambda = Math.min(Math.max(start, 1e-12), 0.5)
  let expected = 0
  let it = 0
  for (; it < 500; it++) {
    const odds = lambda / (1 - lambda)
    expected = 0
    for (let i = 0; i < ratios.length; i++) {
      const r = (ratios[i] as number) * odds
      expected += (data.counts[i] as number) * (Number.isFinite(r) ? r / (1 + r) : 1)
    }
    const next = Math.min(Math.max(expected / totalPairs, 1e-12), 0.5)
    if (Math.abs(next - lambda) <= lambda * 1e-6) {
      lambda = next
      it++
      break
    }
    lambda = next
  }
  return { lambda, expectedMatches: expected, iterations: it }
}
