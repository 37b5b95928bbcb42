import { renameSync, rmSync } from 'node:fs'
import { extname } from 'node:path'
import { VaxError } from '../base/errors.ts'
import { prepare } from '../link/prepare.ts'
import type { RecordKind } from '../records/record-columns.ts'
import { splinkExportRows } from '../records/splink-reads.ts'
import type { Db } from '../workspace/workspace.ts'
import { literal, loadRecords, openDuckDb } from './duckdb.ts'
import { exportRow, type ExportRow } from './record-columns.ts'

export type ExportKind = 'site' | 'registry'
export type ExportFormat = 'parquet' | 'csv'

/**
 * The records of one side of the link model. The site side holds what VaxRecon links to
 * the registry: site rows and complaints (record_kind tells them apart), so Splink's term
 * frequencies are computed over the same records as VaxRecon's.
 */
const KINDS: Record<ExportKind, readonly RecordKind[]> = { site: ['site', 'complaint'], registry: ['registry'] }

/** Every record of one side, as the export writes it. */
export function* exportRows(db: Db, kind: ExportKind): Generator<ExportRow> {
  for (const r of splinkExportRows(db, KINDS[kind])) {
    yield exportRow(prepare(r), {
      sourceDataset: kind,
      sourceFile: r.file_name,
      sourceSheet: r.source_sheet,
      sourceRow: r.source_row,
      fullName: r.full_name
    })
  }
}

export function formatOf(path: string): ExportFormat {
  const ext = extname(path).toLowerCase()
  if (ext === '.parquet') return 'parquet'
  if (ext === '.csv') return 'csv'
  throw new VaxError('EXPORT_FORMAT', {
    vi: 'Tệp xuất phải có đuôi .parquet hoặc .csv.',
    en: 'The output file must end in .parquet or .csv.'
  })
}

/**
 * Writes the records of one side to Parquet or CSV (UTF-8, header row) with DuckDB. The
 * file appears complete or not at all: it is written beside and renamed.
 */
export async function exportRecords(db: Db, kind: ExportKind, out: string): Promise<{ rows: number; format: ExportFormat }> {
  const format = formatOf(out)
  const con = await openDuckDb()
  const tmp = `${out}.partial`
  try {
    const rows = await loadRecords(con, 'records', exportRows(db, kind))
    const options = format === 'parquet' ? '(FORMAT parquet, COMPRESSION zstd)' : '(FORMAT csv, HEADER true)'
    await con.run(`COPY records TO ${literal(tmp)} ${options}`)
    renameSync(tmp, out)
    return { rows, format }
  } catch (err) {
    rmSync(tmp, { force: true })
    throw err
  } finally {
    con.closeSync()
  }
}
