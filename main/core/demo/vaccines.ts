import { ymd } from './days.ts'
import { seededHash32 } from '../base/hash.ts'
import type { Rng } from '../base/random.ts'
import type { VaccineCode } from './types.ts'

export interface VaccineInfo {
  /** How the Ministry's forms name it. */
  display: string
  /** Other ways sites write it: abbreviations, brand and maker names, case. */
  aliases: readonly string[]
  /** Days between primary doses: the Ministry's guidance (QĐ 3588/QĐ-BYT) as practised. */
  interval: readonly [number, number]
  /** Doses in the primary series. */
  primaryDoses: number
  /** The lot a site used on a day: deliveries are weekly, so one lot per site, vaccine and week. */
  lot(dayNumber: number, site: number): string
}

const week = (dayNumber: number) => Math.floor(dayNumber / 7)
const code =
  (prefix: string, digits: number, salt = prefix) =>
  (dayNumber: number, site: number) =>
    prefix + String(seededHash32(`${salt}${week(dayNumber)}/${site}`) % 10 ** digits).padStart(digits, '0')

export const VACCINES: Readonly<Record<VaccineCode, VaccineInfo>> = {
  ASTRAZENECA: {
    display: 'AstraZeneca',
    aliases: ['AZ', 'Astra', 'Astrazeneca', 'ASTRAZENECA', 'Covishield', 'AstraZeneca (Covishield)', 'Vaxzevria', 'Astra Zeneca'],
    interval: [56, 84],
    primaryDoses: 2,
    lot: (d, s) => ['ABV', 'NJ', 'MT', 'PV'][seededHash32(`az${week(d)}`) % 4] + code('', 4, 'az')(d, s)
  },
  PFIZER: {
    display: 'Pfizer',
    aliases: ['Pfizer-BioNTech', 'Comirnaty', 'PFIZER', 'pfizer', 'Pfizer BioNTech'],
    interval: [21, 35],
    primaryDoses: 2,
    lot: (d, s) => 'F' + 'AFGHJK'[seededHash32(`pf${week(d)}`) % 6] + code('', 4, 'pf')(d, s)
  },
  MODERNA: { display: 'Moderna', aliases: ['Spikevax', 'MODERNA', 'moderna'], interval: [28, 42], primaryDoses: 2, lot: code('300', 4) },
  VEROCELL: {
    display: 'Vero Cell',
    aliases: ['Verocell', 'Sinopharm', 'Vero-Cell', 'VERO CELL', 'Sinopharm (Vero Cell)', 'vero cell'],
    interval: [21, 35],
    primaryDoses: 2,
    lot: (d, s) => `${ymd(d).year}${String(ymd(d).month).padStart(2, '0')}B${code('', 4, 'vc')(d, s)}`
  },
  SPUTNIKV: {
    display: 'Sputnik V',
    aliases: ['Sputnik', 'SPUTNIK V', 'Gam-COVID-Vac'],
    interval: [21, 28],
    primaryDoses: 2,
    lot: code('I-', 6)
  },
  ABDALA: { display: 'Abdala', aliases: ['ABDALA', 'abdala'], interval: [14, 16], primaryDoses: 3, lot: code('A', 5) },
  HAYATVAX: {
    display: 'Hayat-Vax',
    aliases: ['Hayat Vax', 'HayatVax', 'HAYAT-VAX'],
    interval: [21, 28],
    primaryDoses: 2,
    lot: code('HV', 5)
  },
  JANSSEN: { display: 'Janssen', aliases: ['Johnson & Johnson', 'J&J', 'JANSSEN'], interval: [0, 0], primaryDoses: 1, lot: code('XD', 3) }
}

export function writtenVaccine(rng: Rng, vaccine: VaccineCode, aliasP: number, tags: string[]): string {
  const v = VACCINES[vaccine]
  if (rng.chance(aliasP)) {
    tags.push('vaccine_alias')
    return rng.pick(v.aliases)
  }
  return v.display
}
