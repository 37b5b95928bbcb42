import { seededHash32 } from './hash.ts'

/**
 * The one seeded random generator (the demo's people and noise, linkage's sample of random
 * pairs, the tests' replayable runs): xoshiro128** (period 2^128, 32-bit arithmetic so it
 * is exact in JavaScript), seeded through splitmix32. Every stream is derived from the
 * seed and a label, so one part of the demo (say, noise) can draw more or fewer numbers
 * without shifting what another part (the people) draws.
 */
export class Rng {
  private a: number
  private b: number
  private c: number
  private d: number

  constructor(seed: number, label = '') {
    let s = (seededHash32(label, seed >>> 0) ^ Math.imul(seed >>> 0, 0x9e3779b1)) >>> 0
    const next = () => {
      s = (s + 0x9e3779b9) >>> 0
      let z = s
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b)
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35)
      return (z ^ (z >>> 16)) >>> 0
    }
    this.a = next()
    this.b = next()
    this.c = next()
    this.d = next()
    if ((this.a | this.b | this.c | this.d) === 0) this.a = 1
  }

  /** A uniform 32-bit unsigned integer. */
  next(): number {
    const result = Math.imul(rotl(Math.imul(this.b, 5), 7), 9) >>> 0
    const t = this.b << 9
    this.c ^= this.a
    this.d ^= this.b
    this.b ^= this.c
    this.a ^= this.d
    this.c ^= t
    this.d = rotl(this.d, 11)
    return result
  }

  /** Uniform in [0, 1). */
  float(): number {
    return this.next() / 4294967296
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.float() * n)
  }

  /** Uniform integer in [lo, hi], both included. */
  range(lo: number, hi: number): number {
    return lo + this.int(hi - lo + 1)
  }

  chance(p: number): boolean {
    return this.float() < p
  }

  pick<T>(items: readonly T[]): T {
    const item = items[this.int(items.length)]
    if (item === undefined) throw new Error('pick from an empty list')
    return item
  }

  /** n random decimal digits as a string. */
  digits(n: number): string {
    let s = ''
    for (let i = 0; i < n; i++) s += String(this.int(10))
    return s
  }
}

/** A seeded stream of uniforms in [0, 1), for code that needs nothing but Math.random's shape, replayable. */
export function uniform(seed: number, label = ''): () => number {
  const r = new Rng(seed, label)
  return () => r.float()
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0
}

/** Draws items with fixed weights (cumulative table and binary search). */
export class Weighted<T> {
  private readonly items: readonly T[]
  private readonly cumulative: Float64Array

  constructor(entries: readonly (readonly [T, number])[]) {
    if (entries.length === 0) throw new Error('Weighted needs at least one entry')
    this.items = entries.map(([item]) => item)
    this.cumulative = new Float64Array(entries.length)
    let total = 0
    entries.forEach(([, w], i) => {
      total += w
      this.cumulative[i] = total
    })
    for (let i = 0; i < entries.length; i++) this.cumulative[i] = (this.cumulative[i] ?? 0) / total
  }

  draw(rng: Rng): T {
    const x = rng.float()
    let lo = 0
    let hi = this.cumulative.length - 1
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (x < (this.cumulative[mid] ?? 1)) hi = mid
      else lo = mid + 1
    }
    return this.items[lo] as T
  }
}
