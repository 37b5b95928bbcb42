import type ExcelJS from 'exceljs'
import { VN_OFFSET_MS } from '../base/clock.ts'
import { setText } from '../base/safe-cell.ts'
import { vnDateTime } from '../base/vn-format.ts'
import { writeXlsx, type XlsxWriter } from '../base/xlsx-writer.ts'
import type { DayRow, ReportFile, UnitRow } from './report-file.ts'
import {
  BATCHES_SHEET,
  DAY_COLUMNS,
  DAY_KEY_HEADERS,
  DAYS_SHEET,
  KIND_LABEL,
  SOURCES_SHEET,
  SUMMARY_KEYS,
  SUMMARY_SHEET,
  UNIT_COLUMNS,
  UNIT_KEY_HEADERS,
  UNITS_SHEET,
  type SummaryKey
} from './report-layout.ts'

function bold(row: ExcelJS.Row): void {
  row.eachCell((c) => {
    c.font = { bold: true }
  })
}

function header(ws: ExcelJS.Worksheet, labels: readonly string[]): void {
  const row = ws.getRow(1)
  labels.forEach((h, i) => setText(row.getCell(i + 1), h))
  row.eachCell((c) => {
    c.alignment = { wrapText: true, vertical: 'middle' }
  })
  bold(row)
  row.commit()
}

/** An instant as Vietnam's wall clock with its offset, e.g. 2022-01-03T12:00:00+07:00: readable and exact. */
export function vnIsoInstant(iso: string): string {
  return `${new Date(Date.parse(iso) + VN_OFFSET_MS).toISOString().slice(0, 19)}+07:00`
}

function summarySheet(wb: XlsxWriter, r: ReportFile): void {
  const ws = wb.addWorksheet(SUMMARY_SHEET)
  ws.columns = [{ width: 16 }, { width: 44 }, { width: 60 }]
  header(ws, ['Mã mục', 'Nội dung', 'Giá trị'])
  const values: Record<SummaryKey, string> = {
    format: r.format,
    level: r.level,
    district_code: r.districtCode ?? '',
    district_name: r.districtName ?? '',
    province_code: r.provinceCode ?? '',
    province_name: r.provinceName ?? '',
    period_from: r.from,
    period_to: r.to,
    generated_at: vnIsoInstant(r.generatedAt),
    signer: r.signer?.name ?? '',
    key_id: r.signer?.keyId ?? '',
    fingerprint: r.signer?.fingerprint ?? '',
    app_version: r.appVersion,
    districts: r.level === 'province' ? String(r.sources.length) : ''
  }
  ;(Object.keys(SUMMARY_KEYS) as SummaryKey[]).forEach((k, i) => {
    const row = ws.getRow(i + 2)
    setText(row.getCell(1), k)
    setText(row.getCell(2), SUMMARY_KEYS[k])
    setText(row.getCell(3), values[k])
    row.commit()
  })
  const note = ws.getRow(Object.keys(SUMMARY_KEYS).length + 3)
  setText(
    note.getCell(2),
    `Lập lúc ${vnDateTime(r.generatedAt)}. Trang "${UNITS_SHEET[r.level]}": hiện trạng lúc lập; trang "${DAYS_SHEET}": số liệu từng ngày trong kỳ (ngày tính theo giờ Việt Nam).`
  )
  note.commit()
  ws.commit()
}

function keyCells(row: ExcelJS.Row, first: number, u: Pick<UnitRow, 'kind' | 'code' | 'name'>): void {
  setText(row.getCell(first), KIND_LABEL[u.kind])
  setText(row.getCell(first + 1), u.code)
  setText(row.getCell(first + 2), u.name)
}

function unitsSheet(wb: XlsxWriter, r: ReportFile): void {
  const ws = wb.addWorksheet(UNITS_SHEET[r.level], { views: [{ state: 'frozen', ySplit: 1, xSplit: 3 }] })
  ws.columns = [{ width: 10 }, { width: 9 }, { width: 34 }, ...UNIT_COLUMNS.map((c) => ({ width: c.width }))]
  header(ws, [...UNIT_KEY_HEADERS, ...UNIT_COLUMNS.map((c) => c.header)])
  r.units.forEach((u, i) => {
    const row = ws.getRow(i + 2)
    keyCells(row, 1, u)
    UNIT_COLUMNS.forEach((c, j) => {
      const cell = row.getCell(UNIT_KEY_HEADERS.length + j + 1)
      if (c.key === 'linkedShare') {
        cell.value = u.counts.records > 0 ? u.counts.linked / u.counts.records : null
        cell.numFmt = '0.0%'
      } else cell.value = u.counts[c.key]
    })
    if (u.kind === r.level) bold(row)
    row.commit()
  })
  ws.commit()
}

function daysSheet(wb: XlsxWriter, r: ReportFile): void {
  const ws = wb.addWorksheet(DAYS_SHEET, { views: [{ state: 'frozen', ySplit: 1, xSplit: 4 }] })
  ws.columns = [{ width: 11 }, { width: 10 }, { width: 9 }, { width: 34 }, ...DAY_COLUMNS.map(() => ({ width: 13 }))]
  header(ws, [...DAY_KEY_HEADERS, ...DAY_COLUMNS.map((c) => c.header)])
  r.days.forEach((d: DayRow, i) => {
    const row = ws.getRow(i + 2)
    setText(row.getCell(1), d.date)
    keyCells(row, 2, d)
    DAY_COLUMNS.forEach((c, j) => {
      row.getCell(DAY_KEY_HEADERS.length + j + 1).value = d.counts[c.key]
    })
    if (d.kind === r.level) bold(row)
    row.commit()
  })
  ws.commit()
}

function batchesSheet(wb: XlsxWriter, r: ReportFile): void {
  const ws = wb.addWorksheet(BATCHES_SHEET)
  ws.columns = [{ width: 22 }, { width: 17 }, { width: 12 }, { width: 22 }, { width: 66 }]
  header(ws, ['Số lô', 'Thời điểm xuất', 'Số điều chỉnh', 'Người ký', 'Mã băm SHA-256 của tệp'])
  r.batches.forEach((b, i) => {
    const row = ws.getRow(i + 2)
    setText(row.getCell(1), b.batchNo)
    setText(row.getCell(2), vnDateTime(b.createdAt))
    row.getCell(3).value = b.corrections
    setText(row.getCell(4), b.signer)
    setText(row.getCell(5), b.sha256)
    row.commit()
  })
  ws.commit()
}

function sourcesSheet(wb: XlsxWriter, r: ReportFile): void {
  const ws = wb.addWorksheet(SOURCES_SHEET)
  ws.columns = [{ width: 9 }, { width: 30 }, { width: 22 }, { width: 18 }, { width: 66 }, { width: 40 }]
  header(ws, ['Mã huyện', 'Tên huyện', 'Người ký', 'Mã khoá ký', 'Mã băm SHA-256 của tệp', 'Tệp'])
  r.sources.forEach((s, i) => {
    const row = ws.getRow(i + 2)
    ;[s.districtCode, s.districtName, s.signer, s.keyId, s.sha256, s.file].forEach((v, j) => setText(row.getCell(j + 1), v))
    row.commit()
  })
  ws.commit()
}

/** The report as .xlsx bytes, in the layout of report-layout.ts. */
export function buildReportWorkbook(r: ReportFile): Promise<Buffer> {
  const title = r.level === 'district' ? 'Báo cáo tiến độ đối soát cấp huyện' : 'Báo cáo tiến độ đối soát cấp tỉnh'
  return writeXlsx({ title, created: new Date(r.generatedAt) }, (wb) => {
    summarySheet(wb, r)
    unitsSheet(wb, r)
    daysSheet(wb, r)
    if (r.level === 'district') batchesSheet(wb, r)
    else sourcesSheet(wb, r)
  })
}
