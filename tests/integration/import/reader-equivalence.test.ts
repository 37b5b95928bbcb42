import { readdirSync } from 'node:fs'
import ExcelJS from 'exceljs'
import { expect, test } from 'vitest'
import { openXlsx } from '../../../main/core/import/readers/xlsx.ts'
import type { CellValue } from '../../../main/core/import/readers/types.ts'
import { fixture, FIXTURES } from './helpers.ts'

/**
 * Our lean sheet scan must give exactly the values exceljs's own streaming reader gives,
 * on every .xlsx of the corpus (LibreOffice- and exceljs-written, good and bad-but-readable).
 */
type Plain = string | number | boolean | { date: number } | null

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

type SheetDump = Record<string, [number, Plain[]][]>

async function viaExceljs(path: string): Promise<SheetDump> {
  const out: SheetDump = {}
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, { sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'cache', worksheets: 'emit', entries: 'ignore' })
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

async function viaOurs(path: string): Promise<SheetDump> {
  const src = await openXlsx(path)
  const out: SheetDump = {}
  try {
    for (const s of src.sheets) {
      const rows: [number, Plain[]][] = []
      for await (const batch of src.rows(s.name)) for (const r of batch) {
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

const files = [
  ...readdirSync(FIXTURES).filter((f) => f.endsWith('.xlsx')),
  ...readdirSync(fixture('bad')).filter((f) => ['bad-no-header.xlsx', 'bad-garbage-cells.xlsx'].includes(f)).map((f) => `bad/${f}`)
]

test('the corpus has both LibreOffice- and exceljs-written workbooks', () => {
  expect(files.filter((f) => f.startsWith('lo-')).length).toBeGreaterThanOrEqual(4)
  expect(files.length).toBeGreaterThanOrEqual(20)
})

for (const f of files) {
  test(`${f}: same values as exceljs's streaming reader`, async () => {
    const [theirs, ours] = await Promise.all([viaExceljs(fixture(f)), viaOurs(fixture(f))])
    expect(Object.keys(ours).sort()).toEqual(Object.keys(theirs).sort())
    expect(ours).toEqual(theirs)
    // Not vacuous: every workbook has values.
    expect(Object.values(ours).flat().length).toBeGreaterThan(0)
  })
}
