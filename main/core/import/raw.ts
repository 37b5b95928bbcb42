import type { Workspace } from '../workspace/workspace.ts'
import type { HeaderColumn } from './mapping.ts'
import type { CellValue } from './readers/types.ts'
import { columnLetter } from '../base/column-letter.ts'

/**
 * The cells of a row exactly as read, kept in records.raw_json / rejects.raw_json so every
 * normalized value can be explained. Stored compactly as an array by column (A = 0),
 * next to the import's headers_json, the header labels in the same positions; a date
 * cell is its ISO date (with the time only when there is one).
 */
export type RawValue = string | number | boolean | null

// Dates repeat (a session's dose date on every row): their text is remembered.
const dateText = new Map<number, string>()
const rawValue = (v: CellValue | undefined): RawValue => {
  if (v === undefined) return null
  if (!(v instanceof Date)) return v
  const t = v.getTime()
  const hit = dateText.get(t)
  if (hit !== undefined) return hit
  const iso = Number.isNaN(t) ? 'Invalid Date' : v.toISOString()
  const text = iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso
  if (dateText.size > 50_000) dateText.clear()
  dateText.set(t, text)
  return text
}

export function encodeRaw(cells: CellValue[]): string {
  let end = cells.length
  while (end > 0 && (cells[end - 1] === null || cells[end - 1] === undefined)) end--
  const out: RawValue[] = new Array<RawValue>(end)
  for (let i = 0; i < end; i++) out[i] = rawValue(cells[i])
  return JSON.stringify(out)
}

/** Header labels by column position (null where a column has no header). */
export function headerPositions(headers: HeaderColumn[]): (string | null)[] {
  const out: (string | null)[] = []
  for (const h of headers) {
    while (out.length < h.index) out.push(null)
    out[h.index] = h.label
  }
  return out
}

/** A raw row as label → value (cells outside the header by column letter), for display. */
export function labelRaw(raw: RawValue[], headers: (string | null)[]): Record<string, RawValue> {
  const out: Record<string, RawValue> = {}
  raw.forEach((v, i) => {
    if (v !== null || headers[i]) out[headers[i] ?? columnLetter(i)] = v
  })
  return out
}

/** The raw cells of one record or reject, labelled by the header of the file it came from. */
export function rawOf(ws: Workspace, table: 'records' | 'rejects', id: number): Record<string, RawValue> | null {
  const row = ws.db
    .prepare(`SELECT t.raw_json, i.headers_json FROM ${table} t JOIN imports i ON i.id = t.import_id WHERE t.id = ?`)
    .get(id) as { raw_json: string; headers_json: string } | undefined
  return row ? labelRaw(JSON.parse(row.raw_json) as RawValue[], JSON.parse(row.headers_json) as (string | null)[]) : null
}
