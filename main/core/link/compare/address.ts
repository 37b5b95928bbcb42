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

let used = new Uint8Array(32)

/** Share of tokens with a near-identical partner on the other side (a soft Dice coefficient). */
export function softDice(a: readonly string[], b: readonly string[]): number {
  if (b.length > used.length) used = new Uint8Array(b.length * 2)
  used.fill(0, 0, b.length)
  let matched = 0
  const pending: string[] = []
  for (const x of a) {
    const j = b.findIndex((y, k) => !used[k] && y === x)
    if (j >= 0) {
      used[j] = 1
      matched++
    } else pending.push(x)
  }
  for (const x of pending) {
    for (let j = 0; j < b.length; j++) {
      if (used[j] || !close(x, b[j] as string)) continue
      used[j] = 1
      matched++
      break
    }
  }
  return (2 * matched) / (a.length + b.length)
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
