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
const dateTexts = new Map<number, string>()
function dateText(v: Date): string {
  const t = v.getTime()
  const hit = dateTexts.get(t)
  if (hit !== undefined) return hit
  const iso = Number.isNaN(t) ? 'Invalid Date' : v.toISOString()
  const text = iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso
  if (dateTexts.size > 50_000) dateTexts.clear()
  dateTexts.set(t, text)
  return text
}

/** Trailing empty cells are dropped; the row is copied only when a cell must change (a date, a missing cell). */
export function encodeRaw(cells: CellValue[]): string {
  let end = cells.length
  while (end > 0 && (cells[end - 1] === null || cells[end - 1] === undefined)) end--
  let out: (CellValue | undefined)[] | null = end === cells.length ? null : cells.slice(0, end)
  for (let i = 0; i < end; i++) {
    const v = cells[i]
    if (v === undefined || v instanceof Date) {
      out ??= cells.slice(0, end)
      out[i] = v === undefined ? null : dateText(v)
    }
  }
  return JSON.stringify(out ?? cells)
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
