import { createWriteStream } from 'node:fs'
import { once } from 'node:events'
import { resolve } from 'node:path'
import { csvLine } from '../core/import/rows.ts'
import { UsageError, type CliIo } from './command.ts'

export type TableFormat = 'csv' | 'json'

/** What `--help` says about CSV cells, for every command that writes them. */
export const CSV_SAFETY_HELP =
  "CSV cells starting with = + - @, a tab or a carriage return get a leading ' so a spreadsheet shows them as text instead of running them (OWASP CSV injection); --raw writes them as they are."

const FORMULA_LEAD = /^[=+\-@\t\r]/

/**
 * OWASP's advice against CSV injection: a text cell a spreadsheet would read as a formula
 * gets a leading single quote. Numbers are left alone (-3.2 is a weight, not a formula).
 */
export function neutralizeCell(v: string | number | null): string | number | null {
  return typeof v === 'string' && FORMULA_LEAD.test(v) ? `'${v}` : v
}

export function parseFormat(value: string | undefined): TableFormat {
  if (value !== 'csv' && value !== 'json') throw new UsageError('--format must be csv or json')
  return value
}

/**
 * Writes rows as CSV (the header first) or as a JSON array of objects, to `out` or to
 * stdout. Rows are streamed, waiting for the file to drain, so a million rows never sit
 * in memory at once.
 */
export async function writeTable<R extends object>(opts: {
  format: TableFormat
  out: string | undefined
  io: CliIo
  columns: readonly string[]
  rows: Iterable<R>
  /** The CSV cells of one row, in column order. */
  cells(row: R): readonly (string | number | null)[]
  /** Write CSV cells exactly as stored, formula-leading ones included. */
  raw?: boolean
}): Promise<void> {
  const file = opts.out ? createWriteStream(resolve(opts.out)) : null
  const write = async (s: string): Promise<void> => {
    if (!file) return opts.io.out(s)
    if (!file.write(s)) await once(file, 'drain')
  }
  try {
    if (opts.format === 'csv') {
      await write(csvLine(opts.columns))
      const cells = opts.raw ? opts.cells : (r: R) => opts.cells(r).map(neutralizeCell)
      for (const r of opts.rows) await write(csvLine(cells(r)))
    } else {
      await write('[')
      let first = true
      for (const r of opts.rows) {
        await write((first ? '\n' : ',\n') + JSON.stringify(r))
        first = false
      }
      await write('\n]\n')
    }
  } finally {
    if (file) await new Promise<void>((res, rej) => file.end((err?: Error | null) => (err ? rej(err) : res())))
  }
}
