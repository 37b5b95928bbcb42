import { expect, test } from 'vitest'
import { detectLayout, isColumnNumberRow, isFooterRow, isNotesSheet } from '../../../main/core/import/layout.ts'
import { matchHeader, resolveMapping, suggestMapping } from '../../../main/core/import/mapping.ts'
import type { CellValue, SheetRow } from '../../../main/core/import/readers/types.ts'

const rows = (...cells: CellValue[][]): SheetRow[] => cells.map((c, i) => ({ row: i + 1, cells: c }))

test('header synonyms in Vietnamese and English, without diacritics or case', () => {
  const cases: [string, string][] = [
    ['Họ và tên', 'full_name'],
    ['Họ tên', 'full_name'],
    ['HO TEN', 'full_name'],
    ['Số CCCD/CMND', 'national_id'],
    ['CMND/CCCD', 'national_id'],
    ['Số định danh', 'national_id'],
    ['Số định danh cá nhân/CMND', 'national_id'],
    ['SĐT', 'phone'],
    ['Ngày sinh', 'dob'],
    ['NS', 'dob'],
    ['Năm sinh', 'dob'],
    ['Ngày sinh (dd/mm/yyyy)', 'dob'],
    ['Mũi', 'dose_number'],
    ['Ngày tiêm', 'dose_date'],
    ['Loại vắc xin', 'vaccine'],
    ['Số lô', 'lot'],
    ['Full name', 'full_name'],
    ['Date of birth', 'dob'],
    ['Số nhà, đường/thôn', 'address'],
    ['CMND cũ', 'old_national_id'],
    ['STT', 'ignored']
  ]
  for (const [label, field] of cases) expect(matchHeader(label), label).toBe(field)
  expect(matchHeader('Ngày cấp CCCD')).toBeNull()
  expect(matchHeader('Đối tượng')).toBeNull()
})

test('the header is found under title lines and blank rows; a banner is not a header row', () => {
  const l = detectLayout(
    rows(
      ['SỞ Y TẾ HÀ NỘI'],
      [],
      ['DANH SÁCH TIÊM CHỦNG'],
      ['(Từ ngày 08/03/2021 đến ngày 31/12/2021)'],
      ['STT', 'Họ và tên', 'Ngày sinh', 'Số CCCD'],
      [1, 'Nguyễn Văn An', '12/03/1985', '001085012345']
    )
  )
  expect(l).toMatchObject({ headerRow: 5, headerRows: 1 })
  expect(l?.headers.map((h) => h.label)).toEqual(['STT', 'Họ và tên', 'Ngày sinh', 'Số CCCD'])
})

test('a two-row header: group labels carried over their merged span, "Ngày sinh" over Nam | Nữ', () => {
  const l = detectLayout(
    rows(
      ['STT', 'Họ và tên', 'Ngày sinh', null, 'Địa chỉ', null, null, 'Vắc xin'],
      [null, null, 'Nam', 'Nữ', 'Xã', 'Huyện', 'Tỉnh', null],
      [1, 'Nguyễn Văn An', '12/03/1985', null, 'Tân Lập', 'Đan Phượng', 'Hà Nội', 'AZ']
    )
  )
  expect(l).toMatchObject({ headerRow: 1, headerRows: 2 })
  const mapping = suggestMapping(l?.headers ?? [], 'site')
  expect(mapping).toEqual({
    full_name: ['Họ và tên'],
    dob_male: ['Ngày sinh Nam'],
    dob_female: ['Ngày sinh Nữ'],
    address: ['Địa chỉ Xã', 'Địa chỉ Huyện', 'Địa chỉ Tỉnh'],
    vaccine: ['Vắc xin']
  })
})

test('split names, old CMND next to the CCCD, kind-specific fields, duplicate labels', () => {
  const l = detectLayout(rows(['Họ và đệm', 'Tên', 'Số định danh', 'CMND', 'Loại vắc xin', 'Ngày', 'Ngày']))
  expect(suggestMapping(l?.headers ?? [], 'registry')).toEqual({
    family_name: ['Họ và đệm'],
    given_name: ['Tên'],
    national_id: ['Số định danh'],
    old_national_id: ['CMND']
  })
  expect(l?.headers.map((h) => h.label).slice(-2)).toEqual(['Ngày', 'Ngày (2)'])
  // "Tên" alone is the full name.
  expect(suggestMapping(detectLayout(rows(['Tên', 'Ngày sinh', 'CCCD']))?.headers ?? [], 'site')).toMatchObject({ full_name: ['Tên'] })
})

test('a mapping naming a header that is not there is refused with both languages', () => {
  const l = detectLayout(rows(['Họ và tên', 'Ngày sinh']))
  expect(() => resolveMapping({ full_name: ['Họ tên người tiêm'] }, l?.headers ?? [])).toThrow(
    expect.objectContaining({ code: 'MAPPING_HEADER_NOT_FOUND' })
  )
  expect(resolveMapping({ full_name: ['ho va ten'] }, l?.headers ?? [])).toEqual({ full_name: [0] })
})

test('footer signature block, column-number rows and notes sheets', () => {
  const name = [1]
  expect(isFooterRow({ row: 20, cells: [null, 'Người lập biểu', null, null, 'Thủ trưởng đơn vị'] }, name)).toBe(true)
  expect(isFooterRow({ row: 20, cells: [null, null, null, null, 'Hà Nội, ngày .... tháng .... năm 2021'] }, name)).toBe(true)
  expect(isFooterRow({ row: 20, cells: ['Tổng cộng', null, 150] }, name)).toBe(true)
  // A complaint quoting a date is data.
  expect(isFooterRow({ row: 5, cells: ['PA-1', 'Nguyễn Văn An', '1985', '0012', 'ngày 5 tháng 3 năm 2021'] }, name)).toBe(false)
  expect(isColumnNumberRow({ row: 4, cells: ['(1)', '(2)', '(3)', '(4)'] })).toBe(true)
  expect(isColumnNumberRow({ row: 4, cells: ['A', 'B', 'C'] })).toBe(true)
  expect(isColumnNumberRow({ row: 4, cells: [1, 'Nguyễn Văn An', 1985] })).toBe(false)
  for (const n of ['Ghi chú', 'GHI CHU', 'Hướng dẫn', 'Notes', 'Danh mục']) expect(isNotesSheet(n), n).toBe(true)
  for (const n of ['Sheet1', 'DS tiêm', 'Danh sách']) expect(isNotesSheet(n), n).toBe(false)
})
