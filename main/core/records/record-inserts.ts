import type { Db, Statement } from '../base/sqlite-driver.ts'
import { SOURCE_KINDS, type SourceKind } from './schema.ts'

/** One value bound into a `records` row. */
export type RecordCell = string | number | null

/**
 * The layout of a row handed to `RecordInserter`, flat so a batch of them is one array of
 * plain values (cheap to post between threads and bound straight into the INSERT):
 * `source_row`, `raw_json`, one value per value column in the inserter's order, then
 * `warnings_json`. RECORD_HEAD counts the two leading provenance values.
 */
export const RECORD_HEAD = 2

/** The import every inserted row belongs to: the constant part of its provenance. */
export interface RecordOrigin {
  importId: number
  kind: SourceKind
  sheet: string
}

/**
 * Rows bound to one multi-row INSERT: 50, so a 200-row import batch is four statements
 * and no row of it goes one by one. Each statement run has a fixed cost in the driver and
 * in SQLite. Measured on 200,000 site rows, replayed in one process, best of 3 (CPU-s,
 * inserts alone, with OR FAIL and foreign keys off as below): 8 rows 1.47, 32 rows 1.37,
 * 50 rows 1.34, 100 rows 1.33; single-row statements 2.04.
 */
const ROWS_PER_INSERT = 50

/**
 * Writes imported rows into `records`, ROWS_PER_INSERT rows per prepared statement (the
 * rest one by one). The import and kind are written into the SQL as literals (an integer
 * and one of three words), so each row binds only its own values. `C` is the caller's
 * name for the value columns it fills: only the columns a kind can fill are bound, since
 * fewer bound values per row is measurably faster on a million rows.
 *
 * The statements are INSERT OR FAIL. A multi-row INSERT that may abort (a UNIQUE, CHECK
 * or NOT NULL constraint under the default ABORT) keeps a statement journal, a copy of
 * every page it changes, so that it can undo its own earlier rows; FAIL stops at the
 * failing row and keeps them, which changes nothing here since the error ends the import
 * and its transaction is rolled back whole. Immediate foreign keys need that journal too:
 * `importFile` turns them off around its own transaction (inside a caller's transaction
 * they stay on, and so does the journal). Measured as above, 8 rows a statement: 1.75
 * CPU-s with the journal, 1.47 without.
 */
export class RecordInserter<C extends string> {
  private readonly many: Statement
  private readonly one: Statement
  private readonly manyParams: RecordCell[]
  private readonly oneParams: RecordCell[]
  /** Values per flat row: RECORD_HEAD, the value columns, warnings_json. */
  readonly width: number

  constructor(db: Db, columns: readonly C[], origin: RecordOrigin) {
    if (!Number.isSafeInteger(origin.importId) || !SOURCE_KINDS.includes(origin.kind)) throw new Error('bad record origin')
    this.width = RECORD_HEAD + columns.length + 1
    // The sheet is bound (free text), once per row; the other two constants are literals.
    const row = `(${origin.importId}, '${origin.kind}', ${new Array<string>(1 + this.width).fill('?').join(', ')})`
    const head = `INSERT OR FAIL INTO records (import_id, kind, source_sheet, source_row, raw_json, ${columns.join(', ')}, warnings_json) VALUES `
    this.many = db.prepare(head + new Array<string>(ROWS_PER_INSERT).fill(row).join(', '))
    this.one = db.prepare(head + row)
    // Parameter arrays reused for every statement, the sheet in front of each row's values.
    this.manyParams = new Array<RecordCell>(ROWS_PER_INSERT * (1 + this.width)).fill(null)
    this.oneParams = new Array<RecordCell>(1 + this.width).fill(null)
    for (let r = 0; r < ROWS_PER_INSERT; r++) this.manyParams[r * (1 + this.width)] = origin.sheet
    this.oneParams[0] = origin.sheet
  }

  /** Inserts every flat row of `rows` (a multiple of `width` values); returns how many. */
  insertFlat(rows: readonly (RecordCell | undefined)[]): number {
    const { manyParams, oneParams, width } = this
    const n = rows.length / width
    let at = 0
    for (let left = n; left >= ROWS_PER_INSERT; left -= ROWS_PER_INSERT) {
      for (let r = 0, p = 1; r < ROWS_PER_INSERT; r++, p++) for (let i = 0; i < width; i++, p++) manyParams[p] = rows[at++] ?? null
      this.many.run(manyParams)
    }
    while (at < rows.length) {
      for (let i = 0; i < width; i++) oneParams[1 + i] = rows[at++] ?? null
      this.one.run(oneParams)
    }
    return n
  }
}
