import type { Workspace } from '../workspace/workspace.ts'
import type { SourceKind } from './fields.ts'
import { recordsWithWarning } from '../records/warning-rows.ts'

export interface ImportRecord {
  id: number
  kind: SourceKind
  fileName: string
  sheet: string | null
  rowsRead: number
  imported: number
  rejected: number
  importedAt: string
  importedBy: string | null
}

/** Every import, newest first, with its counts. */
export function listImports(ws: Workspace): ImportRecord[] {
  return ws.db
    .prepare(
      `SELECT id, kind, file_name AS fileName, sheet, rows_read AS rowsRead, rows_imported AS imported, rows_rejected AS rejected,
              imported_at AS importedAt, imported_by AS importedBy
         FROM imports ORDER BY id DESC`
    )
    .all() as ImportRecord[]
}

export interface WarningRow {
  /** The row Excel shows (the CSV line). */
  sourceRow: number
  fullName: string | null
  /** The fields of this row that carry the warning. */
  fields: string[]
}

/** How many rows of an import carry a warning: at most this many are listed. */
export const WARNING_ROWS_SHOWN = 200

/** The rows of an import that carry one kind of warning, in file order: the report's "which rows?". */
export function rowsWithWarning(ws: Workspace, importId: number, code: string): { total: number; rows: WarningRow[] } {
  const { total, rows } = recordsWithWarning(ws.db, importId, code, WARNING_ROWS_SHOWN)
  return {
    total,
    rows: rows.map((r) => ({
      sourceRow: r.source_row,
      fullName: r.full_name,
      fields: (JSON.parse(r.warnings_json) as { field: string; code: string }[]).filter((w) => w.code === code).map((w) => w.field)
    }))
  }
}
