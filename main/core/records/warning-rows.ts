import type { Db } from '../base/sqlite-driver.ts'
import { selectList, type RowOf } from './select-list.ts'

const COLUMNS = ['source_row', 'full_name', 'warnings_json'] as const
export type WarningRecord = RowOf<typeof COLUMNS>

/** The rows of one import that carry a warning code, in file order (at most `limit`), and how many there are. */
export function recordsWithWarning(db: Db, importId: number, code: string, limit: number): { total: number; rows: WarningRecord[] } {
  // warnings_json is written by JSON.stringify as [{"field":…,"code":…}], so the code's text is exact.
  const like = `%"code":${JSON.stringify(code).replace(/[%_\\]/g, (c) => `\\${c}`)}%`
  const where = "import_id = ? AND warnings_json LIKE ? ESCAPE '\\'"
  const total = db.prepare(`SELECT count(*) FROM records WHERE ${where}`).pluck().get(importId, like) as number
  const rows = db
    .prepare(`SELECT ${selectList(COLUMNS)} FROM records WHERE ${where} ORDER BY source_row LIMIT ?`)
    .all(importId, like, limit) as WarningRecord[]
  return { total, rows }
}
