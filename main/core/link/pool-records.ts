import type { Prepared, PreparedDob, PreparedName } from './prepare.ts'

/**
 * How the records reach the comparison threads. A structured clone of every record in one
 * message cost about 1 KB per record in each thread (a million site rows and a million
 * registry persons: 2 GB per thread) and as much again, briefly, for the serialized
 * message. So the records go in chunks, without the dose and complaint fields that no
 * comparison or blocking key reads, and each thread shares equal names, birth dates and
 * codes again as the main thread does (a clone shares them only within one message).
 */
export const RECORD_CHUNK = 20_000

/** A record with only what comparisons and blocking keys read. */
export function forThreads(r: Prepared): Prepared {
  return { ...r, vaccine: null, doseNumber: null, doseDate: null, complaintType: null }
}

/** Replaces each record's name, birth date and codes by the first equal one seen. */
export function resharer(): (r: Prepared) => Prepared {
  const names = new Map<string, PreparedName>()
  const dobs = new Map<number, PreparedDob>()
  const strings = new Map<string, string>()
  const str = (s: string | null): string | null => {
    if (s === null) return null
    const hit = strings.get(s)
    if (hit !== undefined) return hit
    strings.set(s, s)
    return s
  }
  return (r) => {
    let name = r.name
    if (name) {
      const key = name.exact.join(' ')
      const hit = names.get(key)
      if (hit) name = hit
      else {
        name = { ...name, exact: name.exact.map((t) => str(t) as string), folded: name.folded.map((t) => str(t) as string) }
        names.set(key, name)
      }
    }
    let dob = r.dob
    if (dob) {
      const key = dob.y * 10_000 + dob.m * 100 + dob.d
      dob = dobs.get(key) ?? dob
      dobs.set(key, dob)
    }
    return {
      ...r,
      // Literals, not the clone's copy of a one-letter string per record.
      kind: r.kind === 'site' ? 'site' : r.kind === 'registry' ? 'registry' : 'complaint',
      gender: r.gender === 'M' ? 'M' : r.gender === 'F' ? 'F' : null,
      name,
      dob,
      province: str(r.province),
      district: str(r.district),
      ward: str(r.ward),
      address: r.address && r.address.map((t) => str(t) as string)
    }
  }
}
