import type { Rng } from '../../base/random.ts'

/** A text cell, a number cell (Excel drops leading zeros), or an empty cell. */
export type IdCell = string | number | null

interface IdRates {
  id_missing: { p: number }
  id_cmnd: { p: number }
  id_transposed?: { p: number }
  id_spaces?: { p: number }
  id_number?: { p: number }
}

/** The national ID as one row writes it. */
export function noisyId(rng: Rng, cccd: string, cmnd: string | null, rates: IdRates, tags: string[]): IdCell {
  if (rng.chance(rates.id_missing.p)) {
    tags.push('id_missing')
    return null
  }
  let id = cccd
  if (rng.chance(rates.id_cmnd.p) && cmnd) {
    id = cmnd
    tags.push('id_cmnd')
  }
  if (rates.id_transposed && rng.chance(rates.id_transposed.p)) {
    const t = transpose(rng, id)
    if (t !== id) {
      id = t
      tags.push('id_transposed')
    }
  }
  const form = rng.float()
  const spaces = rates.id_spaces?.p ?? 0
  const asNumber = rates.id_number?.p ?? 0
  if (form < spaces) {
    tags.push('id_spaces')
    return id.length === 12
      ? rng.chance(0.5)
        ? `${id.slice(0, 3)} ${id.slice(3, 6)} ${id.slice(6)}`
        : `${id.slice(0, 4)} ${id.slice(4, 8)} ${id.slice(8)}`
      : `${id.slice(0, 3)} ${id.slice(3, 6)} ${id.slice(6)}`
  }
  if (form < spaces + asNumber) {
    tags.push('id_number')
    return Number(id)
  }
  return id
}

/** Two neighbouring, different digits swapped; the string is unchanged if all digits are equal. */
export function transpose(rng: Rng, s: string): string {
  const candidates: number[] = []
  for (let i = 0; i + 1 < s.length; i++) if (s[i] !== s[i + 1]) candidates.push(i)
  if (candidates.length === 0) return s
  const i = rng.pick(candidates)
  return s.slice(0, i) + s[i + 1] + s[i] + s.slice(i + 2)
}
