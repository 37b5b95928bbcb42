/**
 * Remembers a function's answers per string: the values that repeat (a site's vaccine
 * and gender spellings, a registry's names and birth dates, blocking words) are few and
 * the rows many. Bounded, so a million distinct values cannot grow it without limit: when
 * full it starts over, which costs a recomputation, never a wrong answer.
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
