import { districtByCode, provinceByCode, wards as allWards, type AdminUnit } from '../data/vn-admin.ts'
import { slugify } from '../base/vn-text.ts'
import { LAYOUTS, type SiteLayout } from './layouts.ts'
import { Rng, Weighted } from '../base/random.ts'

/**
 * "The district": the one whose sites send the spreadsheets and whose registry extract we
 * hold. Chosen by the seed from districts with enough wards to have several health
 * stations, urban and rural, north to south.
 */
const CANDIDATE_DISTRICTS = ['008', '004', '009', '764', '305', '492', '916', '356', '412', '406']

export interface Site {
  /** 0-based. */
  index: number
  name: string
  /** The ward whose health station this is; null for district-level sites. */
  wardCode: string | null
  file: string
  layout: SiteLayout
}

export interface World {
  province: AdminUnit
  district: AdminUnit
  wards: readonly AdminUnit[]
  sites: readonly Site[]
  /** Where a ward's residents mostly go: their health station if it sends a file, else a district-level site or a nearby station. */
  homeSiteOfWard: ReadonlyMap<string, number>
}

/** 5 sites for a hundred people, up to 10 for a big district. */
export function siteCount(persons: number): number {
  return Math.min(10, Math.max(5, Math.round(2 * Math.log10(persons))))
}

export function buildWorld(seed: number, persons: number): World {
  const rng = new Rng(seed, 'world')
  const district = districtByCode.get(rng.pick(CANDIDATE_DISTRICTS))
  const province = provinceByCode.get(district?.parent_code ?? '')
  if (!district || !province) throw new Error('candidate district missing from vn-admin')
  const wards = allWards.filter((w) => w.parent_code === district.code)

  const n = siteCount(persons)
  const stationWards = [...wards]
  // A deterministic shuffle: which wards' stations send files.
  for (let i = stationWards.length - 1; i > 0; i--) {
    const j = rng.int(i + 1)
    ;[stationWards[i], stationWards[j]] = [stationWards[j] as AdminUnit, stationWards[i] as AdminUnit]
  }
  const specs: { name: string; wardCode: string | null }[] = [
    { name: `Trung tâm Y tế ${district.name_with_type}`, wardCode: null },
    ...stationWards.slice(0, n - 2).map((w) => ({ name: `Trạm Y tế ${w.name_with_type}`, wardCode: w.code })),
    { name: `Bệnh viện Đa khoa ${district.name_with_type}`, wardCode: null }
  ]
  const sites = specs.map((s, index): Site => {
    const number = String(index + 1).padStart(2, '0')
    return { ...s, index, file: `site_${number}_${slugify(s.name)}.xlsx`, layout: LAYOUTS[index % LAYOUTS.length] as SiteLayout }
  })
  const homeSiteOfWard = new Map<string, number>()
  for (const s of sites) if (s.wardCode) homeSiteOfWard.set(s.wardCode, s.index)
  const elsewhere = new Weighted(sites.map((s) => [s.index, s.wardCode ? 0.5 : s.index === 0 ? 3 : 1] as const))
  for (const w of wards) if (!homeSiteOfWard.has(w.code)) homeSiteOfWard.set(w.code, elsewhere.draw(rng))
  return { province, district, wards, sites, homeSiteOfWard }
}
