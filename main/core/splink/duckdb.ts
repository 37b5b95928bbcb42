import type { DuckDBConnection } from '@duckdb/node-api'
import { VaxError } from '../base/errors.ts'
import { RECORD_COLUMNS, type ExportRow } from './record-columns.ts'

/**
 * DuckDB for the Splink interchange, loaded only when asked: it is a development
 * dependency (the CLI and the tests use it; the desktop app does not ship it).
 */
export async function openDuckDb(): Promise<DuckDBConnection> {
  let mod: typeof import('@duckdb/node-api')
  try {
    mod = await import('@duckdb/node-api')
  } catch {
    throw new VaxError('DUCKDB_MISSING', {
      vi: 'Thiếu DuckDB (@duckdb/node-api): hãy chạy "npm install" trong thư mục VaxRecon.',
      en: 'DuckDB (@duckdb/node-api) is not installed: run "npm install" in the VaxRecon folder.'
    })
  }
  const instance = await mod.DuckDBInstance.create(':memory:')
  return instance.connect()
}

/** A string as a SQL literal. */
export const literal = (s: string): string => `'${s.replaceAll("'", "''")}'`

/** Creates `table` with the export's columns and appends the rows. */
export async function loadRecords(con: DuckDBConnection, table: string, rows: Iterable<ExportRow>): Promise<number> {
  await con.run(`CREATE OR REPLACE TABLE ${table} (${RECORD_COLUMNS.map(([c, t]) => `"${c}" ${t}`).join(', ')})`)
  const app = await con.createAppender(table)
  let n = 0
  for (const row of rows) {
    for (const [c, t] of RECORD_COLUMNS) {
      const v = row[c]
      if (v === null) app.appendNull()
      else if (t === 'BOOLEAN') app.appendBoolean(v as boolean)
      else if (t === 'INTEGER') app.appendInteger(v as number)
      else if (t === 'BIGINT') app.appendBigInt(BigInt(v as number))
      else app.appendVarchar(v as string)
    }
    app.endRow()
    n++
  }
  app.closeSync()
  return n
}
