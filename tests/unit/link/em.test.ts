import { describe, expect, it } from 'vitest'
import { countPatterns, em, estimatePrior, initialM } from '../../../main/core/link/model/em.ts'
import { uniform } from '../../../main/core/base/random.ts'

/** Draws level vectors from a known two-class model, so EM's answer can be checked. */
function simulate(
  n: number,
  lambda: number,
  m: number[][],
  u: number[][],
  seed: number,
  missing = 0
): { levels: Int8Array; truth: boolean[] } {
  const rand = uniform(seed)
  const width = m.length
  const levels = new Int8Array(n * width)
  const truth: boolean[] = []
  const draw = (p: number[]): number => {
    let x = rand()
    for (let l = 0; l < p.length; l++) {
      x -= p[l] as number
      if (x <= 0) return l
    }
    return p.length - 1
  }
  for (let i = 0; i < n; i++) {
    const match = rand() < lambda
    truth.push(match)
    for (let c = 0; c < width; c++) levels[i * width + c] = rand() < missing ? -1 : draw((match ? m : u)[c] as number[])
  }
  return { levels, truth }
}

const M = [
  [0.85, 0.1, 0.05],
  [0.95, 0.05],
  [0.7, 0.15, 0.1, 0.05]
]
const U = [
  [0.01, 0.04, 0.95],
  [0.5, 0.5],
  [0.001, 0.01, 0.09, 0.899]
]

describe('EM for the Fellegi–Sunter model', () => {
  it('recovers m and the share of matches from unlabelled pairs, with u fixed', () => {
    const { levels } = simulate(40_000, 0.3, M, U, 1)
    const data = countPatterns(levels, 3, () => true, 40_000)
    const res = em(
      data,
      U,
      [true, true, true],
      M.map((r) => initialM(r.length)),
      0.5
    )
    expect(res.lambda).toBeCloseTo(0.3, 1)
    res.m.forEach((row, c) => row.forEach((x, l) => expect(Math.abs(x - ((M[c] as number[])[l] as number))).toBeLessThan(0.02)))
    expect(res.expectedMatches / 40_000).toBeCloseTo(0.3, 1)
  })

  it('treats missing values as no evidence', () => {
    const { levels } = simulate(40_000, 0.3, M, U, 2, 0.3)
    const res = em(
      countPatterns(levels, 3, () => true, 40_000),
      U,
      [true, true, true],
      M.map((r) => initialM(r.length)),
      0.5
    )
    res.m.forEach((row, c) => row.forEach((x, l) => expect(Math.abs(x - ((M[c] as number[])[l] as number))).toBeLessThan(0.03)))
  })

  it('leaves a comparison the blocking rule forced out of the likelihood', () => {
    const { levels } = simulate(20_000, 0.3, M, U, 3)
    const init = M.map((r) => initialM(r.length))
    const res = em(
      countPatterns(levels, 3, () => true, 20_000),
      U,
      [true, false, true],
      init,
      0.5
    )
    expect(res.m[1]).toEqual(init[1])
    expect(Math.abs((res.m[0] as number[])[0] as number) - 0.85).toBeLessThan(0.03)
  })

  it('estimates the prior from the expected matches over all possible pairs', () => {
    // 2,000 true matches hidden among 100,000 possible pairs; the candidates hold them
    // and 18,000 non-matches.
    const { levels: mLevels } = simulate(2_000, 1, M, U, 4)
    const { levels: uLevels } = simulate(18_000, 0, M, U, 5)
    const all = new Int8Array(mLevels.length + uLevels.length)
    all.set(mLevels)
    all.set(uLevels, mLevels.length)
    const prior = estimatePrior(
      countPatterns(all, 3, () => true, 20_000),
      M,
      U,
      100_000,
      1e-3
    )
    expect(prior.expectedMatches).toBeGreaterThan(1_700)
    expect(prior.expectedMatches).toBeLessThan(2_300)
    expect(prior.lambda).toBeCloseTo(2_000 / 100_000, 2)
  })
})
