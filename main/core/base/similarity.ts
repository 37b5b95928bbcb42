/** String similarity for names and identifiers: the comparisons the linkage model levels on. */

// Scratch flags for jaroWinkler: it runs millions of times per match, so it never allocates.
let aFlags = new Uint8Array(64)
let bFlags = new Uint8Array(64)

/** Jaro–Winkler similarity in [0, 1], with the usual 0.1 prefix scale over at most 4 characters. */
export function jaroWinkler(a: string, b: string): number {
  if (a === b) return a.length === 0 ? 0 : 1
  const la = a.length
  const lb = b.length
  if (la === 0 || lb === 0) return 0
  if (la > aFlags.length) aFlags = new Uint8Array(la * 2)
  if (lb > bFlags.length) bFlags = new Uint8Array(lb * 2)
  aFlags.fill(0, 0, la)
  bFlags.fill(0, 0, lb)
  const window = Math.max(0, Math.floor(Math.max(la, lb) / 2) - 1)
  let matches = 0
  for (let i = 0; i < la; i++) {
    const lo = Math.max(0, i - window)
    const hi = Math.min(lb - 1, i + window)
    const ch = a.charCodeAt(i)
    for (let j = lo; j <= hi; j++) {
      if (bFlags[j] || ch !== b.charCodeAt(j)) continue
      aFlags[i] = 1
      bFlags[j] = 1
      matches++
      break
    }
  }
  if (matches === 0) return 0
  let k = 0
  let halfTranspositions = 0
  for (let i = 0; i < la; i++) {
    if (!aFlags[i]) continue
    while (!bFlags[k]) k++
    if (a.charCodeAt(i) !== b.charCodeAt(k)) halfTranspositions++
    k++
  }
  const m = matches
  const jaro = (m / la + m / lb + (m - halfTranspositions / 2) / m) / 3
  let prefix = 0
  while (prefix < 4 && prefix < la && prefix < lb && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++
  return jaro + prefix * 0.1 * (1 - jaro)
}

const sameTail = (a: string, i: number, b: string, j: number): boolean => {
  if (a.length - i !== b.length - j) return false
  for (; i < a.length; i++, j++) if (a.charCodeAt(i) !== b.charCodeAt(j)) return false
  return true
}

/**
 * True when b is a one-keystroke slip of a: one substitution, insertion, deletion, or
 * two adjacent characters swapped. Equal strings are not a slip.
 */
export function oneEditApart(a: string, b: string): boolean {
  if (a === b) return false
  const la = a.length
  const lb = b.length
  if (Math.abs(la - lb) > 1) return false
  let i = 0
  while (i < la && i < lb && a.charCodeAt(i) === b.charCodeAt(i)) i++
  if (la === lb) {
    if (sameTail(a, i + 1, b, i + 1)) return true
    return i + 1 < la && a.charCodeAt(i) === b.charCodeAt(i + 1) && a.charCodeAt(i + 1) === b.charCodeAt(i) && sameTail(a, i + 2, b, i + 2)
  }
  return la > lb ? sameTail(a, i + 1, b, i) : sameTail(a, i, b, i + 1)
}

/** Same length and exactly one position differs, or two adjacent positions swapped. */
export function oneDigitOrSwap(a: string, b: string): boolean {
  return a.length === b.length && oneEditApart(a, b)
}
