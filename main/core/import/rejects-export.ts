import ExcelJS from 'exceljs'
import { VaxError } from '../base/errors.ts'
import type { Workspace } from '../workspace/workspace.ts'
import { columnLetter } from '../base/column-letter.ts'
import type { RawValue } from './raw.ts'

interface ImportRow {
  id: number
  file_name: string
  headers_json: string
}

/**
 * Writes an import's rejected rows to an .xlsx the clerk sends back to the site: the
 * Excel row number, the reason in Vietnamese and English, then the row as it was.
 */
export async function exportRejects(ws: Workspace, importId: number, outPath: string): Promise<{ rows: number }> {
  const imp = ws.db.prepare('SELECT id, file_name, headers_json FROM imports WHERE id = ?').get(importId) as ImportRow | undefined
  if (!imp) {
    throw new VaxError('IMPORT_NOT_FOUND', { vi: `Không có lần nhập #${importId}.`, en: `There is no import #${importId}.` }, { importId })
  }
  const headers = JSON.parse(imp.headers_json) as (string | null)[]
  const widest = ws.db.prepare('SELECT max(json_array_length(raw_json)) AS n FROM rejects WHERE import_id = ?').get(importId) as {
    n: number | null
  }
  while (headers.length < (widest.n ?? 0)) headers.push(null)
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: outPath, useStyles: true, useSharedStrings: false })
  const sheet = wb.addWorksheet('Dong bi loai')
  sheet.columns = [
    { header: 'Dòng / Row', key: 'row', width: 10 },
    { header: 'Trang tính / Sheet', key: 'sheet', width: 16 },
    { header: 'Lý do', key: 'vi', width: 50 },
    { header: 'Reason', key: 'en', width: 50 },
    ...headers.map((h, i) => ({ header: h ?? columnLetter(i), key: `c${i}`, width: Math.min(40, Math.max(12, (h ?? '').length + 2)) }))
  ]
  sheet.getRow(1).font = { bold: true }
  let rows = 0
  const stmt = ws.db.prepare(
    'SELECT source_sheet, source_row, raw_json, reason_vi, reason_en FROM rejects WHERE import_id = ? ORDER BY source_row'
  )
  for (const r of stmt.iterate(importId) as Iterable<{
    source_sheet: string
    source_row: number
    raw_json: string
    reason_vi: string
    reason_en: string
  }>) {
    const raw = JSON.parse(r.raw_json) as RawValue[]
    const values: Record<string, unknown> = { row: r.source_row, sheet: r.source_sheet, vi: r.reason_vi, en: r.reason_en }
    // Cells right of the header (a note typed in column Q) go back too.
    raw.forEach((v, i) => (values[`c${i}`] = v))
    sheet.addRow(values).commit()
    rows++
  }
  sheet.commit()
  await wb.commit()
  return { rows }
}
