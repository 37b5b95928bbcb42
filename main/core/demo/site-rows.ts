import { abbreviate, drawAddress, unitsOf } from './addresses.ts'
import { CAMPAIGN_END, CAMPAIGN_START } from './days.ts'
import { doseDateCell, noisyDob, type DateCell } from './noise/date.ts'
import { noisyId, type IdCell } from './noise/id.ts'
import { noisyName, type WrittenName } from './noise/name.ts'
import { noisyPhone } from './noise/phone.ts'
import { SITE_NOISE } from './noise/rates.ts'
import type { Rng } from '../base/random.ts'
import type { Address, Dose, Person, VaccineCode } from './types.ts'
import { VACCINES, writtenVaccine } from './vaccines.ts'
import type { World } from './world.ts'

export interface AddressParts {
  line: string
  ward: string
  district: string
  province: string
  /** In the site's own district: local layouts leave district and province out. */
  local: boolean
}

/** One site row's values after noise, before a layout turns them into cells. */
export interface SiteRowValues {
  name: WrittenName
  dob: DateCell
  gender: 'M' | 'F' | null
  id: IdCell
  phone: string | number | null
  address: AddressParts | null
  doseNumber: number
  doseDate: DateCell
  vaccine: string
  lot: string | null
  siteName: string
  priorityGroup: string
  note: string
}

// Nghị quyết 21/NQ-CP priority groups, as sites abbreviate them.
const PRIORITY_GROUPS = ['Nhóm 1', 'Nhóm 4', 'Nhóm 5', 'Nhóm 6', 'Nhóm 7', 'Nhóm 9', 'Nhóm 10', 'Nhóm 13', 'Nhóm 15']
const NOTES = ['Tiêm bù', 'Theo dõi 30 phút, ổn định', 'Sốt nhẹ sau tiêm', 'Hẹn mũi tiếp theo']
const OTHER_VACCINES: readonly VaccineCode[] = ['ASTRAZENECA', 'PFIZER', 'MODERNA', 'VEROCELL']

/**
 * The row a site clerk typed for one true dose, with the noise of SITE_NOISE drawn in a
 * fixed order. Tags name every kind of noise applied. A duplicate entry is drawn afresh:
 * typed again, it gets its own slips. `above` is the person of the row typed just before
 * at this site, whose ID or phone a clerk may copy down by mistake.
 */
export function siteRowValues(
  rng: Rng,
  person: Person,
  dose: Dose,
  siteIndex: number,
  world: World,
  tags: string[],
  above: Person | null = null
): SiteRowValues {
  const n = SITE_NOISE
  const name = noisyName(rng, person.name, n, tags)
  const dob = noisyDob(rng, person.dob, n, tags)
  let gender: 'M' | 'F' | null = person.gender
  if (rng.chance(n.gender_missing.p)) {
    gender = null
    tags.push('gender_missing')
  } else if (rng.chance(n.gender_wrong.p)) {
    gender = gender === 'M' ? 'F' : 'M'
    tags.push('gender_wrong')
  }
  const other = above && above.key !== person.key ? above : null
  const lentId = other && other.cccd !== person.cccd && rng.chance(n.id_other_person.p) ? other.cccd : null
  const id = noisyId(rng, lentId ?? person.cccd, lentId ? null : person.cmnd, n, tags)
  if (lentId && id !== null) tags.push('id_other_person')
  const lentPhone = other?.phone && person.phone !== other.phone && rng.chance(n.phone_other_person.p) ? other.phone : null
  const phone = noisyPhone(rng, lentPhone ?? person.phone, n, tags)
  if (lentPhone && phone !== null) tags.push('phone_other_person')
  const address = noisyAddress(rng, person.address, world, tags)

  let doseDay = dose.day
  if (rng.chance(n.dose_date_wrong.p)) {
    doseDay = wrongDoseDay(rng, dose.day)
    tags.push('dose_date_wrong')
  }
  if (dose.intervalShort) tags.push('interval_short')
  const doseDate = doseDateCell(rng, doseDay, n.dose_date_text.p, tags)

  let vaccine = dose.vaccine
  if (rng.chance(n.vaccine_wrong.p)) {
    vaccine = rng.pick(OTHER_VACCINES.filter((v) => v !== dose.vaccine))
    tags.push('vaccine_wrong')
  }
  const vaccineText = writtenVaccine(rng, vaccine, n.vaccine_alias.p, tags)
  let lot: string | null = vaccine === dose.vaccine ? dose.lot : VACCINES[vaccine].lot(doseDay, siteIndex)
  if (rng.chance(n.lot_missing.p)) {
    lot = null
    tags.push('lot_missing')
  }
  const site = world.sites[siteIndex]
  return {
    name,
    dob,
    gender,
    id,
    phone,
    address,
    doseNumber: dose.number,
    doseDate,
    vaccine: vaccineText,
    lot,
    siteName: site?.name ?? '',
    priorityGroup: rng.pick(PRIORITY_GROUPS),
    note: rng.chance(0.05) ? rng.pick(NOTES) : ''
  }
}

function noisyAddress(rng: Rng, address: Address, world: World, tags: string[]): AddressParts | null {
  const n = SITE_NOISE
  if (rng.chance(n.address_missing.p)) {
    tags.push('address_missing')
    return null
  }
  let a = address
  if (rng.chance(n.address_moved.p)) {
    a = drawAddress(rng, rng.pick(world.wards))
    tags.push('address_moved')
  }
  const u = unitsOf(a)
  const abbreviated = rng.chance(n.address_abbrev.p)
  if (abbreviated) tags.push('address_abbrev')
  const label = abbreviated ? abbreviate : (x: { name_with_type: string }) => x.name_with_type
  return {
    line: a.line,
    ward: label(u.ward),
    district: label(u.district),
    province: label(u.province),
    local: a.districtCode === world.district.code
  }
}

/** A mistyped dose date: a few days off, or a month off, within the campaign. */
function wrongDoseDay(rng: Rng, d: number): number {
  for (;;) {
    const shift = rng.chance(0.6) ? rng.pick([-3, -2, -1, 1, 2, 3]) : rng.pick([-31, -30, 30, 31])
    const out = d + shift
    if (out >= CAMPAIGN_START && out <= CAMPAIGN_END) return out
  }
}
