import { createWriteStream } from 'node:fs'
import { once } from 'node:events'
import { resolve } from 'node:path'
import { csvLine } from '../core/import/rows.ts'
import { UsageError, type CliIo } from './command.ts'

export type TableFormat = 'csv' | 'json'

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
}): Promise<void> {
  const file = opts.out ? createWriteStream(resolve(opts.out)) : null
  const write = async (s: string): Promise<void> => {
    if (!file) return opts.io.out(s)
    if (!file.write(s)) await once(file, 'drain')
  }
  try {
    if (opts.format === 'csv') {
      await write(csvLine(opts.columns))
      for (const r of opts.rows) await write(csvLine(opts.cells(r)))
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
