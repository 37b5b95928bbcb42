import { fullName } from './names.ts'
import { PersonGenerator } from './people.ts'
import { hash52 } from '../base/hash.ts'
import type { Person } from './types.ts'
import type { World } from './world.ts'

export function namesakeKey(p: Person): number {
  return hash52(`${fullName(p.name)}|${p.dob}`)
}

/**
 * Every (full name, birth date) shared by two or more people: the planted namesake pairs
 * and the ones that happen by chance among common names, which are just as hard to tell
 * apart. A first pass over the people (they are deterministic), 8 bytes a person.
 */
export function findNamesakes(seed: number, world: World, persons: number): Set<number> {
  const gen = new PersonGenerator(seed, world, persons)
  const keys = new Float64Array(persons)
  let n = 0
  for (let group = gen.nextGroup(); group.length > 0; group = gen.nextGroup()) {
    for (const p of group) keys[n++] = namesakeKey(p)
  }
  const sorted = keys.subarray(0, n).sort()
  const shared = new Set<number>()
  for (let i = 1; i < sorted.length; i++) if (sorted[i] === sorted[i - 1]) shared.add(sorted[i] as number)
  return shared
}
