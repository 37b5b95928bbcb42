import type { CellValue } from '../readers/types.ts'

/**
 * One normalizer's answers for the cells of one import: site lists repeat the same dose
 * dates, birth dates, names, lots and site names row after row, and a remembered answer
 * costs a map lookup instead of regular expressions and Unicode normalization. Text and
 * numbers are keys as they are ("1" and 1 apart), date cells their instant; booleans and
 * empty cells are not remembered. Bounded: cleared when full, so a file of all-distinct
 * values cannot grow it. The answers are shared, so callers must not change them.
 */
const DAY_MS = 86_400_000

export class CellMemo<T> {
  private readonly byValue = new Map<string | number, T>()
  private readonly byTime = new Map<number, T>()
  private readonly byDay = new Map<number, T>()
  private readonly fn: (v: CellValue) => T
  private readonly limit: number

  constructor(fn: (v: CellValue) => T, limit = 50_000) {
    this.fn = fn
    this.limit = limit
  }

  get(v: CellValue): T {
    if (v === null || typeof v === 'boolean') return this.fn(v)
    let map: Map<string | number, T> = this.byValue
    let key: string | number
    if (!(v instanceof Date)) key = v
    else {
      // A date at midnight UTC (every date-only cell) is remembered by its day number, a
      // small integer: a lookup by the instant, a float, hashes and allocates it every time.
      const t = v.getTime()
      const midnight = t % DAY_MS === 0
      map = midnight ? this.byDay : this.byTime
      key = midnight ? t / DAY_MS : t
    }
    let hit = map.get(key)
    if (hit !== undefined) return hit
    hit = this.fn(v)
    if (map.size >= this.limit) map.clear()
    map.set(key, hit)
    return hit
  }
}
