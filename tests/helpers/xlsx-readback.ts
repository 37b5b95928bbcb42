import ExcelJS from 'exceljs'

/**
 * A workbook as exceljs reads it back, as plain data: sheet names, views, filter, column
 * widths, and per cell its type, value, number format, font, fill and alignment. Two files
 * with the same model read the same in any tool that reads what exceljs reads.
 */
export async function readBack(bytes: Buffer): Promise<unknown> {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(bytes as unknown as ArrayBuffer)
  return {
    title: wb.title,
    creator: wb.creator,
    created: wb.created?.toISOString(),
    modified: wb.modified?.toISOString(),
    sheets: wb.worksheets.map((s) => ({
      name: s.name,
      views: s.views,
      autoFilter: s.autoFilter ?? null,
      widths: s.columns.map((c) => c.width ?? null),
      rowCount: s.rowCount,
      cells: rowsOf(s)
    }))
  }
}

function rowsOf(s: ExcelJS.Worksheet): unknown[] {
  const rows: unknown[] = []
  s.eachRow({ includeEmpty: true }, (row, n) => {
    const cells: unknown[] = []
    row.eachCell({ includeEmpty: true }, (c) => {
      const value = c.value instanceof Date ? { date: c.value.toISOString() } : c.value
      cells.push([c.col, c.type, value, c.numFmt ?? null, c.font ?? null, c.fill ?? null, c.alignment ?? null])
    })
    rows.push([n, cells])
  })
  return rows
}
