import type { Prepared } from '../prepare.ts'

/**
 * A 12-digit CCCD encodes its holder: digits 1–3 the province, digit 4 gender and century
 * (0/1 male/female born in the 1900s, 2/3 in the 2000s, 4/5 in the 2100s…), digits 5–6
 * the last two digits of the birth year.
 */
export function cccdEmbedded(id: string): { gender: 'M' | 'F'; year: number } | null {
  if (!/^\d{12}$/.test(id)) return null
  const code = Number(id[3])
  return { gender: code % 2 === 0 ? 'M' : 'F', year: 1900 + Math.floor(code / 2) * 100 + Number(id.slice(4, 6)) }
}

/** False when the CCCD's embedded gender or birth year contradicts the record's. */
export function cccdAgrees(id: string, rec: Pick<Prepared, 'gender' | 'dob'>): boolean {
  const e = cccdEmbedded(id)
  if (!e) return true
  if (rec.gender && rec.gender !== e.gender) return false
  return !rec.dob || rec.dob.y === e.year
}
