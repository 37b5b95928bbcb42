import { describe, expect, it } from 'vitest'
import { CellMemo } from '../../../main/core/import/normalize/cell-memo.ts'
import type { CellValue } from '../../../main/core/import/readers/types.ts'

describe('CellMemo', () => {
  it('computes each distinct cell once, text, numbers and date cells apart', () => {
    const seen: CellValue[] = []
    const memo = new CellMemo((v) => {
      seen.push(v)
      return v instanceof Date ? `date ${v.getTime()}` : `${typeof v} ${String(v)}`
    })
    expect(memo.get('1')).toBe('string 1')
    expect(memo.get(1)).toBe('number 1')
    expect(memo.get(new Date(1))).toBe('date 1')
    expect(memo.get('1')).toBe('string 1')
    expect(memo.get(1)).toBe('number 1')
    // A different Date object for the same instant is the same cell value.
    expect(memo.get(new Date(1))).toBe('date 1')
    expect(seen).toHaveLength(3)
  })

  it('does not remember empty cells or booleans, and stays within its bound', () => {
    let calls = 0
    const memo = new CellMemo((v) => {
      calls++
      return String(v)
    }, 2)
    memo.get(null)
    memo.get(null)
    memo.get(true)
    memo.get(true)
    expect(calls).toBe(4)
    for (const s of ['a', 'b', 'c', 'a']) memo.get(s)
    // Full at two entries: 'c' cleared the map, so 'a' is computed again.
    expect(calls).toBe(8)
  })
})

describe('CellMemo, date cells', () => {
  it('keeps midnight dates, instants within a day and numbers apart', () => {
    const memo = new CellMemo((v) =>
      v instanceof Date ? (Number.isNaN(v.getTime()) ? 'invalid date' : `date ${v.toISOString()}`) : `${typeof v} ${String(v)}`
    )
    const day = 86_400_000
    // Day 5 at midnight, 5 ms after the epoch, noon of day 5, the number 5: four different cells.
    expect(memo.get(new Date(5 * day))).toBe('date 1970-01-06T00:00:00.000Z')
    expect(memo.get(new Date(5))).toBe('date 1970-01-01T00:00:00.005Z')
    expect(memo.get(new Date(5 * day + day / 2))).toBe('date 1970-01-06T12:00:00.000Z')
    expect(memo.get(5)).toBe('number 5')
    expect(memo.get(new Date(Date.UTC(2021, 6, 1)))).toBe('date 2021-07-01T00:00:00.000Z')
    expect(memo.get(new Date(Date.UTC(1940, 0, 1)))).toBe('date 1940-01-01T00:00:00.000Z')
    expect(memo.get(new Date(Date.UTC(2021, 6, 1)))).toBe('date 2021-07-01T00:00:00.000Z')
    expect(memo.get(new Date(NaN))).toBe('invalid date')
    expect(memo.get(new Date(NaN))).toBe('invalid date')
  })
})
