/**
 * A value with its differing characters marked: ranges are [start, end) offsets from
 * core (main/core/review/highlight.ts), so "Nguyen" against "Nguyễn" marks only the e.
 */
export function Highlighted({
  text,
  ranges,
  empty
}: {
  text: string | null
  ranges: readonly (readonly [number, number])[]
  empty: string
}) {
  if (text === null || text === '') return <span className="hl-empty">{empty}</span>
  const parts: { s: string; marked: boolean }[] = []
  let at = 0
  for (const [a, b] of ranges) {
    if (a > at) parts.push({ s: text.slice(at, a), marked: false })
    parts.push({ s: text.slice(a, b), marked: true })
    at = b
  }
  if (at < text.length) parts.push({ s: text.slice(at), marked: false })
  return (
    <span className="hl">
      {parts.map((p, i) => (p.marked ? <mark key={i}>{p.s === ' ' ? '\u00a0' : p.s}</mark> : <span key={i}>{p.s}</span>))}
    </span>
  )
}
