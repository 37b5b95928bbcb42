/**
 * A cell as every reader hands it on: text, a number, a boolean, a date (a date-formatted
 * number cell, as an exact UTC instant) or nothing. Formula cells give their cached result.
 */
export type CellValue = string | number | boolean | Date | null

/** One spreadsheet row: `cells[0]` is column A; `row` is the number Excel shows (or the CSV line). */
export interface SheetRow {
  row: number
  cells: CellValue[]
}

export interface SheetInfo {
  name: string
  /** Hidden sheets are listed but never chosen by default. */
  hidden: boolean
}

/** A spreadsheet opened for streaming: its sheets, and their rows one batch at a time. */
export interface SpreadsheetSource {
  format: 'xlsx' | 'csv'
  /** An .xlsx's shared-string table, handed to the reading thread so it is not read twice. */
  sharedStrings?: (string | null)[]
  sheets: SheetInfo[]
  /** Rows in order, in batches; stops early when the consumer breaks out. */
  rows(sheet: string): AsyncGenerator<SheetRow[]>
  /** Bytes read so far out of the total, for progress before the row count is known. */
  progress(): { done: number; total: number }
  close(): Promise<void>
}

export interface OpenOptions {
  /** The shared strings of this same .xlsx, already read (by the thread that inspected it). */
  sharedStrings?: (string | null)[]
}
