import type { Workspace } from '../workspace/workspace.ts'
import type { SourceKind } from './fields.ts'

/** The columns of `vaxrecon rows`, in order: provenance, the canonical fields, then warnings. */
export const ROW_COLUMNS = [
  'source_file',
  'source_sheet',
  'source_row',
  'full_name',
  'dob',
  'gender',
  'national_id',
  'id_kind',
  'phone',
  'address',
  'province_code',
  'district_code',
  'ward_code',
  'vaccine',
  'lot',
  'dose_number',
  'dose_date',
  'site_name',
  'complaint_id',
  'submitted_at',
  'complaint_type',
  'old_national_id',
  'description',
  'warnings'
] as const
export type RowColumn = (typeof ROW_COLUMNS)[number]
export type DumpRow = Record<Exclude<RowColumn, 'warnings'>, string | number | null> & { warnings: string[] }

/** Normalized rows of one kind with their provenance, in import order, streamed from SQLite. */
export function* iterateRows(ws: Workspace, kind: SourceKind): Generator<DumpRow> {
  const stmt = ws.db.prepare(
    `SELECT i.file_name AS source_file, r.source_sheet, r.source_row, r.full_name, r.dob, r.gender, r.national_id, r.id_kind,
            r.phone, r.address, r.province_code, r.district_code, r.ward_code, r.vaccine, r.lot, r.dose_number, r.dose_date,
            r.site_name, r.complaint_id, r.submitted_at, r.complaint_type, r.old_national_id, r.description, r.warnings_json
       FROM records r JOIN imports i ON i.id = r.import_id
      WHERE r.kind = ? ORDER BY r.import_id, r.id`
  )
  for (const row of stmt.iterate(kind) as Iterable<Record<string, string | number | null> & { warnings_json: string }>) {
    const { warnings_json, ...rest } = row
    const warnings = (JSON.parse(warnings_json) as { field: string; code: string }[]).map((w) => `${w.field}:${w.code}`)
    yield { ...(rest as Omit<DumpRow, 'warnings'>), warnings }
  }
}

/** One CSV line (RFC 4180): fields with a comma, quote or line break are quoted. */
export function csvLine(values: readonly (string | number | null)[]): string {
  return (
    values
      .map((v) => {
        if (v === null) return ''
        const s = String(v)
        return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
      })
      .join(',') + '\r\n'
  )
}
