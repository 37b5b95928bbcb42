import { districtByCode, districts, provinceByCode, provinces, wards, type AdminUnit } from '../../data/vn-admin.ts'
import { foldToKey } from '../../base/vn-text.ts'
import type { FieldWarning } from './warning.ts'

export interface AddressCodes {
  province_code: string | null
  district_code: string | null
  ward_code: string | null
  warnings: FieldWarning[]
}

// Unit-type words and their abbreviations, folded, per level: "Phường Bình Thuận" is a ward,
// never the province Bình Thuận.
type Level = 'province' | 'district' | 'ward'
const PREFIXES: Record<Level, string[]> = {
  province: ['thanh pho', 'tinh', 'tp', 't'],
  district: ['quan', 'q', 'huyen', 'h', 'thi xa', 'tx', 'thanh pho', 'tp'],
  ward: ['phuong', 'p', 'xa', 'x', 'thi tran', 'tt']
}
const ALL_PREFIXES = [...new Set(Object.values(PREFIXES).flat())].sort((a, b) => b.length - a.length)
const ALIASES: Record<string, string> = { hcm: '79', 'ho chi minh': '79', 'sai gon': '79', hn: '01', brvt: '77', hue: '46', 'tt hue': '46' }

/** The name without its unit word, and the unit word found (if any). */
function splitPrefix(key: string): { prefix: string | null; name: string } {
  for (const p of ALL_PREFIXES) {
    if (key.startsWith(p + ' ') && key.length > p.length + 1) return { prefix: p, name: key.slice(p.length + 1) }
  }
  return { prefix: null, name: key }
}
const stripPrefix = (key: string): string => splitPrefix(key).name

/** Every folded way a unit may be written: "Quận 1", "Q 1", "1"; "Thành phố Thủ Đức", "Thủ Đức". */
function keysOf(u: AdminUnit): string[] {
  const name = foldToKey(u.name)
  return [name, foldToKey(u.name_with_type), ...(/^\d+$/.test(name) ? [String(Number(name))] : [])]
}

function indexBy(units: readonly AdminUnit[], parentOf: (u: AdminUnit) => string): Map<string, AdminUnit> {
  const m = new Map<string, AdminUnit>()
  for (const u of units) for (const k of keysOf(u)) m.set(`${parentOf(u)}|${k}`, u)
  return m
}

interface Index {
  province: Map<string, AdminUnit>
  district: Map<string, AdminUnit>
  ward: Map<string, AdminUnit>
  /** Districts and wards by name alone, when the name is unique in the country (else null). */
  districtByName: Map<string, AdminUnit | null>
  wardByName: Map<string, AdminUnit | null>
}

function uniqueBy(units: readonly AdminUnit[]): Map<string, AdminUnit | null> {
  const m = new Map<string, AdminUnit | null>()
  for (const u of units) for (const k of keysOf(u)) m.set(k, m.has(k) && m.get(k) !== u ? null : u)
  return m
}

let index: Index | null = null
function idx(): Index {
  index ??= {
    province: indexBy(provinces, () => ''),
    district: indexBy(districts, (u) => u.parent_code ?? ''),
    ward: indexBy(wards, (u) => u.parent_code ?? ''),
    districtByName: uniqueBy(districts),
    wardByName: uniqueBy(wards)
  }
  return index
}

/** The part without its unit word, or null when its unit word belongs to another level. */
function nameAt(level: Level, part: string): { key: string; name: string } | null {
  const key = foldToKey(part)
  if (key === '') return null
  const { prefix, name } = splitPrefix(key)
  if (prefix !== null && !PREFIXES[level].includes(prefix)) return null
  // A bare number is a house number; "Quận 6" and "P.6" are units.
  if (prefix === null && /^\d+$/.test(name)) return null
  return { key, name }
}

function lookup(map: Map<string, AdminUnit>, level: Level, parent: string, part: string): AdminUnit | undefined {
  const n = nameAt(level, part)
  if (!n) return undefined
  return map.get(`${parent}|${n.key}`) ?? map.get(`${parent}|${n.name}`) ?? map.get(`${parent}|${String(Number(n.name))}`)
}

function lookupUnique(map: Map<string, AdminUnit | null>, level: Level, part: string): AdminUnit | undefined {
  const n = nameAt(level, part)
  if (!n) return undefined
  return map.get(n.key) ?? map.get(n.name) ?? undefined
}

// By the context district ('' for none), then by the address: no key is built per row. A
// million lookups of 1,000 addresses: 0.20 CPU-s with a joined key, 0.03 without.
const cache = new Map<string, Map<string, AddressCodes>>()
let cached = 0
const CACHE_LIMIT = 50_000

/**
 * Resolves "Thôn 3, Xã Tân Lập, Huyện Đan Phượng, TP Hà Nội" to its ward, district and
 * province codes, reading from the end (province) towards the start. Site lists often
 * stop at the ward ("Số 12 Lê Lợi, Phường Nam Dương"): then a district or ward name that
 * is unique in the country resolves it, or else the district most rows of the same file
 * were in (`contextDistrict`). What cannot be resolved stays null with a warning; the
 * address text itself is always kept.
 */
export function resolveAddress(address: string, contextDistrict: string | null = null): AddressCodes {
  let byAddress = cache.get(contextDistrict ?? '')
  const hit = byAddress?.get(address)
  if (hit) return hit
  const parts = address
    .split(/[,;\n]|\s-\s/)
    .map((p) => p.trim())
    .filter((p) => p !== '')
  const x = idx()
  let province: AdminUnit | undefined
  let district: AdminUnit | undefined
  let ward: AdminUnit | undefined
  let i = parts.length - 1
  for (; i >= 0 && !province; i--) {
    const part = parts[i] ?? ''
    const alias = ALIASES[stripPrefix(foldToKey(part))]
    province = lookup(x.province, 'province', '', part) ?? (alias ? provinceByCode.get(alias) : undefined)
  }
  if (province) {
    for (; i >= 0 && !district; i--) district = lookup(x.district, 'district', province.code, parts[i] ?? '')
    if (district) for (; i >= 0 && !ward; i--) ward = lookup(x.ward, 'ward', district.code, parts[i] ?? '')
  } else {
    // No province written: the address ends at the district or the ward.
    const context = contextDistrict ? districtByCode.get(contextDistrict) : undefined
    for (let j = parts.length - 1; j >= 0 && !ward; j--) {
      const part = parts[j] ?? ''
      district ??=
        lookupUnique(x.districtByName, 'district', part) ?? (context && lookup(x.district, 'district', context.parent_code ?? '', part))
      const within = district ?? context
      ward = (within && lookup(x.ward, 'ward', within.code, part)) ?? (district ? undefined : lookupUnique(x.wardByName, 'ward', part))
    }
    if (ward && !district) district = districtByCode.get(ward.parent_code ?? '')
    if (district) province = provinceByCode.get(district.parent_code ?? '')
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
  if (cached >= CACHE_LIMIT) {
    cache.clear()
    cached = 0
    byAddress = undefined
  }
  if (!byAddress) cache.set(contextDistrict ?? '', (byAddress = new Map()))
  byAddress.set(address, result)
  cached++
  return result
}

/**
 * A district named in free text such as a title line ("TRUNG TÂM Y TẾ QUẬN HẢI CHÂU"):
 * the words after Quận/Huyện/Thị xã/Thành phố, when they name one district in the country.
 */
export function districtMentioned(text: string): string | null {
  const words = foldToKey(text).split(' ')
  const x = idx()
  for (let i = 0; i < words.length; i++) {
    const w = words[i] ?? ''
    const two = `${w} ${words[i + 1] ?? ''}`
    const skip = ['quan', 'huyen', 'q', 'h'].includes(w) ? 1 : ['thi xa', 'thanh pho'].includes(two) ? 2 : 0
    if (skip === 0) continue
    for (let len = 4; len >= 1; len--) {
      const name = words.slice(i + skip, i + skip + len).join(' ')
      const d = name ? x.districtByName.get(name) : undefined
      if (d) return d.code
    }
  }
  return null
}
