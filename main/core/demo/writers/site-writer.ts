import { join } from 'node:path'
import type ExcelJS from 'exceljs'
import type { AddressParts, SiteRowValues } from '../site-rows.ts'
import { headerRows, type ColumnKey, type SiteLayout } from '../layouts.ts'
import type { Site, World } from '../world.ts'
import { joinName } from '../noise/name.ts'
import { XlsxFile } from './xlsx.ts'

type CellValue = ExcelJS.CellValue
type Style = Partial<ExcelJS.Style>

const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' }
}
const BOLD_CENTER: Style = { font: { bold: true }, alignment: { horizontal: 'center', vertical: 'middle', wrapText: true } }
const TITLE: Style = { font: { bold: true, size: 14 }, alignment: { horizontal: 'center' } }
const CENTER: Style = { alignment: { horizontal: 'center' } }
const ITALIC_CENTER: Style = { font: { italic: true }, alignment: { horizontal: 'center' } }
const HEADER: Style = { font: { bold: true }, border: THIN, alignment: { horizontal: 'center', vertical: 'middle', wrapText: true } }
// Shared style objects: exceljs caches a style id per object, so data cells cost no lookups.
// Date cells need their own object (the id cache ignores the cell's type).
const DATA: Style = { border: THIN }

export interface SiteFileInfo {
  file: string
  siteName: string
  sheet: string
  layout: SiteLayout['id']
  headerFirstRow: number
  headerLastRow: number
  firstDataRow: number
  lastDataRow: number
  dataRows: number
}

/**
 * One site's spreadsheet, laid out like the government forms sites fill in: agency and
 * national motto above, a merged title, the header (one or two rows), one row per dose,
 * then the place-and-date line and the signature block, and a "Ghi chú" sheet.
 */
export class SiteWriter {
  readonly site: Site
  private readonly world: World
  private readonly layout: SiteLayout
  private readonly xlsx: XlsxFile
  private readonly sheet: ExcelJS.Worksheet
  private readonly dateStyle: Style
  private nextRow: number
  private rows = 0

  constructor(outDir: string, site: Site, world: World) {
    this.site = site
    this.world = world
    this.layout = site.layout
    this.xlsx = new XlsxFile(join(outDir, site.file))
    this.dateStyle = { border: THIN, numFmt: this.layout.dateFormat }
    const header = headerRows(this.layout)
    this.sheet = this.xlsx.addSheet(this.layout.sheetName, {
      views: [{ state: 'frozen', ySplit: header.last }],
      pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 }
    })
    this.sheet.columns = this.layout.columns.map((c) => ({ width: c.width }))
    this.nextRow = header.firstData
    this.writeTitle()
    this.writeHeader()
  }

  /** Writes one data row and returns its Excel row number. */
  write(v: SiteRowValues): number {
    const rowNumber = this.nextRow++
    this.rows++
    const row = this.sheet.getRow(rowNumber)
    this.layout.columns.forEach((c, i) => {
      const cell = row.getCell(i + 1)
      const value = this.valueOf(c.key, v)
      if (value instanceof Date) {
        cell.value = value
        cell.style = this.dateStyle
      } else {
        cell.value = value
        cell.style = DATA
      }
    })
    row.commit()
    return rowNumber
  }

  drain(): Promise<void> {
    return this.xlsx.drain()
  }

  async finish(signers: readonly [string, string]): Promise<SiteFileInfo> {
    const header = headerRows(this.layout)
    const lastDataRow = this.nextRow - 1
    let r = this.nextRow
    const n = this.layout.columns.length
    if (this.layout.totalRow) {
      const row = this.sheet.getRow(r++)
      row.getCell(2).value = 'Tổng cộng'
      row.getCell(2).font = { bold: true }
      row.getCell(3).value = `${this.rows.toLocaleString('en-US').replace(/,/g, '.')} mũi tiêm`
      row.commit()
    }
    r++
    this.blocks(r++, [{ from: n - 4, to: n, value: `${this.world.district.name}, ngày 31 tháng 12 năm 2021`, style: ITALIC_CENTER }])
    this.pair(r++, 'Người lập biểu', 'Thủ trưởng đơn vị', BOLD_CENTER)
    this.pair(r++, '(Ký, ghi rõ họ tên)', '(Ký tên, đóng dấu)', ITALIC_CENTER)
    r += 3
    this.pair(r, signers[0], signers[1], BOLD_CENTER)
    this.xlsx.commitSheet(this.sheet)
    this.writeNotes()
    await this.xlsx.close()
    return {
      file: this.site.file,
      siteName: this.site.name,
      sheet: this.layout.sheetName,
      layout: this.layout.id,
      headerFirstRow: header.first,
      headerLastRow: header.last,
      firstDataRow: header.firstData,
      lastDataRow,
      dataRows: this.rows
    }
  }

  private valueOf(key: ColumnKey, v: SiteRowValues): CellValue {
    switch (key) {
      case 'stt':
        return this.rows
      case 'full_name':
        return joinName(v.name)
      case 'family_name':
        return v.name.family
      case 'given_name':
        return v.name.given
      case 'dob':
        return v.dob.value
      case 'gender':
        return v.gender === null ? null : this.layout.genderWords[v.gender === 'M' ? 0 : 1]
      case 'national_id':
        return v.id
      case 'phone':
        return v.phone
      case 'address':
        return v.address && addressText(v.address, this.layout.localAddress)
      case 'address_line':
        return v.address?.line ?? null
      case 'address_ward':
        return v.address?.ward ?? null
      case 'address_district':
        return v.address?.district ?? null
      case 'address_province':
        return v.address?.province ?? null
      case 'dose_number':
        return this.layout.doseAsText ? `Mũi ${v.doseNumber}` : v.doseNumber
      case 'dose_date':
        return v.doseDate.value
      case 'vaccine':
        return v.vaccine
      case 'lot':
        return v.lot
      case 'site_name':
        return v.siteName
      case 'priority_group':
        return v.priorityGroup
      case 'note':
        return v.note === '' ? null : v.note
    }
  }

  private writeTitle(): void {
    const n = this.layout.columns.length
    const { province, district } = this.world
    const station = this.site.wardCode !== null
    const superior = station ? `Trung tâm Y tế ${district.name_with_type}` : `Sở Y tế ${province.name_with_type}`
    this.pair(1, superior.toUpperCase(), 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', CENTER, BOLD_CENTER)
    this.pair(2, this.site.name.toUpperCase(), 'Độc lập - Tự do - Hạnh phúc', BOLD_CENTER, BOLD_CENTER)
    this.blocks(4, [{ from: 1, to: n, value: 'DANH SÁCH NGƯỜI ĐƯỢC TIÊM VẮC XIN PHÒNG COVID-19', style: TITLE }])
    this.blocks(5, [{ from: 1, to: n, value: `Điểm tiêm: ${this.site.name}`, style: CENTER }])
    if (this.layout.titleRows >= 6)
      this.blocks(6, [{ from: 1, to: n, value: '(Từ ngày 08/03/2021 đến ngày 31/12/2021)', style: ITALIC_CENTER }])
  }

  private writeHeader(): void {
    const { first } = headerRows(this.layout)
    const cols = this.layout.columns
    const top = this.sheet.getRow(first)
    if (!this.layout.twoRowHeader) {
      cols.forEach((c, i) => {
        top.getCell(i + 1).value = c.header
        top.getCell(i + 1).style = HEADER
      })
      top.height = 32
      top.commit()
      return
    }
    const sub = this.sheet.getRow(first + 1)
    cols.forEach((c, i) => {
      const x = i + 1
      top.getCell(x).style = HEADER
      sub.getCell(x).style = HEADER
      if (c.group) {
        sub.getCell(x).value = c.header
        if (cols[i - 1]?.group !== c.group) {
          top.getCell(x).value = c.group
          let last = i
          while (cols[last + 1]?.group === c.group) last++
          this.sheet.mergeCells(first, x, first, last + 1)
        }
      } else {
        top.getCell(x).value = c.header
        this.sheet.mergeCells(first, x, first + 1, x)
      }
    })
    top.commit()
    sub.commit()
  }

  /** Merged blocks of text in one row (a row can be committed only once). */
  private blocks(rowNumber: number, blocks: readonly { from: number; to: number; value: string; style: Style }[]): void {
    const row = this.sheet.getRow(rowNumber)
    for (const b of blocks) {
      row.getCell(b.from).value = b.value
      row.getCell(b.from).style = b.style
      if (b.to > b.from) this.sheet.mergeCells(rowNumber, b.from, rowNumber, b.to)
    }
    row.commit()
  }

  /** The left and right blocks of a title or signature row. */
  private pair(rowNumber: number, left: string, right: string, leftStyle: Style, rightStyle = leftStyle): void {
    const n = this.layout.columns.length
    this.blocks(rowNumber, [
      { from: 1, to: 4, value: left, style: leftStyle },
      { from: n - 4, to: n, value: right, style: rightStyle }
    ])
  }

  private writeNotes(): void {
    const notes = this.xlsx.addSheet('Ghi chú')
    notes.columns = [{ width: 100 }]
    const lines = [
      'Ghi chú',
      '1. Mỗi dòng là một mũi tiêm; người tiêm nhiều mũi có nhiều dòng.',
      '2. Ngày tháng ghi theo định dạng ngày/tháng/năm.',
      '3. Dữ liệu tổng hợp từ sổ tiêm chủng của điểm tiêm, chưa đối chiếu với Cơ sở dữ liệu quốc gia về dân cư.',
      ...(this.layout.columns.some((c) => c.key === 'priority_group') ? ['4. Đối tượng ưu tiên theo Nghị quyết 21/NQ-CP.'] : []),
      '',
      'Dữ liệu mẫu do VaxRecon tạo ra để thử nghiệm, không phải dữ liệu thật. / Synthetic demo data made by VaxRecon.'
    ]
    lines.forEach((line, i) => {
      const row = notes.getRow(i + 1)
      row.getCell(1).value = line
      if (i === 0) row.getCell(1).font = { bold: true }
      row.commit()
    })
    this.xlsx.commitSheet(notes)
  }
}

function addressText(a: AddressParts, local: boolean): string {
  return local && a.local ? `${a.line}, ${a.ward}` : `${a.line}, ${a.ward}, ${a.district}, ${a.province}`
}
