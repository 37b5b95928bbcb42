import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test } from 'vitest'
import { importFile } from '../../../main/core/import/import-file.ts'
import { normalizeDate } from '../../../main/core/import/normalize/date.ts'
import { normalizeGender } from '../../../main/core/import/normalize/gender.ts'
import { normalizeId } from '../../../main/core/import/normalize/id.ts'
import { encodeLegacy } from '../../../main/core/import/normalize/legacy.ts'
import { normalizeName } from '../../../main/core/import/normalize/name.ts'
import { inlineContext } from '../../../main/core/base/job-context.ts'
import { tempDir } from '../../helpers/tmp.ts'
import { freshWorkspace, records } from './helpers.ts'

/** The quirk classes an independent workbook (written by another tool) showed we missed. */
const TODAY = new Date('2022-06-30T12:00:00Z')

test('00/00/YYYY: the day and month are unknown, the year is kept, with a warning', () => {
  expect(normalizeDate('00/00/1965', { field: 'dob', allowYearOnly: true, today: TODAY })).toEqual({
    value: '1965',
    warnings: [{ field: 'dob', code: 'DATE_DAY_MONTH_UNKNOWN' }]
  })
  expect(normalizeDate('0/5/1965', { field: 'dob', allowYearOnly: true, today: TODAY }).value).toBe('1965')
  // A dose date needs the day.
  expect(normalizeDate('00/00/2021', { field: 'dose_date', allowYearOnly: false, today: TODAY })).toMatchObject({
    value: null,
    warnings: [{ code: 'DATE_YEAR_ONLY' }]
  })
})

test('an Excel day number as text (a CSV of a General cell) is the date, with a warning', () => {
  expect(normalizeDate('44454', { field: 'dose_date', allowYearOnly: false, today: TODAY })).toEqual({
    value: '2021-09-15',
    warnings: [{ field: 'dose_date', code: 'DATE_FROM_SERIAL' }]
  })
  expect(normalizeDate('1965', { field: 'dob', allowYearOnly: true, today: TODAY }).value).toBe('1965')
})

test('gender in TCVN3 or VNI is read, with a warning; unknown text stays unknown', () => {
  expect(normalizeGender(encodeLegacy('Nữ', 'TCVN3'))).toEqual({ value: 'F', warnings: [{ field: 'gender', code: 'GENDER_FROM_LEGACY' }] })
  expect(normalizeGender(encodeLegacy('Nữ', 'VNI'))).toMatchObject({ value: 'F' })
  expect(normalizeGender('Nam')).toEqual({ value: 'M', warnings: [] })
  expect(normalizeGender('xyz')).toMatchObject({ value: null, warnings: [{ code: 'GENDER_UNKNOWN' }] })
})

test('IDs that lost their leading zeros in a CSV are restored there (10/11 digits CCCD, 8 CMND), not in typed .xlsx text', () => {
  expect(normalizeId('1090001234', 'national_id', true)).toMatchObject({
    value: '001090001234',
    kind: 'CCCD',
    warnings: [{ code: 'ID_LEADING_ZERO_RESTORED' }]
  })
  expect(normalizeId('12345678', 'national_id', true)).toMatchObject({ value: '012345678', kind: 'CMND' })
  expect(normalizeId('1090001234', 'national_id', false)).toMatchObject({ value: '1090001234', kind: 'OTHER', warnings: [] })
})

test('zero-width and text-direction characters leave names, with a warning', () => {
  expect(normalizeName('Trần\u200bThị Bình')).toEqual({
    value: 'Trần Thị Bình',
    warnings: [{ field: 'full_name', code: 'NAME_INVISIBLE_REMOVED' }],
    invalid: null
  })
  expect(normalizeName('\u202eNguyễn Văn\u200b An\u202c').value).toBe('Nguyễn Văn An')
  expect(normalizeName('Lê Văn Tám').warnings).toEqual([])
})

test('a CSV with every quirk imports each field right, each repair with its warning', async () => {
  const path = join(tempDir('vaxrecon-quirks-'), 'site-quirks.csv')
  const name = encodeLegacy('Nguyễn Thị Hà', 'TCVN3')
  writeFileSync(
    path,
    'Họ và tên,Ngày sinh,Giới tính,Số CCCD,Địa chỉ,Vắc xin,Mũi,Ngày tiêm\n' +
      `${name},00/00/1965,${encodeLegacy('Nữ', 'TCVN3')},1165001234,"${encodeLegacy('Xã Tân Phú, Huyện Đức Hòa, Tỉnh Long An', 'TCVN3')}",AstraZeneca,1,44454\n` +
      'Trần\u200bThị Bình,21/03/1970,Nữ,79170001234,,Pfizer,2,15/09/2021\n',
    'utf8'
  )
  const ws = freshWorkspace()
  const s = await importFile(ws, { kind: 'site', path }, inlineContext(), null)
  expect(s.rejected).toBe(0)
  const [a, b] = records(ws)
  expect(a).toMatchObject({
    full_name: 'Nguyễn Thị Hà',
    dob: '1965',
    gender: 'F',
    national_id: '001165001234',
    id_kind: 'CCCD',
    dose_date: '2021-09-15',
    address: 'Xã Tân Phú, Huyện Đức Hòa, Tỉnh Long An'
  })
  const codes = (r: typeof a) => (JSON.parse(r?.warnings_json ?? '[]') as { code: string }[]).map((w) => w.code)
  expect(codes(a)).toEqual(
    expect.arrayContaining([
      'NAME_FROM_TCVN3',
      'DATE_DAY_MONTH_UNKNOWN',
      'GENDER_FROM_LEGACY',
      'ID_LEADING_ZERO_RESTORED',
      'DATE_FROM_SERIAL',
      'TEXT_FROM_TCVN3'
    ])
  )
  expect(b).toMatchObject({ full_name: 'Trần Thị Bình', national_id: '079170001234' })
  expect(codes(b)).toEqual(expect.arrayContaining(['NAME_INVISIBLE_REMOVED', 'ID_LEADING_ZERO_RESTORED']))
  ws.close()
})
