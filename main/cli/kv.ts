/** `key  value` lines with the keys padded to one width: the CLI's plain-text output. */
export function formatPairs(rows: readonly (readonly [string, string | number])[]): string {
  const width = Math.max(0, ...rows.map(([k]) => k.length))
  return rows.map(([k, v]) => `${k.padEnd(width)}  ${v}`).join('\n') + '\n'
}

/**
 * `key=n key=n …`, or `0` when empty. Without `first` the keys keep their order; with it,
 * those keys lead in that order and the rest follow sorted.
 */
export function formatCounts(counts: Record<string, number>, first: readonly string[] | null = null): string {
  const keys =
    first === null
      ? Object.keys(counts)
      : [
          ...first.filter((k) => k in counts),
          ...Object.keys(counts)
            .filter((k) => !first.includes(k))
            .sort()
        ]
  return keys.length === 0 ? '0' : keys.map((k) => `${k}=${counts[k]}`).join(' ')
}
