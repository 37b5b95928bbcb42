import { provinces, wards as allWards, type AdminUnit } from '../data/vn-admin.ts'
import { drawAddress } from './addresses.ts'
import { day, isValidDate, ymd } from './days.ts'
import { IdIssuer } from './ids.ts'
import { drawName, drawTwinName } from './names.ts'
import { drawPhone } from './phones.ts'
import { Rng, Weighted } from '../base/random.ts'
import type { Address, Gender, Person, PersonName } from './types.ts'
import type { World } from './world.ts'

/** Person-level rates. README "Sample data and ground truth" documents them. */
export const PEOPLE_RATES = {
  /** Groups that are a pair of twins (so about 2.4% of people are twins). */
  twinPair: 0.012,
  /** Groups that plant a namesake pair: same full name and birth date, different people. */
  namesakePair: 0.006,
  /** People with no registry row: mostly from other districts, some missing from the extract. */
  notInRegistry: 0.04,
  /** Of those, the share living outside the district. */
  outsideDistrict: 0.6,
  /** Born 2002 or earlier and still known by an old 9-digit CMND. */
  cmnd: 0.8,
  phone: 0.92,
  /** Birth registered in the district's own province (the CCCD's first three digits). */
  bornInProvince: 0.7
} as const

// Birth years of people aged 12 and over in 2021, in bands shaped like Vietnam's pyramid.
const BIRTH_BANDS = new Weighted<readonly [number, number]>([
  [[2004, 2009], 9],
  [[1992, 2003], 20],
  [[1982, 1991], 19],
  [[1972, 1981], 16],
  [[1962, 1971], 14],
  [[1952, 1961], 11],
  [[1942, 1951], 7],
  [[1930, 1941], 4]
])

interface Draft {
  name: PersonName
  gender: Gender
  dob: number
  birthProvince: string
  cccd: string
  cmnd: string | null
  phone: string | null
  address: Address
  inRegistry: boolean
  group: Person['group']
}

/**
 * Makes the people, one group at a time (a person, or a pair of twins), from its own
 * random stream: running it twice with the same seed gives the same people, which the
 * generator relies on (a first pass finds accidental namesakes). The second person of a
 * planted namesake pair is held back for a while so the two are not neighbours.
 */
export class PersonGenerator {
  private readonly rng: Rng
  private readonly ids: IdIssuer
  private readonly world: World
  private readonly total: number
  private readonly homeWards: Weighted<AdminUnit>
  private readonly pending: { due: number; draft: Draft }[] = []
  private planned = 0
  private emitted = 0

  constructor(seed: number, world: World, total: number) {
    this.rng = new Rng(seed, 'people')
    this.ids = new IdIssuer(seed)
    this.world = world
    this.total = total
    // Wards differ in size; the weights are part of the seeded world.
    const sizes = new Rng(seed, 'ward-sizes')
    this.homeWards = new Weighted(world.wards.map((w) => [w, 0.5 + sizes.float()] as const))
  }

  /** The next group of people, or an empty list when all have been made. */
  nextGroup(): Person[] {
    const due = this.pending.findIndex((p) => p.due <= this.emitted || this.planned >= this.total)
    if (due >= 0) {
      const [p] = this.pending.splice(due, 1)
      return p ? [this.emit(p.draft)] : []
    }
    if (this.planned >= this.total) return []
    const left = this.total - this.planned
    const r = this.rng.float()
    if (left >= 2 && r < PEOPLE_RATES.twinPair) {
      this.planned += 2
      return this.twins().map((d) => this.emit(d))
    }
    if (left >= 2 && r < PEOPLE_RATES.twinPair + PEOPLE_RATES.namesakePair) {
      this.planned += 2
      const [first, second] = this.namesakes()
      this.pending.push({ due: this.emitted + this.rng.range(1, 400), draft: second })
      return [this.emit(first)]
    }
    this.planned += 1
    return [this.emit(this.single())]
  }

  private emit(d: Draft): Person {
    const index = this.emitted++
    const { birthProvince: _b, ...rest } = d
    return { index, key: `P${String(index + 1).padStart(7, '0')}`, ...rest }
  }

  private single(group: Person['group'] = 'single'): Draft {
    const rng = this.rng
    const gender: Gender = rng.chance(0.51) ? 'F' : 'M'
    const dob = this.drawDob()
    const { address, inRegistry } = this.drawResidence()
    const birthProvince = this.drawBirthProvince(address)
    const year = yearOf(dob)
    return {
      name: drawName(rng, gender),
      gender,
      dob,
      birthProvince,
      cccd: this.ids.cccdFor(rng, birthProvince, gender, year),
      cmnd: this.hasCmnd(year) ? this.ids.cmndFor(rng, rng.chance(0.85) ? birthProvince : address.provinceCode) : null,
      phone: rng.chance(year >= 2004 ? 0.5 : PEOPLE_RATES.phone) ? drawPhone(rng) : null,
      address,
      inRegistry,
      group
    }
  }

  /** Same surname, birth date, address and birth registration; often consecutive IDs. */
  private twins(): [Draft, Draft] {
    const rng = this.rng
    const a = this.single('twin')
    const gender: Gender = rng.chance(0.5) ? a.gender : a.gender === 'M' ? 'F' : 'M'
    const year = yearOf(a.dob)
    const b: Draft = { ...a, gender, name: drawTwinName(rng, gender, a.name) }
    if (gender === a.gender) [a.cccd, b.cccd] = this.ids.cccdPair(rng, a.birthProvince, gender, year)
    else b.cccd = this.ids.cccdFor(rng, a.birthProvince, gender, year)
    if (a.cmnd) {
      if (this.hasCmnd(year)) [a.cmnd, b.cmnd] = this.ids.cmndPair(rng, a.birthProvince)
      else b.cmnd = null
    } else b.cmnd = this.hasCmnd(year) ? this.ids.cmndFor(rng, a.birthProvince) : null
    // Young twins often give a parent's number.
    if (!rng.chance(0.4)) b.phone = rng.chance(PEOPLE_RATES.phone) ? drawPhone(rng) : null
    return [a, b]
  }

  /** A second, unrelated person with exactly the first one's name, gender and birth date. */
  private namesakes(): [Draft, Draft] {
    const a = this.single('namesake')
    const other = this.single('namesake')
    const year = yearOf(a.dob)
    const b: Draft = {
      ...other,
      name: a.name,
      gender: a.gender,
      dob: a.dob,
      cccd: this.ids.cccdFor(this.rng, other.birthProvince, a.gender, year),
      cmnd: this.hasCmnd(year) ? this.ids.cmndFor(this.rng, other.birthProvince) : null
    }
    return [a, b]
  }

  private hasCmnd(birthYear: number): boolean {
    return birthYear <= 2002 && this.rng.chance(PEOPLE_RATES.cmnd)
  }

  private drawDob(): number {
    const [lo, hi] = BIRTH_BANDS.draw(this.rng)
    const year = this.rng.range(lo, hi)
    for (;;) {
      const month = this.rng.range(1, 12)
      const d = this.rng.range(1, 31)
      if (isValidDate(year, month, d)) return day(year, month, d)
    }
  }

  private drawResidence(): { address: Address; inRegistry: boolean } {
    const rng = this.rng
    if (rng.chance(PEOPLE_RATES.notInRegistry)) {
      const ward = rng.chance(PEOPLE_RATES.outsideDistrict) ? this.wardElsewhere() : this.homeWards.draw(rng)
      return { address: drawAddress(rng, ward), inRegistry: false }
    }
    return { address: drawAddress(rng, this.homeWards.draw(rng)), inRegistry: true }
  }

  private wardElsewhere(): AdminUnit {
    for (;;) {
      const w = this.rng.pick(allWards)
      if (w.parent_code !== this.world.district.code) return w
    }
  }

  private drawBirthProvince(address: Address): string {
    return this.rng.chance(PEOPLE_RATES.bornInProvince) ? address.provinceCode : this.rng.pick(provinces).code
  }
}

export function yearOf(dob: number): number {
  return ymd(dob).year
}
