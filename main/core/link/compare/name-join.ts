import type { PreparedName } from '../prepare.ts'

/** Whether two word lists spell the same letters, word breaks aside; nothing is built. */
function sameLetters(x: readonly string[], y: readonly string[]): boolean {
  let lx = 0
  let ly = 0
  for (const w of x) lx += w.length
  for (const w of y) ly += w.length
  if (lx !== ly) return false
  let i = 0
  let ci = 0
  let j = 0
  let cj = 0
  for (let k = 0; k < lx; k++) {
    while (ci === (x[i] as string).length) {
      i++
      ci = 0
    }
    while (cj === (y[j] as string).length) {
      j++
      cj = 0
    }
    if ((x[i] as string)[ci++] !== (y[j] as string)[cj++]) return false
  }
  return true
}

/**
 * `long` with adjacent words joined wherever `short` has one word for them, or null when
 * `short`'s word breaks are not a subset of `long`'s.
 */
function joinTo(long: PreparedName, short: PreparedName): PreparedName | null {
  const exact: string[] = []
  const folded: string[] = []
  let k = 0
  for (const target of short.folded) {
    let f = ''
    let e = ''
    while (f.length < target.length && k < long.folded.length) {
      f += long.folded[k] as string
      e += long.exact[k] as string
      k++
    }
    if (f !== target) return null
    folded.push(f)
    exact.push(e)
  }
  return {
    exact,
    folded,
    marked: long.marked,
    middleExact: exact.length > 2 ? exact.slice(1, -1).join(' ') : '',
    middleFolded: folded.length > 2 ? folded.slice(1, -1).join(' ') : ''
  }
}

/**
 * The two names to compare: as written, unless one has a space the other lacks ("Hefford
 * Laur A" and "Hefford Laura", "Ngọc Anh" and "NgọcAnh"), which is a keystroke, not a
 * different name; then the words of the longer are joined as in the shorter. Word counts
 * differ in many pairs (a dropped middle name), so the test builds nothing unless the
 * letters agree.
 */
export function joinStraySpaces(a: PreparedName, b: PreparedName): [PreparedName, PreparedName] {
  const na = a.folded.length
  const nb = b.folded.length
  if (na === nb || !sameLetters(a.folded, b.folded)) return [a, b]
  if (na > nb) return [joinTo(a, b) ?? a, b]
  return [a, joinTo(b, a) ?? b]
}
