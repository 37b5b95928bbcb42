import ExcelJS from 'exceljs'
import { openXlsx } from '../../../main/core/import/readers/xlsx.ts'
import type { CellValue } from '../../../main/core/import/readers/types.ts'

/** A workbook's values, sheet by sheet, as exceljs's streaming reader and as ours read them. */
export type Plain = string | number | boolean | { date: number } | null

function fromExceljs(v: ExcelJS.CellValue): Plain {
  if (v === null || v === undefined) return null
  if (v instanceof Date) return { date: v.getTime() }
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((r) => r.text).join('')
    if ('formula' in v || 'sharedFormula' in v) {
      const r = (v as { result?: unknown }).result
      return r === undefined ? null : fromExceljs(r as ExcelJS.CellValue)
    }
    if ('error' in v) return v.error
    if ('text' in v) return fromExceljs((v as { text: ExcelJS.CellValue }).text)
    throw new Error(`unexpected exceljs value ${JSON.stringify(v)}`)
  }
  return v
}

const fromOurs = (v: CellValue): Plain => (v instanceof Date ? { date: v.getTime() } : v)

function trim(cells: Plain[]): Plain[] {
  const out = [...cells]
  while (out.length > 0 && out[out.length - 1] === null) out.pop()
  return out
}

export type SheetDump = Record<string, [number, Plain[]][]>

export async function viaExceljs(path: string): Promise<SheetDump> {
  const out: SheetDump = {}
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    worksheets: 'emit',
    entries: 'ignore'
  })
  for await (const sheet of reader) {
    const rows: [number, Plain[]][] = []
    for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
      const cells: Plain[] = []
      row.eachCell({ includeEmpty: false }, (cell, col) => {
        while (cells.length < col - 1) cells.push(null)
        cells[col - 1] = fromExceljs(cell.value)
      })
      const t = trim(cells)
      if (t.length > 0) rows.push([row.number, t])
    }
    out[(sheet as unknown as { name: string }).name] = rows
  }
  return out
}

export async function viaOurs(path: string): Promise<SheetDump> {
  const src = await openXlsx(path)
  const out: SheetDump = {}
  try {
    for (const s of src.sheets) {
      const rows: [number, Plain[]][] = []
      for await (const batch of src.rows(s.name))
        for (const r of batch) {
          const t = trim(r.cells.map(fromOurs))
          if (t.length > 0) rows.push([r.row, t])
        }
      out[s.name] = rows
    }
  } finally {
    await src.close()
  }
  return out
}

/**
 * The same, through exceljs's whole-workbook reader: its streaming reader decodes each
 * inflated chunk of sharedStrings.xml on its own, so a Vietnamese letter cut between two
 * chunks comes out as U+FFFD ("Ph���m"), which real, large files always hit.
 */
export async function viaExceljsWorkbook(path: string): Promise<SheetDump> {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.readFile(path)
  const out: SheetDump = {}
  wb.eachSheet((sheet) => {
    const rows: [number, Plain[]][] = []
    sheet.eachRow({ includeEmpty: false }, (row) => {
      const cells: Plain[] = []
      row.eachCell({ includeEmpty: false }, (cell, col) => {
        while (cells.length < col - 1) cells.push(null)
        // An empty shared string: '' here, an empty cell in the streaming reader (and ours).
        const v = fromExceljs(cell.value)
        cells[col - 1] = v === '' ? null : v
      })
      const t = trim(cells)
      if (t.length > 0) rows.push([row.number, t])
    })
    out[sheet.name] = rows
  })
  return out
}
