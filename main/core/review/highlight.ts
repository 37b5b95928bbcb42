import { foldForMatch } from '../base/vn-text.ts'

/** [start, end) offsets in UTF-16 code units of the string as displayed. */
export type Range = [number, number]

export interface Highlight {
  site: Range[]
  registry: Range[]
}

// Beyond this many alignment cells (two long addresses) the middle is marked whole.
const MAX_CELLS = 40_000

/** One character's comparison key: its base letter, so "ễ" lines up with "e" and "E". */
const key = (ch: string): string => foldForMatch(ch) || ch

function toRanges(chars: string[], marked: boolean[]): Range[] {
  const out: Range[] = []
  let offset = 0
  for (let i = 0; i < chars.length; i++) {
    const len = (chars[i] ?? '').length
    if (marked[i]) {
      const last = out[out.length - 1]
      if (last && last[1] === offset) last[1] = offset + len
      else out.push([offset, offset + len])
    }
    offset += len
  }
  return out
}

/**
 * Marks the characters that differ. The two values are aligned on base letters (a longest
 * common subsequence), then every aligned pair whose characters still differ (a mark, the
 * case) and every unaligned character is marked: "Nguyễn Văn Anh" against "Nguyen Van Anh"
 * marks only ễ and ă on one side and e and a on the other.
 */
export function highlight(site: string | null, registry: string | null): Highlight {
  const a = Array.from(site ?? '')
  const b = Array.from(registry ?? '')
  const ma = a.map(() => false)
  const mb = b.map(() => false)
  let lo = 0
  while (lo < a.length && lo < b.length && a[lo] === b[lo]) lo++
  let ea = a.length
  let eb = b.length
  while (ea > lo && eb > lo && a[ea - 1] === b[eb - 1]) {
    ea--
    eb--
  }
  const n = ea - lo
  const m = eb - lo
  if (n * m > MAX_CELLS) {
    for (let i = lo; i < ea; i++) ma[i] = true
    for (let j = lo; j < eb; j++) mb[j] = true
    return { site: toRanges(a, ma), registry: toRanges(b, mb) }
  }
  const ka = a.slice(lo, ea).map(key)
  const kb = b.slice(lo, eb).map(key)
  // lcs[i][j]: length of the longest common subsequence of ka[i..] and kb[j..].
  const lcs = new Uint16Array((n + 1) * (m + 1))
  const at = (i: number, j: number): number => lcs[i * (m + 1) + j] ?? 0
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i * (m + 1) + j] = ka[i] === kb[j] ? at(i + 1, j + 1) + 1 : Math.max(at(i + 1, j), at(i, j + 1))
    }
  }
  let i = 0
  let j = 0
  while (i < n && j < m) {
    if (ka[i] === kb[j] && at(i, j) === at(i + 1, j + 1) + 1) {
      if (a[lo + i] !== b[lo + j]) {
        ma[lo + i] = true
        mb[lo + j] = true
      }
      i++
      j++
    } else if (at(i + 1, j) >= at(i, j + 1)) {
      ma[lo + i++] = true
    } else {
      mb[lo + j++] = true
    }
  }
  for (; i < n; i++) ma[lo + i] = true
  for (; j < m; j++) mb[lo + j] = true
  return { site: toRanges(a, ma), registry: toRanges(b, mb) }
}
