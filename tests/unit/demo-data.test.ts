import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, test } from 'vitest'
import { CCCD_PROVINCE_CODES } from '../../main/core/data/cccd-provinces.ts'
import { deriveFromShared, serialize } from '../../main/core/data/derive-from-shared.ts'
import { NEW_TO_OLD_MOBILE_PREFIX, OLD_MOBILE_PREFIX } from '../../main/core/data/mobile-prefixes.ts'
import { districts, provinces, wards } from '../../main/core/data/vn-admin.ts'
import { boyNames, girlNames } from '../../main/core/data/vn-names.ts'

const shared = fileURLToPath(new URL('../../../shared/data', import.meta.url))
const data = (f: string) => readFileSync(fileURLToPath(new URL(`../../main/core/data/${f}`, import.meta.url)), 'utf8')

describe('shipped reference data', () => {
  test.skipIf(!existsSync(shared))('vn-admin.json and vn-names.json are exactly what derive-from-shared makes of ../shared/data', () => {
    const { admin, names } = deriveFromShared(shared)
    expect(data('vn-admin.json')).toBe(serialize(admin))
    expect(data('vn-names.json')).toBe(serialize(names))
  })

  test('the loader gives every unit with its type word and parent', () => {
    expect([provinces.length, districts.length, wards.length]).toEqual([63, 705, 10599])
    const hoangMai = districts.find((d) => d.code === '008')
    expect(hoangMai).toMatchObject({ name: 'Hoàng Mai', name_with_type: 'Quận Hoàng Mai', slug: 'hoang-mai', parent_code: '01' })
    for (const w of wards) expect(w.name_with_type).toMatch(/^(Phường|Xã|Thị trấn) \S/)
  })

  test('the CCCD province table is the 63 provinces, each GSO code with a leading zero', () => {
    expect(Object.keys(CCCD_PROVINCE_CODES).length).toBe(63)
    for (const p of provinces) expect(CCCD_PROVINCE_CODES[`0${p.code}`]?.normalize('NFC')).toBe(p.name)
  })

  test('given names are two syllables, NFC, with the Vietnamese Đ (never the Icelandic Ð)', () => {
    expect(boyNames.length).toBeGreaterThan(1000)
    expect(girlNames.length).toBeGreaterThan(1000)
    for (const n of [...boyNames, ...girlNames]) {
      expect(n.split(' ').length).toBe(2)
      expect(n).toBe(n.normalize('NFC'))
      expect(n).not.toMatch(/[\u00d0\u00f0]/)
    }
  })

  test('the 2018 mobile renumbering maps 21 old prefixes one to one', () => {
    expect(Object.keys(OLD_MOBILE_PREFIX).length).toBe(21)
    expect(Object.keys(NEW_TO_OLD_MOBILE_PREFIX).length).toBe(21)
    expect(OLD_MOBILE_PREFIX['0162']).toBe('032')
    expect(NEW_TO_OLD_MOBILE_PREFIX['079']).toBe('0121')
  })
})
