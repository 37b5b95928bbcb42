import { districtByCode, provinceByCode, wardByCode, type AdminUnit } from '../data/vn-admin.ts'
import type { Rng } from '../base/random.ts'
import type { Address } from './types.ts'

// Streets named after national figures exist in nearly every Vietnamese town.
const STREETS = [
  'Lê Lợi',
  'Trần Hưng Đạo',
  'Nguyễn Trãi',
  'Hai Bà Trưng',
  'Lý Thường Kiệt',
  'Quang Trung',
  'Lê Duẩn',
  'Nguyễn Du',
  'Phan Chu Trinh',
  'Hoàng Văn Thụ',
  'Nguyễn Văn Cừ',
  'Trần Phú',
  'Điện Biên Phủ',
  'Lê Thánh Tông',
  'Nguyễn Huệ',
  'Bà Triệu',
  'Lạc Long Quân',
  'Âu Cơ',
  'Tô Hiến Thành',
  'Phạm Văn Đồng',
  'Võ Thị Sáu',
  'Nguyễn Thị Minh Khai',
  'Hùng Vương',
  'Trường Chinh',
  'Lê Hồng Phong',
  'Phan Đình Phùng',
  'Nguyễn Chí Thanh',
  'Trần Quốc Toản',
  'Ngô Quyền',
  'Lý Thái Tổ',
  'Phan Bội Châu',
  'Nguyễn Văn Linh',
  'Tôn Đức Thắng',
  'Yết Kiêu'
]

export type Region = 'north' | 'central' | 'south'

/** GSO province codes run north to south. */
export function regionOf(provinceCode: string): Region {
  const n = Number(provinceCode)
  return n <= 37 ? 'north' : n <= 68 ? 'central' : 'south'
}

/** The part of an address below the ward: a house on a street, or a residential group or hamlet. */
export function drawAddressLine(rng: Rng, ward: AdminUnit, region: Region): string {
  const urban = ward.type === 'phuong' || ward.type === 'thi-tran'
  if (urban && rng.chance(0.6)) {
    const street = rng.pick(STREETS)
    const house = rng.range(1, 350)
    if (region === 'south') return rng.chance(0.5) ? `${house}/${rng.range(1, 90)} ${street}` : `Số ${house} ${street}`
    return rng.chance(0.5) ? `Số ${house} ngõ ${rng.range(1, 200)} ${street}` : `Số ${house} ${street}`
  }
  const k = rng.range(1, urban ? 40 : 15)
  if (urban) return region === 'south' ? `Khu phố ${k}` : rng.chance(0.5) ? `Tổ ${k}` : `Tổ dân phố ${k}`
  return region === 'south' ? `Ấp ${k}` : region === 'north' && rng.chance(0.4) ? `Xóm ${k}` : `Thôn ${k}`
}

export function drawAddress(rng: Rng, ward: AdminUnit): Address {
  const district = districtByCode.get(ward.parent_code ?? '')
  const province = provinceByCode.get(district?.parent_code ?? '')
  if (!district || !province) throw new Error(`ward ${ward.code} has no district or province`)
  return {
    line: drawAddressLine(rng, ward, regionOf(province.code)),
    wardCode: ward.code,
    districtCode: district.code,
    provinceCode: province.code
  }
}

export interface AddressUnits {
  ward: AdminUnit
  district: AdminUnit
  province: AdminUnit
}

export function unitsOf(a: Address): AddressUnits {
  const ward = wardByCode.get(a.wardCode)
  const district = districtByCode.get(a.districtCode)
  const province = provinceByCode.get(a.provinceCode)
  if (!ward || !district || !province) throw new Error(`unknown units in address ${a.wardCode}`)
  return { ward, district, province }
}

/** "Số 12 Lê Lợi, Phường Hoàng Liệt, Quận Hoàng Mai, Thành phố Hà Nội", as the registry writes it. */
export function formatFullAddress(a: Address): string {
  const u = unitsOf(a)
  return `${a.line}, ${u.ward.name_with_type}, ${u.district.name_with_type}, ${u.province.name_with_type}`
}

const ABBREVIATION: Readonly<Record<string, string>> = {
  phuong: 'P.',
  xa: 'X.',
  'thi-tran': 'TT.',
  quan: 'Q.',
  huyen: 'H.',
  'thi-xa': 'TX.',
  'thanh-pho': 'TP.',
  tinh: 'T.'
}

export function abbreviate(u: AdminUnit): string {
  return `${ABBREVIATION[u.type] ?? ''} ${u.name}`.trim()
}

/** "Số 12 Lê Lợi, P. Hoàng Liệt, Q. Hoàng Mai, TP. Hà Nội": how clerks shorten addresses. */
export function formatAbbreviatedAddress(a: Address): string {
  const u = unitsOf(a)
  return `${a.line}, ${abbreviate(u.ward)}, ${abbreviate(u.district)}, ${abbreviate(u.province)}`
}

/** The address as a site in the same district writes it: line and ward only. */
export function formatLocalAddress(a: Address, localDistrict: string): string {
  if (a.districtCode !== localDistrict) return formatFullAddress(a)
  return `${a.line}, ${unitsOf(a).ward.name_with_type}`
}
