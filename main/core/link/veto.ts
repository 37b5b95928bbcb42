import { compareInto, IDENTITY_FIELDS } from './compare/index.ts'
import { levelWeights, type LinkModel } from './model/score.ts'
import type { Prepared } from './prepare.ts'

/**
 * An identity comparison (name, birth date, sex, ID) at a level this strongly against a
 * match (32:1) vetoes joining two rows: two people sharing a phone and an address are
 * still two people if their given names or IDs differ. Learned per dataset: a different
 * given name is such a level in Vietnamese data (which keeps twins apart), while FEBRL,
 * whose duplicates often change names and IDs, learns it is not. Contact fields (phone,
 * address) change in life and never veto.
 *
 * One slip is not a contradiction when the two rows share what only one person has: a
 * site that writes 01/01 for an unknown birthday, ticks the wrong sex, mistypes the year
 * or copies down the row above's CCCD still gives the person's own ID or phone on that
 * row. So a single veto on the birth date, the sex or the ID is lifted by an agreeing ID
 * (exact or crosswalk) or the same phone, never on the field that vetoes; a veto on a
 * name is never lifted (twins share a phone and have IDs one digit apart), nor are two.
 * `idsAgree` says the two rows' IDs are known to be one person's from elsewhere: a CCCD on
 * one row and a CMND on the other, both the registry person's (its ID and its old ID).
 */
export const VETO_BITS = -5

export function contradiction(model: LinkModel): (a: Prepared, b: Prepared, idsAgree?: boolean) => boolean {
  const cs = model.comparisons.map((f) => f.comparison)
  const veto = levelWeights(model).map((row, c) =>
    row.map((w) => IDENTITY_FIELDS.includes((cs[c] as (typeof cs)[number]).field) && w <= VETO_BITS)
  )
  const liftable = cs.map((c) => c.field !== 'person_name')
  const id = cs.findIndex((c) => c.field === 'identifier')
  const phoneC = cs.findIndex((c) => c.field === 'phone')
  const out = new Int8Array(cs.length)
  return (a, b, idsAgree = false) => {
    compareInto(cs, a, b, out)
    let vetoes = 0
    for (let c = 0; c < cs.length; c++) {
      const l = out[c] as number
      if (l < 0 || !(veto[c] as boolean[])[l]) continue
      if (!liftable[c]) return true
      vetoes++
    }
    if (vetoes === 0) return false
    const idAgrees = idsAgree || (id >= 0 && (out[id] === 0 || out[id] === 1))
    const phoneAgrees = phoneC >= 0 && out[phoneC] === 0
    return vetoes > 1 || !(idAgrees || phoneAgrees)
  }
}

/**
 * Whether two rows share something namesakes do not: the same ID (or a slip of it, or the
 * CMND–CCCD crosswalk) or the same phone. Name and birth date are exactly what namesakes share.
 */
export function discriminating(model: LinkModel): (a: Prepared, b: Prepared) => boolean {
  const cs = model.comparisons.map((f) => f.comparison)
  const id = cs.findIndex((c) => c.field === 'identifier')
  const phoneC = cs.findIndex((c) => c.field === 'phone')
  const out = new Int8Array(cs.length)
  return (a, b) => {
    compareInto(cs, a, b, out)
    const idL = id >= 0 ? (out[id] as number) : -1
    return (idL >= 0 && idL <= 2) || (phoneC >= 0 && out[phoneC] === 0)
  }
}
