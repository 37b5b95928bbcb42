/** FNV-1a over UTF-16 code units from a given offset basis. */
function fnv1a(s: string, basis: number): number {
  let h = basis
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return h
}

/** FNV-1a, 32 bits: blocking keys become numbers so millions of them fit in typed arrays. */
export function hash32(s: string): number {
  return fnv1a(s, 0x811c9dc5) >>> 0
}

/** FNV-1a mixed with a seed and finalized (bits avalanche): a fast, stable string hash for seeding and bucketing. */
export function seededHash32(s: string, seed = 0): number {
  let h = fnv1a(s, (0x811c9dc5 ^ seed) >>> 0)
  h ^= h >>> 15
  h = Math.imul(h, 0x2c1b3c6d)
  h ^= h >>> 12
  return h >>> 0
}

/** A 52-bit hash, exact as a double: collisions among a million keys are negligible. */
export function hash52(s: string): number {
  return (seededHash32(s, 0x1234567) & 0xfffff) * 4294967296 + seededHash32(s, 0x7654321)
}
