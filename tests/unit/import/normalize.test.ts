import { expect, test } from 'vitest'
import { resolveAddress, districtMentioned } from '../../../main/core/import/normalize/address.ts'
import { normalizeDate, normalizeDateTime } from '../../../main/core/import/normalize/date.ts'
import { normalizeDoseNumber } from '../../../main/core/import/normalize/dose.ts'
import { normalizeGender } from '../../../main/core/import/normalize/gender.ts'
import { checkCccd, normalizeId } from '../../../main/core/import/normalize/id.ts'
import { convertLegacy, detectLegacy, encodeLegacy } from '../../../main/core/import/normalize/legacy.ts'
import { normalizeName } from '../../../main/core/import/normalize/name.ts'
import { normalizePhone } from '../../../main/core/import/normalize/phone.ts'
import { normalizeVaccine } from '../../../main/core/import/normalize/vaccine.ts'

const today = new Date('2024-06-01T00:00:00Z')
const dob = (v: Parameters<typeof normalizeDate>[0]) => normalizeDate(v, { field: 'dob', allowYearOnly: true, today })
const dose = (v: Parameters<typeof normalizeDate>[0]) => normalizeDate(v, { field: 'dose_date', allowYearOnly: false, today })
const codes = (r: { warnings: { code: string }[] }) => r.warnings.map((w) => w.code)

test('names: NFC, single spaces, Vietnamese title case; digits and error codes are not names', () => {
  expect(normalizeName('  nguyễn   văn AN ').value).toBe('Nguyễn Văn An')
  expect(normalizeName('ĐẶNG THỊ ÁNH').value).toBe('Đặng Thị Ánh')
  expect(normalizeName('Nguye\u0302\u0303n Văn An').value).toBe('Nguyễn Văn An') // decomposed input
  expect(normalizeName('Lê\u00a0Văn\tTám').value).toBe('Lê Văn Tám')
  for (const bad of ['#REF!', '12345', 'A1+B2', 42]) expect(normalizeName(bad).invalid).toBe('NAME_NOT_TEXT')
  expect(normalizeName(null)).toMatchObject({ value: null, invalid: null })
})

test('TCVN3 (ABC) and VNI text is detected and converted; Unicode Vietnamese is left alone', () => {
  expect(convertLegacy('NguyÔn V¨n An')).toEqual({ text: 'Nguyễn Văn An', encoding: 'TCVN3' })
  expect(convertLegacy('§Æng Th\u00adêng')).toEqual({ text: 'Đặng Thường', encoding: 'TCVN3' })
  expect(convertLegacy('Nguyeãn Vaên An')).toEqual({ text: 'Nguyễn Văn An', encoding: 'VNI' })
  expect(convertLegacy('Tröông Thò Thu Haø')).toEqual({ text: 'Trương Thị Thu Hà', encoding: 'VNI' })
  for (const unicode of ['Nguyễn Văn An', 'Hoàng Lê Hà', 'Ngô Tuấn', 'Châu Quân', 'Hoá Đức', 'Bùi Thế Hà', 'Smith'])
    expect(detectLegacy(unicode)).toBeNull()
  expect(normalizeName('Lª V¨n Thµnh')).toMatchObject({
    value: 'Lê Văn Thành',
    warnings: [{ field: 'full_name', code: 'NAME_FROM_TCVN3' }]
  })
  // Encoding and decoding are inverse over every Vietnamese letter.
  const all = 'aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵđ'
  expect(convertLegacy(encodeLegacy(all, 'VNI'))?.text).toBe(all)
  expect(convertLegacy(encodeLegacy(all, 'TCVN3'))?.text).toBe(all)
})

test('dates: serials, date cells and every string form; a year stays a year; ambiguity is flagged', () => {
  expect(dob(32944).value).toBe('1990-03-12')
  expect(dob(new Date(Date.UTC(1990, 2, 12))).value).toBe('1990-03-12')
  for (const s of ['12/03/1990', '12/3/90', '1990-03-12', '12.03.1990', '19900312', 19900312, 'ngày 12 tháng 3 năm 1990'])
    expect(dob(s).value, String(s)).toBe('1990-03-12')
  expect(dob('1972')).toEqual({ value: '1972', warnings: [] })
  expect(dob(1972)).toEqual({ value: '1972', warnings: [] })
  expect(codes(dob('03/04/1985'))).toEqual(['DATE_AMBIGUOUS_DAY_MONTH'])
  expect(dob('03/04/1985').value).toBe('1985-04-03')
  expect(dob('04/13/1985')).toEqual({ value: '1985-04-13', warnings: [{ field: 'dob', code: 'DATE_MONTH_FIRST' }] })
  expect(codes(dob('31/02/1990'))).toEqual(['DATE_INVALID'])
  expect(codes(dob('01/01/2030'))).toEqual(['DATE_OUT_OF_RANGE'])
  expect(dob('05/1985')).toEqual({ value: '1985', warnings: [{ field: 'dob', code: 'DATE_MONTH_DROPPED' }] })
  // "1972" typed into a date-formatted cell, which Excel shows as 25/05/1905.
  expect(dob(new Date(Date.UTC(1905, 4, 25)))).toEqual({ value: '1972', warnings: [{ field: 'dob', code: 'DATE_YEAR_IN_DATE_CELL' }] })
  // Dose dates need a whole date, and two-digit years are this century.
  expect(codes(dose('2021'))).toEqual(['DATE_YEAR_ONLY'])
  expect(dose('15/9/21').value).toBe('2021-09-15')
})

test('complaint times: kept to the minute from date cells, serials and strings; Vietnam time unless a zone is named', () => {
  const at = (v: Parameters<typeof normalizeDateTime>[0]) =>
    normalizeDateTime(v, { field: 'submitted_at', allowYearOnly: false, today }).value
  expect(at(new Date(Date.UTC(2021, 9, 5, 14, 30)))).toBe('2021-10-05 14:30')
  expect(at(new Date(Date.UTC(2021, 9, 5)))).toBe('2021-10-05')
  expect(at(44474.6041666667)).toBe('2021-10-05 14:30')
  expect(at(44474)).toBe('2021-10-05')
  for (const s of [
    '05/10/2021 14:30',
    '5/10/2021 14:30:59',
    '2021-10-05T14:30:00',
    '14:30 05/10/2021',
    '2021-10-05T07:30:00Z',
    '2021-10-05 14:30+07:00'
  ])
    expect(at(s), s).toBe('2021-10-05 14:30')
  expect(at('05/10/2021')).toBe('2021-10-05')
  // Late on the 4th in UTC is already the 5th in Vietnam.
  expect(at('2021-10-04T20:15:00Z')).toBe('2021-10-05 03:15')
  expect(
    normalizeDateTime('05/10/2021 25:10', { field: 'submitted_at', allowYearOnly: false, today }).warnings.map((w) => w.code)
  ).toContain('DATE_INVALID')
  expect(at('ngày mai')).toBeNull()
})

test('gender: Nam/Nữ/M/F/1/0 in any case', () => {
  for (const m of ['Nam', 'NAM', 'nam', 'M', 'male', 1, '1']) expect(normalizeGender(m).value, String(m)).toBe('M')
  for (const f of ['Nữ', 'NỮ', 'nu', 'Nu\u0303', 'F', 'female', 0, '0']) expect(normalizeGender(f).value, String(f)).toBe('F')
  expect(codes(normalizeGender('?'))).toEqual(['GENDER_UNKNOWN'])
})

test('IDs: spaces stripped, lost zeros restored, CCCD/CMND/passport/other', () => {
  expect(normalizeId('001 085 012 345')).toMatchObject({ value: '001085012345', kind: 'CCCD', warnings: [] })
  expect(normalizeId(1085012345)).toMatchObject({ value: '001085012345', kind: 'CCCD', warnings: [{ code: 'ID_LEADING_ZERO_RESTORED' }] })
  expect(normalizeId(79190123456)).toMatchObject({ value: '079190123456', kind: 'CCCD' })
  expect(normalizeId(13456789)).toMatchObject({ value: '013456789', kind: 'CMND' })
  expect(normalizeId('013456789')).toMatchObject({ value: '013456789', kind: 'CMND', warnings: [] })
  expect(normalizeId('b1234567')).toMatchObject({ value: 'B1234567', kind: 'PASSPORT' })
  // Foreign IDs (FEBRL's 7-digit soc_sec_id) are kept as they are.
  expect(normalizeId('6988048')).toMatchObject({ value: '6988048', kind: 'OTHER', warnings: [] })
  expect(normalizeId('@@@')).toMatchObject({ value: null, warnings: [{ code: 'ID_INVALID' }] })
})

test('CCCD structure: province, gender and century digit, birth year', () => {
  expect(checkCccd('001085012345', '1985-03-12', 'M')).toEqual([])
  expect(checkCccd('079190123456', '1990', 'F')).toEqual([])
  expect(checkCccd('031301004567', '2001-07-30', 'F')).toEqual([])
  expect(codes({ warnings: checkCccd('001085012345', '1985-03-12', 'F') })).toEqual(['CCCD_GENDER_MISMATCH'])
  expect(codes({ warnings: checkCccd('001085012345', '1986-03-12', 'M') })).toEqual(['CCCD_YEAR_MISMATCH'])
  expect(codes({ warnings: checkCccd('001285012345', '1985', 'M') })).toEqual(['CCCD_CENTURY_MISMATCH'])
  expect(codes({ warnings: checkCccd('099085012345', null, null) })).toEqual(['CCCD_PROVINCE_UNKNOWN'])
})

test('phones: +84, 84 and 0 forms; old 11-digit mobile prefixes; landlines', () => {
  for (const p of ['+84 912 345 678', '84912345678', '0912345678', '0912.345.678', 912345678, '(+84) 912-345-678'])
    expect(normalizePhone(p).value, String(p)).toBe('0912345678')
  expect(normalizePhone('01656789012')).toEqual({ value: '0356789012', warnings: [{ field: 'phone', code: 'PHONE_OLD_PREFIX_CONVERTED' }] })
  expect(normalizePhone('0120 312 3456').value).toBe('0703123456')
  expect(normalizePhone('0199 123 4567').value).toBe('0591234567')
  expect(normalizePhone('(024) 1234 5678').value).toBe('02412345678')
  expect(codes(normalizePhone('12345'))).toEqual(['PHONE_INVALID'])
})

test('vaccines: spellings canonicalized; unknown ones flagged, never guessed', () => {
  const cases: [string, string][] = [
    ['AstraZeneca', 'ASTRAZENECA'],
    ['Astra Zeneca', 'ASTRAZENECA'],
    ['AZ', 'ASTRAZENECA'],
    ['Vaxzevria', 'ASTRAZENECA'],
    ['Pfizer-BioNTech', 'PFIZER'],
    ['Comirnaty', 'PFIZER'],
    ['moderna', 'MODERNA'],
    ['Spikevax', 'MODERNA'],
    ['Vero Cell', 'VEROCELL'],
    ['Verocell (Sinopharm)', 'VEROCELL'],
    ['Sinopharm', 'VEROCELL'],
    ['Sputnik-V', 'SPUTNIKV'],
    ['Johnson & Johnson', 'JANSSEN'],
    ['Janssen', 'JANSSEN'],
    ['Hayat-Vax', 'HAYATVAX'],
    ['abdala', 'ABDALA'],
    ['Vắc xin Pfizer', 'PFIZER'],
    ['AstraZeneca (Covishield)', 'ASTRAZENECA'],
    ['Pfizer / Comirnaty', 'PFIZER']
  ]
  for (const [raw, canonical] of cases) expect(normalizeVaccine(raw).value, raw).toBe(canonical)
  expect(normalizeVaccine('Covaxin')).toEqual({ value: null, warnings: [{ field: 'vaccine', code: 'VACCINE_UNKNOWN' }] })
  // Two different vaccines, or a known one with an unknown note, are never guessed.
  for (const raw of ['AstraZeneca / Pfizer', 'Pfizer (mũi nhắc)']) expect(normalizeVaccine(raw).value, raw).toBeNull()
})

test('dose numbers', () => {
  for (const [raw, n] of [
    [1, 1],
    ['2', 2],
    ['Mũi 2', 2],
    ['mũi thứ 3', 3],
    ['M1', 1],
    ['II', 2]
  ] as const)
    expect(normalizeDoseNumber(raw).value, String(raw)).toBe(n)
  expect(codes(normalizeDoseNumber('nhắc lại'))).toEqual(['DOSE_NUMBER_INVALID'])
})

test('addresses resolve to province, district and ward codes', () => {
  expect(resolveAddress('Thôn 3, Xã Tân Lập, Huyện Đan Phượng, TP Hà Nội')).toMatchObject({
    province_code: '01',
    district_code: '273',
    ward_code: '09820',
    warnings: []
  })
  expect(resolveAddress('12 Nguyễn Huệ, P. Bến Nghé, Q.1, TP.HCM')).toMatchObject({
    province_code: '79',
    district_code: '760',
    ward_code: '26740'
  })
  expect(resolveAddress('Phường 1, Quận 3, Hồ Chí Minh')).toMatchObject({ ward_code: '27160' })
  // A ward-level prefix never names a province ("Phường Bình Thuận" is not the province Bình Thuận).
  expect(resolveAddress('Số 70 Phan Đình Phùng, Phường Bình Thuận', '492')).toMatchObject({
    province_code: '48',
    district_code: '492',
    warnings: []
  })
  // A house number is not "Quận 6"; an Australian address stays unresolved.
  expect(resolveAddress('6, tullaroop street, willaroo, st james, 4011, wa')).toMatchObject({
    province_code: null,
    warnings: [{ code: 'ADDRESS_UNRESOLVED' }]
  })
  expect(resolveAddress('Quận Cầu Giấy, Hà Nội')).toMatchObject({
    district_code: '005',
    ward_code: null,
    warnings: [{ code: 'ADDRESS_PARTIAL' }]
  })
  expect(districtMentioned('TRUNG TÂM Y TẾ QUẬN HẢI CHÂU')).toBe('492')
})
