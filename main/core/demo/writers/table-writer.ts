import type ExcelJS from 'exceljs'
import { XlsxFile } from './xlsx.ts'

export interface TableColumn {
  header: string
  width: number
  /** Number format for Date values in this column. */
  dateFormat?: string
}

const HEADER: Partial<ExcelJS.Style> = { font: { bold: true } }
const PLAIN: Partial<ExcelJS.Style> = {}

/**
 * A plain export: one sheet, the header in row 1, one record per row. This is how the
 * population registry and the complaints portal hand out their extracts.
 */
export class TableWriter {
  private readonly xlsx: XlsxFile
  private readonly sheet: ExcelJS.Worksheet
  private readonly dateStyles: (Partial<ExcelJS.Style> | undefined)[]
  private nextRow = 2

  constructor(path: string, sheetName: string, columns: readonly TableColumn[]) {
    this.xlsx = new XlsxFile(path)
    this.sheet = this.xlsx.addSheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] })
    this.sheet.columns = columns.map((c) => ({ width: c.width }))
    // One style object per date column: exceljs caches style ids by object.
    this.dateStyles = columns.map((c) => (c.dateFormat ? { numFmt: c.dateFormat } : undefined))
    const header = this.sheet.getRow(1)
    columns.forEach((c, i) => {
      header.getCell(i + 1).value = c.header
      header.getCell(i + 1).style = HEADER
    })
    header.commit()
  }

  /** Writes one row and returns its Excel row number. */
  write(values: readonly ExcelJS.CellValue[]): number {
    const rowNumber = this.nextRow++
    const row = this.sheet.getRow(rowNumber)
    values.forEach((v, i) => {
      const cell = row.getCell(i + 1)
      cell.value = v
      cell.style = v instanceof Date ? (this.dateStyles[i] ?? PLAIN) : PLAIN
    })
    row.commit()
    return rowNumber
  }

  drain(): Promise<void> {
    return this.xlsx.drain()
  }

  async close(): Promise<void> {
    this.xlsx.commitSheet(this.sheet)
    await this.xlsx.close()
  }
}
