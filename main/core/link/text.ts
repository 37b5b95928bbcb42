/**
 * String primitives for comparing names, addresses and identifiers. Names arrive NFC
 * and title-cased from import, but clerks type everything, so nothing here trusts that.
 */

const COMBINING = /[\u0300-\u036f]/g

/** Lower-case NFC: the form in which "exact with diacritics" is judged. */
export function lowerNfc(s: string): string {
  return s.normalize('NFC').toLowerCase()
}

/** Diacritics-free lower case; đ is a separate letter in Unicode, not d plus a mark. */
export function fold(s: string): string {
  return s.normalize('NFD').replace(COMBINING, '').replace(/đ/g, 'd').replace(/Đ/g, 'd').toLowerCase()
}

/** True when the text carries any Vietnamese diacritic (so it was typed with marks). */
export function hasDiacritics(s: string): boolean {
  return fold(s) !== s.normalize('NFC').toLowerCase()
}

export function tokens(s: string): string[] {
  return s
    .split(/[\s,.;:/\\()-]+/)
    .map((t) => t.trim())
    .filter((t) => t.length > 0)
}

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

/** FNV-1a, 32 bits: blocking keys become numbers so millions of them fit in typed arrays. */
export function hash32(s: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return h >>> 0
}
