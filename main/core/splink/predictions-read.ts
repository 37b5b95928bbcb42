import { existsSync } from 'node:fs'
import { extname } from 'node:path'
import { VaxError } from '../base/errors.ts'
import { literal, openDuckDb } from './duckdb.ts'

/** One row of Splink's predictions, as read: ids as in the export (records.id), gammas by comparison. */
export interface Prediction {
  /** 1-based data row, for messages. */
  row: number
  idL: number
  idR: number
  weight: number
  gammas: Map<string, number>
}

const shape = (detail: { vi: string; en: string }): VaxError =>
  new VaxError('PREDICTIONS_SHAPE', {
    vi: `Tệp dự đoán không đúng định dạng đầu ra của Splink: ${detail.vi}`,
    en: `The predictions file is not in Splink's output shape: ${detail.en}`
  })

/**
 * Reads a predictions file (Parquet, or CSV with a header row) in Splink's output shape:
 * unique_id_l, unique_id_r, match_weight or match_probability, and gamma_<comparison>
 * columns when Splink kept them. Only the shape is checked here; ids against the workspace
 * in predictions-import.ts.
 */
export async function readPredictions(path: string): Promise<{ rows: Prediction[]; gammaColumns: string[] }> {
  if (!existsSync(path))
    throw new VaxError('PREDICTIONS_NOT_FOUND', { vi: 'Không tìm thấy tệp dự đoán.', en: 'The predictions file does not exist.' })
  const ext = extname(path).toLowerCase()
  if (ext !== '.parquet' && ext !== '.csv')
    throw shape({ vi: 'tệp phải có đuôi .parquet hoặc .csv.', en: 'the file must end in .parquet or .csv.' })
  const con = await openDuckDb()
  try {
    const source = ext === '.parquet' ? `read_parquet(${literal(path)})` : `read_csv(${literal(path)}, header = true)`
    let names: string[]
    try {
      const d = await con.runAndReadAll(`DESCRIBE SELECT * FROM ${source}`)
      names = (d.getRowObjectsJS() as { column_name: string }[]).map((r) => r.column_name)
    } catch {
      throw shape({ vi: 'DuckDB không đọc được tệp.', en: 'DuckDB cannot read the file.' })
    }
    for (const c of ['unique_id_l', 'unique_id_r']) {
      if (!names.includes(c)) throw shape({ vi: `thiếu cột ${c}.`, en: `the column ${c} is missing.` })
    }
    // A probability of exactly 1 (a weight above about 53 bits, which a double cannot tell
    // from certainty) reads as 53 bits, the most it can say, rather than as invalid.
    const p = 'TRY_CAST("match_probability" AS DOUBLE)'
    const weightSql = names.includes('match_weight')
      ? 'TRY_CAST("match_weight" AS DOUBLE)'
      : names.includes('match_probability')
        ? `log2(${p} / greatest(1 - ${p}, pow(2, -53)))`
        : null
    if (!weightSql)
      throw shape({ vi: 'cần cột match_weight hoặc match_probability.', en: 'a match_weight or match_probability column is needed.' })
    const gammaColumns = names.filter((n) => n.startsWith('gamma_'))
    const select = [
      'TRY_CAST("unique_id_l" AS BIGINT)',
      'TRY_CAST("unique_id_r" AS BIGINT)',
      weightSql,
      ...gammaColumns.map((g) => `TRY_CAST("${g}" AS INTEGER)`)
    ]
    const read = await con.runAndReadAll(`SELECT ${select.join(', ')} FROM ${source}`)
    const rows: Prediction[] = []
    for (const [i, v] of (read.getRowsJS() as unknown[][]).entries()) {
      const [l, r, w] = v
      const bad = (what: string): VaxError =>
        shape({ vi: `dòng ${i + 1}: ${what} không hợp lệ.`, en: `row ${i + 1}: the ${what} is not valid.` })
      if (typeof l !== 'bigint' || typeof r !== 'bigint') throw bad('unique_id')
      if (typeof w !== 'number' || !Number.isFinite(w)) throw bad('match weight')
      const gammas = new Map<string, number>()
      gammaColumns.forEach((g, k) => {
        const x = v[3 + k]
        if (typeof x !== 'number') throw bad(g)
        gammas.set(g.slice('gamma_'.length), x)
      })
      rows.push({ row: i + 1, idL: Number(l), idR: Number(r), weight: w, gammas })
    }
    return { rows, gammaColumns }
  } finally {
    con.closeSync()
  }
}
