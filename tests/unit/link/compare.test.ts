import { describe, expect, it } from 'vitest'
import { address } from '../../../main/core/link/compare/address.ts'
import { cccdAgrees, cccdEmbedded } from '../../../main/core/link/compare/cccd.ts'
import { birthDate } from '../../../main/core/link/compare/dob.ts'
import { gender } from '../../../main/core/link/compare/gender.ts'
import { nationalId } from '../../../main/core/link/compare/id.ts'
import { compareInto, selectComparisons, type Comparison } from '../../../main/core/link/compare/index.ts'
import { location } from '../../../main/core/link/compare/location.ts'
import { givenName, middleName, surname } from '../../../main/core/link/compare/name.ts'
import { phone } from '../../../main/core/link/compare/phone.ts'
import type { RecordRow } from '../../../main/core/link/prepare.ts'
import { prep } from './prep.ts'

type Fields = Partial<Omit<RecordRow, 'id'>>

/** The level code one comparison gives two records, or null when they cannot be compared. */
function level(c: Comparison, a: Fields, b: Fields): string | null {
  const out = new Int8Array(1)
  compareInto([c], prep(a), prep(b), out)
  const l = out[0] as number
  return l < 0 ? null : (c.levels[l] as string)
}

const names = (a: string, b: string) => ({
  given: level(givenName, { full_name: a }, { full_name: b }),
  surname: level(surname, { full_name: a }, { full_name: b }),
  middle: level(middleName, { full_name: a }, { full_name: b })
})

describe('name comparisons', () => {
  it('ranks an exact match with diacritics above one without', () => {
    expect(names('Nguyễn Văn Anh', 'Nguyễn Văn Anh')).toEqual({ given: 'exact', surname: 'exact', middle: 'exact' })
    expect(names('Nguyễn Văn Anh', 'NGUYEN VAN ANH')).toEqual({ given: 'exact', surname: 'no_diacritics', middle: 'no_diacritics' })
    expect(names('Nguyễn Văn Ánh', 'Nguyen Van Anh').given).toBe('no_diacritics')
  })

  it('tells marks that disagree from marks that are missing', () => {
    // Thu and Thư are different names when both were typed with diacritics.
    expect(names('Lê Thị Thu', 'Lê Thị Thư').given).toBe('diacritics_differ')
    expect(names('Lê Thị Thu', 'Le Thi Thu').given).toBe('exact')
  })

  it('has Jaro–Winkler levels for typos and near spellings', () => {
    expect(names('Trần Thị Hương', 'Trần Thị Huơng').given).toBe('diacritics_differ')
    expect(names('Trần Thị Hương', 'Trần Thị Hưong').given).toBe('diacritics_differ')
    expect(names('Trần Thị Hương', 'Trần Thị Hươnh').given).toBe('typo')
    expect(names('Trần Văn Nguyên', 'Trần Văn Nguyện').given).toBe('diacritics_differ')
    expect(names('Trần Văn Phương', 'Trần Văn Phượng').given).toBe('diacritics_differ')
    expect(names('Trần Văn Quang', 'Trần Văn Quân').given).toBe('typo')
    expect(names('Trần Văn Hùng', 'Trần Văn Huỳnh').given).toBe('similar')
    expect(names('Trần Văn Bình', 'Trần Văn Long').given).toBe('different')
    expect(names('Trần Văn Bình', 'Trân Văn Bình').surname).toBe('diacritics_differ')
    expect(names('Trương Văn Bình', 'Trưong Văn Bình').surname).toBe('diacritics_differ')
    // The second name has marks elsewhere, so its unmarked "Pham" is a real difference.
    expect(names('Phạm Văn Bình', 'Pham Văn Bình').surname).toBe('diacritics_differ')
    expect(names('Phạm Văn Bình', 'Pham Van Binh').surname).toBe('no_diacritics')
  })

  it('ignores token order when the family name is written last or the given name first', () => {
    expect(names('Nguyễn Văn Anh', 'Anh Nguyễn Văn')).toEqual({ given: 'exact', surname: 'exact', middle: 'exact' })
    expect(names('Nguyễn Văn Anh', 'Anh Văn Nguyễn')).toEqual({ given: 'exact', surname: 'exact', middle: 'exact' })
    expect(names('Anh Nguyễn Văn', 'Nguyễn Văn Anh')).toEqual({ given: 'exact', surname: 'exact', middle: 'exact' })
    // Western order with a typo in the family name (FEBRL): still read as a swap.
    expect(names('Georgia White', 'Whjte Georgia')).toMatchObject({ given: 'exact', surname: 'typo' })
  })

  it('has a level for a name written into the other field, with the other name changed', () => {
    // FEBRL: "lodge, gillian" listed as given name Lodge under the surname Adele.
    expect(names('Lodge Gillian', 'Adele Lodge')).toMatchObject({ given: 'crossed', surname: 'different' })
    expect(names('Rees Zachary', 'Zachakry Ree')).toMatchObject({ given: 'crossed', surname: 'different' })
    // Short words must agree exactly: "Lê" and "Lý" are one keystroke apart by chance.
    expect(names('Lê Văn Hùng', 'Trần Văn Lê').given).toBe('crossed')
    expect(names('Lê Văn Hùng', 'Trần Văn Ly').given).toBe('different')
    expect(names('Lê Văn Hùng', 'Trần Văn Bình').given).toBe('different')
  })

  it('counts a dropped middle name as a partial match, not a disagreement', () => {
    expect(names('Nguyễn Văn Anh', 'Nguyễn Anh')).toEqual({ given: 'exact', surname: 'exact', middle: 'missing_one_side' })
    expect(names('Nguyễn Thị Ngọc Anh', 'Nguyễn Ngọc Anh').middle).toBe('partial')
    expect(names('Nguyễn Văn Anh', 'Nguyễn Đức Anh').middle).toBe('different')
    expect(names('Nguyễn Anh', 'Nguyễn Anh').middle).toBeNull()
  })

  it('reads a one-word name as whichever part it matches', () => {
    expect(names('Babic', 'Babic Laura')).toMatchObject({ surname: 'exact', given: null })
    expect(names('Laura', 'Babic Laura')).toMatchObject({ given: 'exact', surname: null })
  })

  it('reads a space typed into a name, or left out, as the same name', () => {
    expect(names('Hefford Laur A', 'Hefford Laura')).toEqual({ given: 'exact', surname: 'exact', middle: null })
    expect(names('Nguyễn Thị NgọcAnh', 'Nguyễn Thị Ngọc Anh')).toEqual({ given: 'exact', surname: 'exact', middle: 'exact' })
    // The same letters split elsewhere on both sides are not one name written twice.
    expect(names('Ab Cde F', 'Abc Def').given).toBe('different')
  })

  it('gives no evidence when a name is missing', () => {
    expect(level(givenName, { full_name: null }, { full_name: 'Lê An' })).toBeNull()
  })
})

describe('birth date', () => {
  const dob = (a: string | null, b: string | null) => level(birthDate, { dob: a }, { dob: b })
  it('has exact / year only / day-month swapped / one digit / different levels', () => {
    expect(dob('1985-03-07', '1985-03-07')).toBe('exact')
    expect(dob('1985', '1985-03-07')).toBe('year_only')
    expect(dob('1985', '1985')).toBe('year_only')
    expect(dob('1985-03-07', '1985-07-03')).toBe('day_month_swapped')
    expect(dob('1985-03-07', '1985-03-08')).toBe('one_digit')
    expect(dob('1985-03-07', '1958-03-07')).toBe('one_digit')
    expect(dob('1985-03-07', '1986-04-07')).toBe('different')
    expect(dob('1984', '1985-03-07')).toBe('different')
    expect(dob(null, '1985-03-07')).toBeNull()
  })
  it('reads 01/01 against another day of the same year as a placeholder, not a different date', () => {
    expect(dob('1985-01-01', '1985-06-20')).toBe('jan_first')
    expect(dob('1985-06-20', '1985-01-01')).toBe('jan_first')
    expect(dob('1985-01-01', '1986-06-20')).toBe('different')
  })
})

describe('national ID', () => {
  const man1985 = { dob: '1985-03-07', gender: 'M' as const }
  const id = (a: Fields, b: Fields) => level(nationalId, a, b)
  it('is exact on the same ID', () => {
    expect(id({ national_id: '001085001234' }, { national_id: '001085001234' })).toBe('exact')
  })
  it('crosses from an old CMND to the CCCD through the registry’s old-ID column', () => {
    expect(id({ national_id: '123456789' }, { national_id: '001085001234', old_national_id: '123456789' })).toBe('crosswalk')
  })
  it('accepts one digit off or two digits swapped when the CCCD’s birth year and gender agree', () => {
    expect(id({ national_id: '001085001243', ...man1985 }, { national_id: '001085001234', ...man1985 })).toBe('typo')
    expect(id({ national_id: '001085001235', ...man1985 }, { national_id: '001085001234', ...man1985 })).toBe('typo')
    // A slip in the year digits of one person's ID: the other ID still agrees with the record.
    expect(id({ national_id: '001086001234', ...man1985 }, { national_id: '001085001234', ...man1985 })).toBe('typo')
    // Two people, born 1985 and 1986, whose IDs are one digit apart: neither ID fits the other.
    expect(id({ national_id: '001086001234', dob: '1986-01-01', gender: 'M' }, { national_id: '001085001234', ...man1985 })).toBe(
      'conflict'
    )
    // …or a man and a woman (gender digit 0 and 1).
    expect(id({ national_id: '001185001234', dob: '1985-03-07', gender: 'F' }, { national_id: '001085001234', ...man1985 })).toBe(
      'conflict'
    )
  })
  it('tells a CCCD that does not fit its own row (someone else’s) from a plain conflict', () => {
    // The site row says a man born 1985, its CCCD a woman born 1990: not this row's own ID.
    expect(id({ national_id: '001190004321', ...man1985 }, { national_id: '001085001234', ...man1985 })).toBe('not_own')
    expect(id({ national_id: '001085001234', ...man1985 }, { national_id: '001190004321', ...man1985 })).toBe('not_own')
    expect(id({ national_id: '001085009999', ...man1985 }, { national_id: '001085001234', ...man1985 })).toBe('conflict')
  })
  it('conflicts on different comparable IDs, and is not comparable across ID kinds', () => {
    expect(id({ national_id: '001085009999' }, { national_id: '001085001234' })).toBe('conflict')
    expect(id({ national_id: '123456789' }, { national_id: '001085001234' })).toBeNull()
    expect(id({}, { national_id: '001085001234' })).toBeNull()
  })
  it('decodes the CCCD: century and gender digit, then the birth year', () => {
    expect(cccdEmbedded('001085001234')).toEqual({ gender: 'M', year: 1985 })
    expect(cccdEmbedded('079199001234')).toEqual({ gender: 'F', year: 1999 })
    expect(cccdEmbedded('079205001234')).toEqual({ gender: 'M', year: 2005 })
    expect(cccdEmbedded('079303001234')).toEqual({ gender: 'F', year: 2003 })
    expect(cccdEmbedded('123456789')).toBeNull()
    expect(cccdAgrees('079303001234', prep({ gender: 'M' }))).toBe(false)
    expect(cccdAgrees('079303001234', prep({ gender: 'F', dob: '2003' }))).toBe(true)
  })
})

describe('gender, phone, administrative units, free-text address', () => {
  it('compares gender', () => {
    expect(level(gender, { gender: 'M' }, { gender: 'M' })).toBe('agree')
    expect(level(gender, { gender: 'M' }, { gender: 'F' })).toBe('disagree')
    expect(level(gender, {}, { gender: 'F' })).toBeNull()
  })
  it('compares phones', () => {
    expect(level(phone, { phone: '0912345678' }, { phone: '0912345678' })).toBe('exact')
    expect(level(phone, { phone: '0912345678' }, { phone: '0912345687' })).toBe('typo')
    expect(level(phone, { phone: '0912345678' }, { phone: '0987654321' })).toBe('different')
  })
  it('compares ward, district and province codes at the finest level both know', () => {
    const w = (a: Fields, b: Fields) => level(location, a, b)
    expect(
      w(
        { ward_code: '00001', district_code: '001', province_code: '01' },
        { ward_code: '00001', district_code: '001', province_code: '01' }
      )
    ).toBe('same_ward')
    expect(w({ ward_code: '00001', district_code: '001' }, { ward_code: '00004', district_code: '001' })).toBe('same_district')
    expect(w({ district_code: '001', province_code: '01' }, { district_code: '002', province_code: '01' })).toBe('same_province')
    expect(w({ district_code: '001', province_code: '01' }, { district_code: '760', province_code: '79' })).toBe('different')
    expect(w({}, { district_code: '001' })).toBeNull()
  })
  it('tells the same house and street from the same ward by the address before its first comma', () => {
    const w = (a: string | null, b: string | null) =>
      level(location, { address: a, ward_code: '00001', district_code: '001' }, { address: b, ward_code: '00001', district_code: '001' })
    // The units after the comma may be abbreviated or dropped: the codes say them.
    expect(w('Số 12 ngõ 3 Trường Chinh, Phường Mỹ Xá, Tỉnh Nam Định', 'so 12 ngo 3 truong chinh, P. Mỹ Xá')).toBe('same_address')
    expect(w('Số 12 ngõ 3 Trường Chinh, Phường Mỹ Xá', 'Số 14 ngõ 3 Trường Chinh, Phường Mỹ Xá')).toBe('same_ward')
    // No comma: no telling the house from the ward's name.
    expect(w('Số 12 ngõ 3 Trường Chinh', 'Số 12 ngõ 3 Trường Chinh')).toBe('same_ward')
    expect(w(null, 'Số 12 ngõ 3 Trường Chinh, Phường Mỹ Xá')).toBe('same_ward')
  })
  it('compares free-text addresses by tokens, tolerant of typos and order', () => {
    const a = (x: string, y: string) => level(address, { address: x }, { address: y })
    expect(a('8, stanley street, miami, 4223, nsw', '8, stanley street, miami, 4223, nsw')).toBe('exact')
    expect(a('8, stanley street, miami, 4223, nsw', '8, stanley stzreet, miami, 4223, nsw')).toBe('most')
    expect(a('8, stanley street, miami, 4223, nsw', '12, stanley street, miami, 2000, vic')).toBe('some')
    expect(a('8, stanley street, miami, 4223, nsw', '77 pitt road sydney 2000')).toBe('different')
  })
  it('matches a word run together from two, a lost space, with or without a typo', () => {
    const a = (x: string, y: string) => level(address, { address: x }, { address: y })
    // Without the joined words: 8 of 13 tokens, "some".
    expect(a('10 wellslroad rosehill auburn 5068 sa', '68 wells road rosehill auburn 5068 sa')).toBe('most')
    expect(a('12 colebatch place vic', '12 colebatchplace vic')).toBe('most')
  })
})

describe('choosing comparisons per field type', () => {
  it('uses administrative codes where the data has them, else the free-text address', () => {
    const vn = selectComparisons(
      new Map([
        ['given_name', 1],
        ['location', 0.9],
        ['address', 0.9],
        ['phone', 0]
      ])
    )
    expect(vn.map((c) => c.name)).toEqual(['given_name', 'location'])
    const febrl = selectComparisons(
      new Map([
        ['given_name', 1],
        ['surname', 1],
        ['address', 0.95],
        ['national_id', 1]
      ])
    )
    expect(febrl.map((c) => c.name)).toEqual(['given_name', 'surname', 'national_id', 'address'])
  })
})
