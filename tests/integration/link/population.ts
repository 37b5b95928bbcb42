import { boyNames, girlNames } from '../../../main/core/data/vn-names.ts'
import { uniform } from '../../../main/core/base/random.ts'
import type { RowInput } from './records.ts'

/**
 * A small synthetic population for engine tests that need realistic volumes (EM learns
 * from the data, so a handful of rows would teach it nothing). The demo generator is the
 * realistic one; this one is tiny, fast and lets a test plant exact hard cases.
 */
export interface Person {
  full_name: string
  dob: string
  gender: 'M' | 'F'
  national_id: string
  old_national_id?: string
  ward_code: string
  district_code: string
}

const SURNAMES: [string, number][] = [
  ['Nguyễn', 38],
  ['Trần', 11],
  ['Lê', 9.5],
  ['Phạm', 7],
  ['Hoàng', 5],
  ['Huỳnh', 4],
  ['Phan', 4.5],
  ['Vũ', 3.9],
  ['Võ', 3.5],
  ['Đặng', 2.1],
  ['Bùi', 2],
  ['Đỗ', 1.4],
  ['Hồ', 1.3],
  ['Ngô', 1.3],
  ['Dương', 1],
  ['Lý', 0.5],
  ['Lò', 0.1]
]

const pad = (n: number, w: number): string => String(n).padStart(w, '0')
export const strip = (s: string): string =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')

export function cccd(dob: string, gender: 'M' | 'F', serial: number): string {
  const y = Number(dob.slice(0, 4))
  return `001${(y >= 2000 ? 2 : 0) + (gender === 'F' ? 1 : 0)}${dob.slice(2, 4)}${pad(serial % 1_000_000, 6)}`
}

export function population(n: number, seed: number): Person[] {
  const rand = uniform(seed)
  const total = SURNAMES.reduce((a, [, w]) => a + w, 0)
  const surname = (): string => {
    let x = rand() * total
    for (const [s, w] of SURNAMES) if ((x -= w) <= 0) return s
    return 'Nguyễn'
  }
  const out: Person[] = []
  for (let i = 0; i < n; i++) {
    const gender = rand() < 0.5 ? 'M' : 'F'
    const names = gender === 'M' ? boyNames : girlNames
    const dob = `${1940 + Math.floor(rand() * 65)}-${pad(1 + Math.floor(rand() * 12), 2)}-${pad(1 + Math.floor(rand() * 28), 2)}`
    out.push({
      full_name: `${surname()} ${names[Math.floor(rand() * names.length)]}`,
      dob,
      gender,
      national_id: cccd(dob, gender, Math.floor(rand() * 1e6)),
      ...(rand() < 0.3 && { old_national_id: String(100_000_000 + Math.floor(rand() * 8e8)) }),
      ward_code: pad(1 + Math.floor(rand() * 20), 5),
      district_code: '001'
    })
  }
  return out
}

export type Noise =
  | 'plain'
  | 'no_diacritics'
  | 'upper'
  | 'dropped_middle'
  | 'swapped'
  | 'typo'
  | 'year_only'
  | 'dm_swapped'
  | 'no_id'
  | 'old_id'
  | 'id_swapped'

/** One site row for a person, with the given noises applied. */
export function siteRow(p: Person, noises: Noise[], extra: RowInput = {}): RowInput {
  let name = p.full_name
  let dob: string | undefined = p.dob
  let id: string | undefined = p.national_id
  for (const n of noises) {
    const t = name.split(' ')
    if (n === 'no_diacritics') name = strip(name)
    if (n === 'upper') name = name.toUpperCase()
    if (n === 'dropped_middle') name = [t[0], t[t.length - 1]].join(' ')
    if (n === 'swapped') name = [t[t.length - 1], ...t.slice(0, -1)].join(' ')
    if (n === 'typo') name = `${name.slice(0, -2)}${name.slice(-1)}${name.slice(-2, -1)}`
    if (n === 'year_only') dob = p.dob.slice(0, 4)
    if (n === 'dm_swapped') dob = `${p.dob.slice(0, 5)}${p.dob.slice(8, 10)}-${p.dob.slice(5, 7)}`
    if (n === 'no_id') id = undefined
    if (n === 'old_id') id = p.old_national_id ?? p.national_id
    if (n === 'id_swapped') id = `${p.national_id.slice(0, 10)}${p.national_id[11]}${p.national_id[10]}`
  }
  return { full_name: name, dob, gender: p.gender, national_id: id, ward_code: p.ward_code, district_code: p.district_code, ...extra }
}

const NOISES: Noise[] = [
  'no_diacritics',
  'upper',
  'dropped_middle',
  'swapped',
  'typo',
  'year_only',
  'dm_swapped',
  'no_id',
  'old_id',
  'id_swapped'
]

/** Site rows for most of the population (1–3 doses each), each row with 0–2 random noises. */
export function siteRows(persons: readonly Person[], seed: number): { rows: RowInput[]; truth: number[] } {
  const rand = uniform(seed)
  const rows: RowInput[] = []
  const truth: number[] = []
  persons.forEach((p, i) => {
    if (rand() < 0.2) return
    const phone = `09${pad(i, 8)}`
    const doses = 1 + Math.floor(rand() * 3)
    for (let k = 1; k <= doses; k++) {
      const noises = NOISES.filter(() => rand() < 0.08)
      rows.push(siteRow(p, noises, { phone, vaccine: 'PFIZER', dose_number: k, dose_date: `2021-${pad(4 + 2 * k, 2)}-10` }))
      truth.push(i)
    }
  })
  return { rows, truth }
}
