import type { Workspace } from '../workspace/workspace.ts'
import { RECORD_FIELDS, type RecordField, type SourceKind } from './fields.ts'
import { iterateRecords } from '../records/dump-rows.ts'

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

const DUMPED_FIELDS = ROW_COLUMNS.filter((c): c is Extract<RowColumn, RecordField> => (RECORD_FIELDS as readonly string[]).includes(c))
// Every field of records/schema.ts is a column of the dump: a new one must be appended to ROW_COLUMNS.
const _everyField: Record<Exclude<RecordField, RowColumn>, never> = {}

/** Normalized rows of one kind with their provenance, in import order, streamed from SQLite. */
export function* iterateRows(ws: Workspace, kind: SourceKind): Generator<DumpRow> {
  for (const row of iterateRecords(ws.db, kind, DUMPED_FIELDS)) {
    const { warnings_json, ...rest } = row
    const warnings = (JSON.parse(warnings_json) as { field: string; code: string }[]).map((w) => `${w.field}:${w.code}`)
    yield { ...rest, warnings }
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
