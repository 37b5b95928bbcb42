import { expect, test } from 'vitest'
import { highlight } from '../../../main/core/review/highlight.ts'

const marked = (s: string, ranges: [number, number][]): string => ranges.map(([a, b]) => s.slice(a, b)).join('|')

test('a name typed without diacritics marks only the letters whose marks are missing', () => {
  const site = 'Nguyen Van Anh'
  const reg = 'Nguyễn Văn Anh'
  const h = highlight(site, reg)
  expect(marked(site, h.site)).toBe('e|a')
  expect(marked(reg, h.registry)).toBe('ễ|ă')
})

test('a one-letter typo, an inserted letter and a missing letter are marked where they are', () => {
  expect(marked('Trần Thị Bich', highlight('Trần Thị Bich', 'Trần Thị Bích').site)).toBe('i')
  const h = highlight('Trần Thị Bíchh', 'Trần Thị Bích')
  expect(marked('Trần Thị Bíchh', h.site)).toBe('h')
  expect(h.registry).toEqual([])
  const g = highlight('Nguyễn Anh', 'Nguyễn Văn Anh')
  expect(g.site).toEqual([])
  expect(marked('Nguyễn Văn Anh', g.registry)).toBe('Văn ')
})

test('dates with day and month swapped mark the swapped digits only', () => {
  const h = highlight('1990-04-07', '1990-07-04')
  expect(marked('1990-04-07', h.site)).toBe('4|7')
  expect(marked('1990-07-04', h.registry)).toBe('7|4')
})

test('an empty side marks the whole other side; equal values mark nothing', () => {
  expect(highlight(null, '001085012345')).toEqual({ site: [], registry: [[0, 12]] })
  expect(highlight('Lê Văn Cường', 'Lê Văn Cường')).toEqual({ site: [], registry: [] })
})

test('case differences are marked on the letters that differ', () => {
  const h = highlight('NGUYỄN', 'Nguyễn')
  expect(marked('NGUYỄN', h.site)).toBe('GUYỄN')
})
