/**
 * Remembers a normalizer's answers for text cells: site lists repeat the same vaccine,
 * gender and village spellings on every row. Bounded, so a million distinct values
 * cannot grow it without limit.
 */
export function memoText<T>(fn: (s: string) => T, limit = 10_000): (s: string) => T {
  const cache = new Map<string, T>()
  return (s) => {
    const hit = cache.get(s)
    if (hit !== undefined) return hit
    const v = fn(s)
    if (cache.size >= limit) cache.clear()
    cache.set(s, v)
    return v
  }
}
