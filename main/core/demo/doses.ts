import { CAMPAIGN_END, CAMPAIGN_START, day } from './days.ts'
import { SITE_NOISE } from './noise/rates.ts'
import { yearOf } from './people.ts'
import { Weighted, type Rng } from '../base/random.ts'
import type { Dose, Person, VaccineCode } from './types.ts'
import { VACCINES } from './vaccines.ts'
import type { World } from './world.ts'

/** Vaccination rates. README "Sample data and ground truth" documents them. */
export const DOSE_RATES = {
  /** Adults who planned 0, 1, 2 or 3 doses (a third dose only if a booster fits before year end). */
  adultDoses: [0.05, 0.08, 0.52, 0.35],
  /** Children 12–17 (vaccinated from October 2021, Pfizer or Moderna, no booster). */
  childDoses: [0.1, 0.3, 0.6, 0],
  /** AstraZeneca first doses followed by Pfizer (mixing was allowed from August 2021). */
  mixAzPfizer: 0.1,
  /** Doses given at the person's own ward station (or the district centre). */
  homeSite: 0.65,
  /** True doses that no site file recorded: the source of true "Thiếu mũi tiêm" complaints. */
  omitted: 0.01
} as const

// First doses by month (March to December 2021): the campaign peaked in August–October.
const FIRST_DOSE_MONTH = new Weighted<number>([
  [3, 1],
  [4, 2],
  [5, 2],
  [6, 4],
  [7, 10],
  [8, 20],
  [9, 25],
  [10, 18],
  [11, 10],
  [12, 4]
])

// Which vaccines Vietnam had, by period.
const EARLY = new Weighted<VaccineCode>([
  ['ASTRAZENECA', 95],
  ['SPUTNIKV', 5]
])
const SUMMER = new Weighted<VaccineCode>([
  ['ASTRAZENECA', 45],
  ['VEROCELL', 25],
  ['PFIZER', 15],
  ['MODERNA', 12],
  ['SPUTNIKV', 3]
])
const AUTUMN = new Weighted<VaccineCode>([
  ['ASTRAZENECA', 30],
  ['VEROCELL', 35],
  ['PFIZER', 18],
  ['MODERNA', 8],
  ['ABDALA', 4],
  ['HAYATVAX', 2],
  ['SPUTNIKV', 1],
  ['JANSSEN', 2]
])
const CHILD = new Weighted<VaccineCode>([
  ['PFIZER', 85],
  ['MODERNA', 15]
])
const BOOSTER = new Weighted<VaccineCode>([
  ['PFIZER', 60],
  ['MODERNA', 25],
  ['ASTRAZENECA', 15]
])

const JUNE_15 = day(2021, 6, 15)
const AUGUST_15 = day(2021, 8, 15)
const CHILDREN_FROM = day(2021, 10, 20)

/** The doses a person really received, in order. Sites are chosen here; noise comes later. */
export function vaccinate(rng: Rng, person: Person, world: World): Dose[] {
  const child = yearOf(person.dob) >= 2004
  const planned = drawCount(rng, child ? DOSE_RATES.childDoses : DOSE_RATES.adultDoses)
  if (planned === 0) return []

  let first: number
  let vaccine: VaccineCode
  if (child) {
    first = CHILDREN_FROM + rng.int(CAMPAIGN_END - CHILDREN_FROM - 20)
    vaccine = CHILD.draw(rng)
  } else {
    const month = FIRST_DOSE_MONTH.draw(rng)
    first = Math.max(CAMPAIGN_START, day(2021, month, 1) + rng.int(28))
    vaccine = (first < JUNE_15 ? EARLY : first < AUGUST_15 ? SUMMER : AUTUMN).draw(rng)
  }

  const home = homeSite(rng, person, world)
  const doses: Dose[] = []
  const add = (dayNumber: number, v: VaccineCode, intervalShort: boolean) => {
    const site = rng.chance(DOSE_RATES.homeSite) ? home : rng.int(world.sites.length)
    doses.push({ number: doses.length + 1, day: dayNumber, vaccine: v, site, lot: VACCINES[v].lot(dayNumber, site), intervalShort })
  }
  add(first, vaccine, false)

  const info = VACCINES[vaccine]
  let previous = first
  for (let n = 2; n <= Math.min(planned, info.primaryDoses); n++) {
    const [lo, hi] = info.interval
    const short = rng.chance(SITE_NOISE.interval_short.p)
    const next = previous + (short ? rng.range(3, Math.max(4, lo - 7)) : rng.range(lo, hi))
    if (next > CAMPAIGN_END) return doses
    const v = vaccine === 'ASTRAZENECA' && next > AUGUST_15 && rng.chance(DOSE_RATES.mixAzPfizer) ? 'PFIZER' : vaccine
    add(next, v, short)
    previous = next
  }
  if (planned === 3 && doses.length === info.primaryDoses && info.primaryDoses < 3) {
    // Boosters came three months or more after the primary series.
    const booster = previous + rng.range(90, 150)
    if (booster <= CAMPAIGN_END) add(booster, BOOSTER.draw(rng), false)
  }
  return doses
}

function drawCount(rng: Rng, shares: readonly number[]): number {
  let x = rng.float()
  for (let i = 0; i < shares.length; i++) {
    x -= shares[i] ?? 0
    if (x < 0) return i
  }
  return shares.length - 1
}

/** Residents go to their ward's usual site; people from elsewhere to any site. */
function homeSite(rng: Rng, person: Person, world: World): number {
  return world.homeSiteOfWard.get(person.address.wardCode) ?? rng.int(world.sites.length)
}
