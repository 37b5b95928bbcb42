/** `key  value` lines with the keys padded to one width: the CLI's plain-text output. */
export function formatPairs(rows: readonly (readonly [string, string | number])[]): string {
  const width = Math.max(0, ...rows.map(([k]) => k.length))
  return rows.map(([k, v]) => `${k.padEnd(width)}  ${v}`).join('\n') + '\n'
}
