import type { CellValue } from '../readers/types.ts'
import { memoText } from '../../base/memo.ts'
import { foldToKey } from '../../base/vn-text.ts'
import { ok, warn, type Normalized } from './warning.ts'

export const VACCINES = ['ASTRAZENECA', 'PFIZER', 'MODERNA', 'VEROCELL', 'SPUTNIKV', 'JANSSEN', 'HAYATVAX', 'ABDALA'] as const
export type Vaccine = (typeof VACCINES)[number]

// Spellings seen on site lists, folded (no diacritics, lower case, no spaces or punctuation).
const ALIASES: Record<string, Vaccine> = {
  astrazeneca: 'ASTRAZENECA',
  astra: 'ASTRAZENECA',
  az: 'ASTRAZENECA',
  astrazenaca: 'ASTRAZENECA',
  astrazeneka: 'ASTRAZENECA',
  vaxzevria: 'ASTRAZENECA',
  covishield: 'ASTRAZENECA',
  azd1222: 'ASTRAZENECA',
  chadox1: 'ASTRAZENECA',
  oxfordastrazeneca: 'ASTRAZENECA',
  pfizer: 'PFIZER',
  pfizerbiontech: 'PFIZER',
  biontech: 'PFIZER',
  comirnaty: 'PFIZER',
  phizer: 'PFIZER',
  pfizer12: 'PFIZER',
  pfizertreem: 'PFIZER',
  pfizernhi: 'PFIZER',
  pfizerbiontechnhi: 'PFIZER',
  pfize: 'PFIZER',
  moderna: 'MODERNA',
  spikevax: 'MODERNA',
  modena: 'MODERNA',
  modernar: 'MODERNA',
  verocell: 'VEROCELL',
  sinopharm: 'VEROCELL',
  sinopharmverocell: 'VEROCELL',
  verocellsinopharm: 'VEROCELL',
  bibp: 'VEROCELL',
  vero: 'VEROCELL',
  sputnikv: 'SPUTNIKV',
  sputnik: 'SPUTNIKV',
  gamcovidvac: 'SPUTNIKV',
  sputnikvgamaleya: 'SPUTNIKV',
  janssen: 'JANSSEN',
  jj: 'JANSSEN',
  johnsonjohnson: 'JANSSEN',
  johnsonandjohnson: 'JANSSEN',
  jnj: 'JANSSEN',
  jansen: 'JANSSEN',
  hayatvax: 'HAYATVAX',
  hayat: 'HAYATVAX',
  abdala: 'ABDALA',
  cigb66: 'ABDALA'
}

const aliasOf = (s: string): Vaccine | undefined =>
  ALIASES[
    foldToKey(s)
      .replace(/^(vac ?xin|vaccine|vaccin|vacxin) /, '')
      .replace(/ /g, '')
      .replace(/^vacxin/, '')
  ]

const fromText = memoText((s: string): Normalized<Vaccine> => {
  if (foldToKey(s) === '') return ok(null)
  const v = aliasOf(s)
  if (v) return ok(v)
  // "AstraZeneca (Covishield)", "Pfizer / Comirnaty": a name with another name for it is
  // that vaccine, when every part names the same one; anything else is flagged.
  const parts = s.split(/[()/]/).filter((p) => foldToKey(p) !== '')
  const named = new Set(parts.map(aliasOf))
  const [only] = named
  return parts.length > 1 && named.size === 1 && only ? ok(only) : warn(null, 'vaccine', 'VACCINE_UNKNOWN')
})

/** Canonical vaccine names; an unknown name is flagged and left empty, never guessed. */
export function normalizeVaccine(raw: CellValue): Normalized<Vaccine> {
  return raw === null ? ok(null) : fromText(String(raw))
}
