import { describe, expect, test } from 'vitest'
import { hash32, hash52, seededHash32 } from '../../../main/core/base/hash.ts'
import { Rng, uniform } from '../../../main/core/base/random.ts'

// Pinned from the generator and hashes as the demo had them before they moved to base/:
// the demo's seeded files depend on every one of these bits.
describe('the one random generator and the string hashes', () => {
  test('draw the same numbers as before the move', () => {
    const r = new Rng(2021, 'people')
    expect([r.next(), r.next(), r.next()]).toEqual([3896720165, 550653437, 514130539])
    expect([seededHash32('Hoàng Mai'), seededHash32('Hoàng Mai', 17), seededHash32('')]).toEqual([388903831, 1893316687, 447841614])
    expect(hash52('Nguyễn Văn Hùng|5432')).toBe(2023641915582345)
  })

  test('hash32 is plain FNV-1a (its published test vectors) and does not move the blocking keys', () => {
    expect([hash32(''), hash32('a'), hash32('foobar')]).toEqual([0x811c9dc5, 0xe40c292c, 0xbf9cf968])
    expect(hash32('Nguyễn')).toBe(3638416967)
  })

  test('uniform(seed) is the Rng stream as floats in [0, 1)', () => {
    const r = new Rng(42)
    const u = uniform(42)
    for (let i = 0; i < 1000; i++) {
      const x = u()
      expect(x).toBe(r.float())
      expect(x >= 0 && x < 1).toBe(true)
    }
  })
})
