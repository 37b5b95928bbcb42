import { dobString, family, given, type Prepared, type PreparedName } from '../prepare.ts'

/** Birth date and family name, what siblings share; null without a full date and a two-part name. */
function siblingKey(r: Prepared): string | null {
  return r.dob && r.dob.m > 0 && r.name && r.name.folded.length > 1 ? `${dobString(r.dob)}|${family(r.name)}` : null
}

/**
 * Per record, the size of the group sharing its key (1 without a key or alone), for the
 * groups `counts` accepts.
 */
function groupSizes(
  rs: readonly Prepared[],
  key: (r: Prepared) => string | null,
  counts: (members: number[]) => boolean = (m) => m.length > 1
): Int32Array {
  const groups = new Map<string, number[]>()
  rs.forEach((r, i) => {
    const k = key(r)
    if (k === null) return
    const list = groups.get(k)
    if (list) list.push(i)
    else groups.set(k, [i])
  })
  const sizes = new Int32Array(rs.length).fill(1)
  for (const members of groups.values()) if (members.length > 1 && counts(members)) for (const i of members) sizes[i] = members.length
  return sizes
}

/** How many registry people share each one's name and birth date (the person included). */
export const namesakeCounts = (registry: readonly Prepared[]): Int32Array =>
  groupSizes(registry, (r) => (r.name && r.dob ? `${dobString(r.dob)}|${[...r.name.folded].sort().join(' ')}` : null))

/**
 * How many registry people share each one's birth date, family name and place under
 * different given names (the person included): the registry's own twins.
 */
export const twinCounts = (registry: readonly Prepared[]): Int32Array =>
  groupSizes(
    registry,
    (r) => {
      const k = siblingKey(r)
      return k === null ? null : `${k}|${r.ward ?? r.address?.join(' ') ?? ''}`
    },
    (members) => new Set(members.map((i) => given((registry[i] as Prepared).name as PreparedName))).size > 1
  )

/** Two records of one birth date and family name under different given names. */
export function siblings(x: Prepared, y: Prepared): boolean {
  const k = siblingKey(x)
  return k !== null && k === siblingKey(y) && given(x.name as PreparedName) !== given(y.name as PreparedName)
}
