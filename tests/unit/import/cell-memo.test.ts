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
