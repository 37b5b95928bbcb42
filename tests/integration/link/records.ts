import type { Workspace } from '../../../main/core/workspace/workspace.ts'

/** A row as the import would have normalized it; unspecified fields are null. */
export type RowInput = Partial<{
  full_name: string
  dob: string
  gender: 'M' | 'F'
  national_id: string
  old_national_id: string
  phone: string
  address: string
  province_code: string
  district_code: string
  ward_code: string
  vaccine: string
  lot: string
  dose_number: number
  dose_date: string
  site_name: string
  complaint_id: string
  submitted_at: string
  complaint_type: string
  description: string
}>

const FIELDS = [
  'full_name',
  'dob',
  'gender',
  'national_id',
  'old_national_id',
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
  'description'
] as const

/**
 * Inserts constructed rows straight into `records`, as one import of one file, so the
 * engine can be tested on exact cases without going through a spreadsheet. Returns the
 * record ids in order; source_row counts from 2 like a sheet with a header.
 */
export function insertRows(ws: Workspace, kind: 'site' | 'registry' | 'complaint', fileName: string, rows: RowInput[]): number[] {
  return ws.tx(() => {
    const importId = Number(
      ws.db
        .prepare(`INSERT INTO imports (kind, file_name, file_hash, imported_at) VALUES (?, ?, ?, ?)`)
        .run(kind, fileName, `${kind}:${fileName}:${Math.random()}`, new Date().toISOString()).lastInsertRowid
    )
    const insert = ws.db.prepare(
      `INSERT INTO records (import_id, kind, source_sheet, source_row, raw_json, ${FIELDS.join(', ')})
       VALUES (?, ?, 'Sheet1', ?, '{}', ${FIELDS.map(() => '?').join(', ')})`
    )
    return rows.map((r, i) => Number(insert.run(importId, kind, i + 2, ...FIELDS.map((f) => r[f] ?? null)).lastInsertRowid))
  })
}
