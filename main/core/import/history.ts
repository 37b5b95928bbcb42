import type { Workspace } from '../workspace/workspace.ts'
import type { SourceKind } from './fields.ts'

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
