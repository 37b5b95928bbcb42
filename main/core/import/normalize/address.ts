import { districts, provinceByCode, provinces, wards, type AdminUnit } from '../../data/vn-admin.ts'
import { fold } from './text.ts'
import type { FieldWarning } from './warning.ts'

export interface AddressCodes {
  province_code: string | null
  district_code: string | null
  ward_code: string | null
  warnings: FieldWarning[]
}

// Unit-type words and their abbreviations, folded; stripped before matching names.
const PREFIXES = [
  'thanh pho', 'tinh', 'tp', 't', 'quan', 'q', 'huyen', 'h', 'thi xa', 'tx', 'phuong', 'p', 'xa', 'x', 'thi tran', 'tt'
]
const ALIASES: Record<string, string> = { hcm: '79', 'ho chi minh': '79', 'sai gon': '79', hn: '01', 'brvt': '77', 'hue': '46', 'tt hue': '46' }

function stripPrefix(key: string): string {
  for (const p of PREFIXES) {
    if (key.startsWith(p + ' ') && key.length > p.length + 1) return key.slice(p.length + 1)
  }
  return key
}

/** Every folded way a unit may be written: "Quận 1", "Q 1", "1"; "Thành phố Thủ Đức", "Thủ Đức". */
function keysOf(u: AdminUnit): string[] {
  const name = fold(u.name)
  return [name, fold(u.name_with_type), ...(/^\d+$/.test(name) ? [String(Number(name))] : [])]
}

function indexBy(units: readonly AdminUnit[], parentOf: (u: AdminUnit) => string): Map<string, AdminUnit> {
  const m = new Map<string, AdminUnit>()
  for (const u of units) for (const k of keysOf(u)) m.set(`${parentOf(u)}|${k}`, u)
  return m
}

let index: { province: Map<string, AdminUnit>; district: Map<string, AdminUnit>; ward: Map<string, AdminUnit> } | null = null
function idx() {
  index ??= {
    province: indexBy(provinces, () => ''),
    district: indexBy(districts, (u) => u.parent_code ?? ''),
    ward: indexBy(wards, (u) => u.parent_code ?? '')
  }
  return index
}

function lookup(map: Map<string, AdminUnit>, parent: string, part: string): AdminUnit | undefined {
  const key = fold(part)
  if (key === '') return undefined
  const stripped = stripPrefix(key)
  return map.get(`${parent}|${key}`) ?? map.get(`${parent}|${stripped}`) ?? map.get(`${parent}|${String(Number(stripped))}`)
}

const cache = new Map<string, AddressCodes>()
const CACHE_LIMIT = 50_000

/**
 * Resolves "Thôn 3, Xã Tân Lập, Huyện Đan Phượng, TP Hà Nội" to its ward, district and
 * province codes, reading from the end (province) towards the start. What cannot be
 * resolved stays null with a warning; the address text itself is always kept.
 */
export function resolveAddress(address: string): AddressCodes {
  const hit = cache.get(address)
  if (hit) return hit
  const parts = address.split(/[,;\n]|\s-\s/).map((p) => p.trim()).filter((p) => p !== '')
  const { province: pIdx, district: dIdx, ward: wIdx } = idx()
  let province: AdminUnit | undefined
  let district: AdminUnit | undefined
  let ward: AdminUnit | undefined
  let i = parts.length - 1
  for (; i >= 0 && !province; i--) {
    const part = parts[i] ?? ''
    const alias = ALIASES[stripPrefix(fold(part))]
    province = lookup(pIdx, '', part) ?? (alias ? provinceByCode.get(alias) : undefined)
  }
  if (province) {
    for (; i >= 0 && !district; i--) district = lookup(dIdx, province.code, parts[i] ?? '')
    if (district) for (; i >= 0 && !ward; i--) ward = lookup(wIdx, district.code, parts[i] ?? '')
  }
  const warnings: FieldWarning[] = []
  if (!province) warnings.push({ field: 'address', code: 'ADDRESS_UNRESOLVED' })
  else if (!district || !ward) warnings.push({ field: 'address', code: 'ADDRESS_PARTIAL' })
  const result: AddressCodes = {
    province_code: province?.code ?? null,
    district_code: district?.code ?? null,
    ward_code: ward?.code ?? null,
    warnings
  }
  if (cache.size >= CACHE_LIMIT) cache.clear()
  cache.set(address, result)
  return result
}
