import { dobString, family, given, type Prepared, type PreparedName } from '../prepare.ts'

/** Birth date and family name, what siblings share; null without a full date and a two-part name. */
function siblingKey(r: Prepared): string | null {
  return r.dob && r.dob.m > 0 && r.name && r.name.folded.length > 1 ? `${dobString(r.dob)}|${family(r.name)}` : null
}

/** Registry groups: per record, the size of its group (1 without a key or alone), and its members. */
export interface Groups {
  sizes: Int32Array
  /** The members of a record's group (itself included), for records in a group of two or more. */
  members: ReadonlyMap<number, readonly number[]>
}

/** Groups of records sharing a key, kept when `counts` accepts them. */
function groupsOf(
  rs: readonly Prepared[],
  key: (r: Prepared) => string | null,
  counts: (members: number[]) => boolean = (m) => m.length > 1
): Groups {
  const groups = new Map<string, number[]>()
  rs.forEach((r, i) => {
    const k = key(r)
    if (k === null) return
    const list = groups.get(k)
    if (list) list.push(i)
    else groups.set(k, [i])
  })
  const sizes = new Int32Array(rs.length).fill(1)
  const members = new Map<number, readonly number[]>()
  for (const m of groups.values()) {
    if (m.length < 2 || !counts(m)) continue
    for (const i of m) {
      sizes[i] = m.length
      members.set(i, m)
    }
  }
  return { sizes, members }
}

/** The registry people sharing each one's name and birth date (the person included). */
export const namesakeGroups = (registry: readonly Prepared[]): Groups =>
  groupsOf(registry, (r) => (r.name && r.dob ? `${dobString(r.dob)}|${[...r.name.folded].sort().join(' ')}` : null))

/**
 * The registry people sharing each one's birth date, family name and place under
 * different given names (the person included): the registry's own twins.
 */
export const twinGroups = (registry: readonly Prepared[]): Groups =>
  groupsOf(
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
