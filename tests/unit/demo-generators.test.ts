import { describe, expect, test } from 'vitest'
import { isValidDate } from '../../main/core/demo/days.ts'
import { IdAllocator, IdIssuer } from '../../main/core/demo/ids.ts'
import { drawName, drawTwinName, fullName } from '../../main/core/demo/names.ts'
import { noisyDob, wrongDigit } from '../../main/core/demo/noise/date.ts'
import { day, ymd } from '../../main/core/demo/days.ts'
import { transpose } from '../../main/core/demo/noise/id.ts'
import { typoIn } from '../../main/core/demo/noise/name.ts'
import { noisyPhone } from '../../main/core/demo/noise/phone.ts'
import { hash52 } from '../../main/core/base/hash.ts'
import { Rng, Weighted } from '../../main/core/base/random.ts'
import { siteCount } from '../../main/core/demo/world.ts'

describe('the random source', () => {
  test('is deterministic per seed and label, and differs across them', () => {
    const draw = (seed: number, label: string) => {
      const r = new Rng(seed, label)
      return Array.from({ length: 5 }, () => r.next())
    }
    expect(draw(1, 'a')).toEqual(draw(1, 'a'))
    expect(draw(1, 'a')).not.toEqual(draw(2, 'a'))
    expect(draw(1, 'a')).not.toEqual(draw(1, 'b'))
  })

  test('is roughly uniform, and Weighted follows its weights', () => {
    const rng = new Rng(7)
    const buckets = new Array<number>(10).fill(0)
    for (let i = 0; i < 100_000; i++) {
      const k = rng.int(10)
      buckets[k] = (buckets[k] ?? 0) + 1
    }
    for (const b of buckets) expect(Math.abs(b - 10_000)).toBeLessThan(600)
    const w = new Weighted<string>([
      ['a', 1],
      ['b', 3]
    ])
    let b = 0
    for (let i = 0; i < 40_000; i++) if (w.draw(rng) === 'b') b++
    expect(b / 40_000).toBeGreaterThan(0.73)
    expect(b / 40_000).toBeLessThan(0.77)
  })

  test('hash52 is an exact integer below 2^53', () => {
    const h = hash52('Nguyễn Văn Hùng|5432')
    expect(Number.isSafeInteger(h)).toBe(true)
    expect(hash52('Nguyễn Văn Hùng|5433')).not.toBe(h)
  })
})

describe('IDs', () => {
  test('an allocator never repeats within a bucket and gives twins neighbouring numbers', () => {
    const a = new IdAllocator(3, 6)
    const rng = new Rng(3)
    const seen = new Set<string>()
    for (let i = 0; i < 50_000; i++) seen.add(a.one(rng, 'x'))
    const [t1, t2] = a.pair(rng, 'x')
    seen.add(t1)
    seen.add(t2)
    expect(seen.size).toBe(50_002)
    expect(Number(t2) - Number(t1)).toBe(1)
    for (const id of seen) expect(id).toMatch(/^\d{6}$/)
  })

  test('a CCCD encodes province, gender and century, and birth year', () => {
    const ids = new IdIssuer(1)
    const rng = new Rng(1)
    expect(ids.cccdFor(rng, '01', 'M', 1985)).toMatch(/^001085\d{6}$/)
    expect(ids.cccdFor(rng, '79', 'F', 1985)).toMatch(/^079185\d{6}$/)
    expect(ids.cccdFor(rng, '48', 'M', 2004)).toMatch(/^048204\d{6}$/)
    expect(ids.cccdFor(rng, '48', 'F', 2009)).toMatch(/^048309\d{6}$/)
    expect(ids.cmndFor(rng, '79')).toMatch(/^02\d{7}$/)
  })
})

describe('noise', () => {
  test('a typo always changes the word, by one edit', () => {
    const rng = new Rng(5)
    for (const w of ['Hùng', 'Nguyễn', 'Thị', 'An', 'Ý', 'Quỳnh']) {
      for (let i = 0; i < 200; i++) {
        const t = typoIn(rng, w)
        expect(t).not.toBe(w)
        // One letter more, one fewer, or the same count (a letter or a tone mark changed).
        expect(Math.abs([...t].length - [...w].length)).toBeLessThanOrEqual(1)
      }
    }
  })

  test('a wrong digit keeps the date valid and plausible', () => {
    const rng = new Rng(9)
    for (const d of [
      { year: 1985, month: 3, day: 12 },
      { year: 2000, month: 12, day: 31 },
      { year: 1930, month: 2, day: 28 }
    ]) {
      for (let i = 0; i < 200; i++) {
        const w = wrongDigit(rng, d)
        expect(isValidDate(w.year, w.month, w.day)).toBe(true)
        expect(w).not.toEqual(d)
        expect(w.year).toBeGreaterThanOrEqual(1920)
      }
    }
  })

  test('a wrong year digit changes the year alone, by one digit; 01/01 keeps the year', () => {
    const rng = new Rng(4)
    const none = { p: 0 }
    const only = (tag: 'dob_year_digit' | 'dob_jan_first') => ({
      dob_year_only: none,
      dob_day_month_swapped: none,
      dob_wrong_digit: none,
      dob_text: none,
      dob_year_digit: none,
      dob_jan_first: none,
      [tag]: { p: 1 }
    })
    const dob = day(1985, 3, 12)
    for (let i = 0; i < 100; i++) {
      const tags: string[] = []
      const cell = noisyDob(rng, dob, only('dob_year_digit'), tags)
      expect(tags).toEqual(['dob_year_digit'])
      if (cell.kind !== 'date') throw new Error('a date cell')
      const w = ymd(Math.round(cell.value.getTime() / 86_400_000))
      expect([w.month, w.day]).toEqual([3, 12])
      const diff = [...String(w.year)].filter((c, k) => c !== String(1985)[k]).length
      expect(diff).toBe(1)
    }
    const tags: string[] = []
    const cell = noisyDob(rng, dob, only('dob_jan_first'), tags)
    expect(tags).toEqual(['dob_jan_first'])
    expect(cell.kind === 'date' && cell.value.toISOString().slice(0, 10)).toBe('1985-01-01')
  })

  test('transposing swaps two neighbouring different digits', () => {
    const rng = new Rng(2)
    const t = transpose(rng, '001085012345')
    expect(t).not.toBe('001085012345')
    expect([...t].sort().join('')).toBe([...'001085012345'].sort().join(''))
    expect(transpose(rng, '1111')).toBe('1111')
  })

  test('old 11-digit phone forms exist only for renumbered prefixes', () => {
    const rng = new Rng(4)
    const tags: string[] = []
    expect(noisyPhone(rng, '0321234567', { phone_plus84: { p: 0 }, phone_old_prefix: { p: 1 } }, tags)).toBe('01621234567')
    expect(tags).toEqual(['phone_old_prefix'])
    const none: string[] = []
    expect(noisyPhone(rng, '0912345678', { phone_plus84: { p: 0 }, phone_old_prefix: { p: 1 } }, none)).toBe('0912345678')
    expect(none).toEqual([])
  })
})

describe('names and sizes', () => {
  test('names are gendered and twins differ in their given name only', () => {
    const rng = new Rng(11)
    for (let i = 0; i < 500; i++) {
      const m = drawName(rng, 'M')
      expect(m.middle).not.toContain('Thị')
      const twin = drawTwinName(rng, 'M', m)
      expect(twin.surname).toBe(m.surname)
      expect(twin.given).not.toBe(m.given)
      expect(fullName(m).split(' ').length).toBeGreaterThanOrEqual(2)
    }
  })

  test('site count grows with the district, five to ten', () => {
    expect(siteCount(100)).toBe(5)
    expect(siteCount(2000)).toBe(7)
    expect(siteCount(1_000_000)).toBe(10)
  })
})
