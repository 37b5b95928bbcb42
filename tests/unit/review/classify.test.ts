import { expect, test } from 'vitest'
import { classify } from '../../../main/core/review/classify.ts'

const cls = (...args: Parameters<typeof classify>) => {
  const r = classify(...args)
  return r ? `${r.class}:${r.detail}` : null
}

test('equal values, and values empty on both sides, are no difference', () => {
  expect(cls('full_name', 'Nguyễn Văn Anh', 'Nguyễn Văn Anh')).toBeNull()
  expect(cls('phone', null, '')).toBeNull()
  expect(cls('gender', 'F', 'F')).toBeNull()
})

test('formatting: Unicode form, spacing, case, and a name typed without any diacritics', () => {
  expect(cls('full_name', 'Nguye\u0302\u0303n Văn Anh', 'Nguyễn Văn Anh')).toBe('formatting:unicode')
  expect(cls('full_name', 'Nguyễn  Văn Anh ', 'Nguyễn Văn Anh')).toBe('formatting:spacing')
  expect(cls('full_name', 'NGUYỄN VĂN ANH', 'Nguyễn Văn Anh')).toBe('formatting:case')
  expect(cls('full_name', 'Nguyen Van Anh', 'Nguyễn Văn Anh')).toBe('formatting:diacritics')
  expect(cls('full_name', 'DO MINH KHOA', 'Đỗ Minh Khoa')).toBe('formatting:diacritics')
  expect(cls('national_id', '001 085 012 345', '001085012345')).toBe('formatting:spacing')
  expect(cls('national_id', '1085012345', '001085012345')).toBe('formatting:leading_zeros')
  expect(cls('phone', '+84912345678', '0912345678')).toBe('formatting:format')
})

test('marks typed on both sides that disagree are different letters, not formatting', () => {
  expect(cls('full_name', 'Nguyễn Văn Ánh', 'Nguyễn Văn Anh')).toBe('minor:diacritic')
  expect(cls('full_name', 'Lê Thị Hồng', 'Lê Thị Hông Hà'.slice(0, 11).replace('ô', 'ố'))).toBe('minor:diacritic')
  expect(cls('full_name', 'Lệ Thi Hồng', 'Lê Thị Hông')).toBe('conflict:diacritics')
})

test('minor: one slip of the keyboard, or day and month swapped', () => {
  expect(cls('full_name', 'Lê Văn Cuờng', 'Lê Văn Cường')).toBe('minor:diacritic')
  expect(cls('full_name', 'Trần Thị Bíchh', 'Trần Thị Bích')).toBe('minor:typo')
  expect(cls('full_name', 'Trần Thị Bichh', 'Trần Thị Bích')).toBe('conflict:different')
  expect(cls('full_name', 'Trần Thị Bch', 'Trần Thị Bích')).toBe('minor:typo')
  expect(cls('dob', '1990-04-07', '1990-07-04')).toBe('minor:day_month_swap')
  expect(cls('dob', '1990-07-14', '1990-07-04')).toBe('minor:typo')
  expect(cls('national_id', '001078034576', '001078034567')).toBe('minor:transposition')
  expect(cls('national_id', '001078034568', '001078034567')).toBe('minor:typo')
  expect(cls('national_id', '012345678', '001085012345', { registryOldId: '012345678' })).toBe('minor:old_id')
  expect(cls('phone', '0912345679', '0912345678')).toBe('minor:typo')
})

test('missing: empty on one side, a bare birth year, a partial address', () => {
  expect(cls('national_id', null, '001085012345')).toBe('missing:site_missing')
  expect(cls('phone', '0912345678', null)).toBe('missing:registry_missing')
  expect(cls('dob', '1985', '1985-03-12')).toBe('missing:year_only')
  expect(cls('address', 'Xã Tân Lập', 'Xã Tân Lập, Huyện Đan Phượng, Thành phố Hà Nội')).toBe('missing:partial')
})

test('conflict: different values, swapped or dropped names, another year', () => {
  expect(cls('gender', 'M', 'F')).toBe('conflict:different')
  expect(cls('dob', '1986', '1985-03-12')).toBe('conflict:different')
  expect(cls('dob', '1985-11-02', '1985-03-12')).toBe('conflict:different')
  expect(cls('full_name', 'Anh Nguyễn Văn', 'Nguyễn Văn Anh')).toBe('conflict:word_order')
  expect(cls('full_name', 'Nguyễn Anh', 'Nguyễn Văn Anh')).toBe('conflict:word_missing')
  expect(cls('full_name', 'Trần Văn Bình', 'Nguyễn Văn Anh')).toBe('conflict:different')
  expect(cls('national_id', '001085099999', '001085012345')).toBe('conflict:different')
})

test('addresses in the same ward are the same place; other wards are compared as text', () => {
  expect(cls('address', 'Thôn 3, Tân Lập', 'Xóm Bãi, Xã Tân Lập', { siteWard: '09895', registryWard: '09895' })).toBeNull()
  expect(cls('address', 'Xã Hồng Hà, Đan Phượng', 'Xã Tân Lập, Đan Phượng', { siteWard: '09904', registryWard: '09895' })).toBe(
    'conflict:different'
  )
  expect(cls('address', 'Khu phố 4, P. 11, Q. Gò Vấp', 'Khu phố 4, Phường 11, Quận Gò Vấp')).toBe('formatting:abbreviation')
  expect(cls('address', 'Khu phố 4, P. 11', 'Khu phố 4, Phường 11, Quận Gò Vấp, Thành phố Hồ Chí Minh')).toBe('missing:partial')
  expect(cls('address', 'Khu phố 04, Phường 05', 'Khu phố 4, Phường 5')).toBe('formatting:abbreviation')
  // Another street in another ward is a different place, not a shorter address.
  expect(cls('address', 'Số 331 Nguyễn Văn Cừ, Phường 11', 'Số 337 Quang Trung, Phường 12, Quận Gò Vấp')).toBe('conflict:different')
})
