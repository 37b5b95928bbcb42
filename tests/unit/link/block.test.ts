import { describe, expect, it } from 'vitest'
import { deletions, soundKey } from '../../../main/core/link/block.ts'
import { block } from '../../../main/core/link/block-pairs.ts'
import { inlineContext } from '../../../main/core/base/job-context.ts'
import { prep } from './prep.ts'

const registry = [
  prep({ full_name: 'Nguyễn Văn Anh', dob: '1985-03-07', national_id: '001085001234', old_national_id: '123456789', ward_code: '00001' }),
  prep({ full_name: 'Trần Thị Lan', dob: '1990-12-01', national_id: '001190005678', ward_code: '00004' }),
  prep({ full_name: 'Lê Văn Bình', dob: '1970-06-15', national_id: '001070009999', ward_code: '00007' })
]

function candidatesOf(subject: ReturnType<typeof prep>): number[] {
  const pairs = block([subject], registry, { dedup: false }, inlineContext())
  return Array.from(pairs.target.subarray(0, pairs.length))
}

describe('blocking', () => {
  it('finds the registry person through every kind of noise', () => {
    expect(candidatesOf(prep({ full_name: 'Xyz', national_id: '001085001234' }))).toContain(0)
    // Old CMND against the registry's old-ID column.
    expect(candidatesOf(prep({ full_name: 'Xyz', national_id: '123456789' }))).toContain(0)
    // Transposed ID digits, nothing else.
    expect(candidatesOf(prep({ full_name: 'Xyz', national_id: '001085001243' }))).toContain(0)
    // No ID, a typo in the family name: birth date with the given name.
    expect(candidatesOf(prep({ full_name: 'Nguyến Văn Anh', dob: '1985-03-07' }))).toContain(0)
    // No ID, day and month swapped, names swapped: birth year with the name's tokens.
    expect(candidatesOf(prep({ full_name: 'Anh Nguyễn Văn', dob: '1985-07-03' }))).toContain(0)
    // No ID, year only, a misspelt given name: the sound-alike key with the year.
    expect(candidatesOf(prep({ full_name: 'Nguyen Van Ann', dob: '1985' }))).toContain(0)
    // No ID, year only, a letter dropped from the family name: one-deletion keys with the year.
    expect(candidatesOf(prep({ full_name: 'Ngyen Van Anh', dob: '1985' }))).toContain(0)
    // No ID, a wrong digit in the birth year: the name with the day and month.
    expect(candidatesOf(prep({ full_name: 'Nguyễn Văn Anh', dob: '1988-03-07' }))).toContain(0)
    // Name and ID both mangled: birth date and ward.
    expect(candidatesOf(prep({ full_name: 'Ngyen Vn Ahn', dob: '1985-03-07', ward_code: '00001' }))).toContain(0)
  })

  it('uses free-text address words where there are no ward codes (FEBRL)', () => {
    const febrl = [
      prep({ full_name: 'Hefford Laura', dob: '1971-11-19', national_id: '7280622', address: '3, partridge street, homebush, 6530, sa' })
    ]
    // The birth date and the ID both wrong, a letter dropped from the given name.
    const dup = prep({
      full_name: 'Hefford Lara',
      dob: '1917-11-19',
      national_id: '7281622',
      address: '3, partridgqe street, bansia, 6530, sa'
    })
    const pairs = block([dup], febrl, { dedup: false }, inlineContext())
    expect(pairs.length).toBe(1)
    expect(pairs.stats.find((s) => s.rule === 'address_edit')?.pairs).toBe(1)
    // With ward codes, the address words are not used at all.
    expect(prep({ address: '12 Lê Lợi', ward_code: '00001' }).address).toBeNull()
  })

  it('pairs one-word names and names with a space typed in through the address words', () => {
    const febrl = [
      prep({ full_name: 'Babic', dob: '1945-04-03', national_id: '4779301', address: '1 totterdell street st albans 4060 sa' }),
      prep({ full_name: 'Hefford Laura', national_id: '4977825', address: '3 partridge street banksia 6530 sa' })
    ]
    // No birth date and another ID: only the name and the address are left.
    const pairsOf = (dup: ReturnType<typeof prep>) => {
      const pairs = block([dup], febrl, { dedup: false }, inlineContext())
      return Array.from(pairs.target.subarray(0, pairs.length))
    }
    expect(pairsOf(prep({ full_name: 'Babic', national_id: '3346822', address: '1 totterdell street cooingale 4060 sa' }))).toEqual([0])
    expect(pairsOf(prep({ full_name: 'Hefford Laur A', national_id: '7280622', address: '3 partridgqe street bansia 6530 sa' }))).toEqual([
      1
    ])
  })

  it('keeps the candidates to the plausible ones', () => {
    expect(candidatesOf(prep({ full_name: 'Trần Thị Lan', dob: '1990-12-01' }))).toEqual([1])
  })

  it('in deduplication, yields each pair once and never a record with itself', () => {
    const rows = [
      prep({ full_name: 'Lê Văn Bình', dob: '1970-06-15', phone: '0912345678' }),
      prep({ full_name: 'Le Van Binh', dob: '1970-06-15', phone: '0912345678' }),
      prep({ full_name: 'Lê Văn Bình', dob: '1970-06-15' })
    ]
    const pairs = block(rows, rows, { dedup: true }, inlineContext())
    const seen = Array.from({ length: pairs.length }, (_, p) => `${pairs.subject[p]}-${pairs.target[p]}`).sort()
    expect(seen).toEqual(['0-1', '0-2', '1-2'])
    // Rule bits say which rules found a pair: 0–1 share the phone.
    const phoneRule = pairs.stats.findIndex((s) => s.rule === 'phone')
    const p01 = seen.indexOf('0-1')
    expect(p01).toBeGreaterThanOrEqual(0)
    expect(pairs.stats[phoneRule]?.pairs).toBe(1)
  })

  it('skips keys shared by too many records rather than pairing them all', () => {
    const crowd = Array.from({ length: 30 }, () => prep({ full_name: 'Nguyễn Văn Anh', dob: '1985-03-07' }))
    const pairs = block([prep({ full_name: 'Nguyễn Văn Anh', dob: '1985-03-07' })], crowd, { dedup: false, maxBlock: 10 }, inlineContext())
    expect(pairs.length).toBe(0)
    expect(pairs.stats.some((s) => s.skippedBlocks > 0)).toBe(true)
  })

  it('has one-deletion variants that meet for any one-letter slip', () => {
    const meet = (a: string, b: string) => deletions(a).some((x) => deletions(b).includes(x))
    expect(meet('nguyen', 'nguyne')).toBe(true)
    expect(meet('nguyen', 'ngyen')).toBe(true)
    expect(meet('nguyen', 'nguyenn')).toBe(true)
    expect(meet('nguyen', 'nguyan')).toBe(true)
    expect(meet('nguyen', 'tran')).toBe(false)
  })

  it('has a sound key that merges spellings that sound alike', () => {
    expect(soundKey('giang')).toBe(soundKey('dang'))
    expect(soundKey('xuan')).toBe(soundKey('suan'))
    expect(soundKey('trung')).toBe(soundKey('chung'))
    expect(soundKey('nguyen')).not.toBe(soundKey('tran'))
  })
})
