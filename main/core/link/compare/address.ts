import { jaroWinkler, oneEditApart } from '../../base/similarity.ts'
import type { Comparison } from './types.ts'

/**
 * Near-identical tokens: one keystroke apart, or Jaro–Winkler ≥ 0.9 for words of similar
 * length sharing their first or last letter (the cheap tests keep most pairs away from JW).
 */
function close(x: string, y: string): boolean {
  if (Math.abs(x.length - y.length) > 2) return false
  if (oneEditApart(x, y)) return true
  if (x.length < 4 || (x[0] !== y[0] && x[x.length - 1] !== y[y.length - 1])) return false
  return jaroWinkler(x, y) >= 0.9
}

let usedA = new Uint8Array(32)
let usedB = new Uint8Array(32)

/** Whether x is near-identical to two adjacent unmatched words of ws run together ("wellsroad", "wells road"). */
function runTogether(x: string, ws: readonly string[], used: Uint8Array): boolean {
  for (let j = 0; j + 1 < ws.length; j++) {
    if (used[j] || used[j + 1]) continue
    const y = ws[j] as string
    const z = ws[j + 1] as string
    // Length first: most words cannot be two others run together, and nothing is built for them.
    if (Math.abs(x.length - y.length - z.length) > 2 || !close(x, y + z)) continue
    used[j] = 1
    used[j + 1] = 1
    return true
  }
  return false
}

/**
 * Share of tokens with a near-identical partner on the other side (a soft Dice coefficient).
 * A lost space still matches ("wellslroad" for "wells road"): a word of one side may stand
 * for two adjacent words of the other, run together.
 */
export function softDice(a: readonly string[], b: readonly string[]): number {
  if (a.length > usedA.length) usedA = new Uint8Array(a.length * 2)
  if (b.length > usedB.length) usedB = new Uint8Array(b.length * 2)
  usedA.fill(0, 0, a.length)
  usedB.fill(0, 0, b.length)
  let matched = 0
  a.forEach((x, i) => {
    const j = b.findIndex((y, k) => !usedB[k] && y === x)
    if (j < 0) return
    usedA[i] = 1
    usedB[j] = 1
    matched += 2
  })
  a.forEach((x, i) => {
    if (usedA[i]) return
    for (let j = 0; j < b.length; j++) {
      if (usedB[j] || !close(x, b[j] as string)) continue
      usedA[i] = 1
      usedB[j] = 1
      matched += 2
      return
    }
  })
  if (matched === 2 * Math.min(a.length, b.length)) return matched / (a.length + b.length)
  a.forEach((x, i) => {
    if (!usedA[i] && runTogether(x, b, usedB)) {
      usedA[i] = 1
      matched += 3
    }
  })
  b.forEach((y, j) => {
    if (!usedB[j] && runTogether(y, a, usedA)) {
      usedB[j] = 1
      matched += 3
    }
  })
  return matched / (a.length + b.length)
}

/**
 * Free-text addresses, for data without administrative codes (FEBRL's Australian
 * addresses): token overlap that tolerates typos and word order.
 */
export const address: Comparison = {
  name: 'address',
  field: 'free_address',
  levels: ['exact', 'most', 'some', 'different'],
  compare(a, b) {
    if (!a.address || !b.address) return -1
    const d = softDice(a.address, b.address)
    if (d === 1 && a.address.length === b.address.length && a.address.every((t, i) => t === (b.address as string[])[i])) return 0
    return d >= 0.7 ? 1 : d >= 0.4 ? 2 : 3
  }
}
