import type ExcelJS from 'exceljs'
import { setText } from '../export/safe-cell.ts'
import { vnDateTime } from '../export/vn-format.ts'
import { writeXlsx, type XlsxWriter } from '../export/xlsx-writer.ts'
import { APP_VERSION } from '../version.ts'
import type { ProgressReport, SiteProgress } from './schema.ts'

export const REPORT_SHEET = 'Theo điểm tiêm'
export const BATCHES_SHEET = 'Lô đã xuất'
export const UNKNOWN_SITE = 'Không rõ điểm tiêm'
export const DISTRICT_TOTAL = 'Toàn huyện'

/** Column header and the figure under it; the linked share is computed, the rest are counts. */
const COLUMNS: { header: string; width: number; value: (s: SiteProgress) => number | null; percent?: true }[] = [
  { header: 'Bản ghi đã nhập', width: 12, value: (s) => s.records },
  { header: 'Đã liên kết', width: 11, value: (s) => s.linked },
  { header: 'Chờ đối soát liên kết', width: 13, value: (s) => s.inReview },
  { header: 'Tỷ lệ liên kết', width: 10, value: (s) => (s.records > 0 ? s.linked / s.records : null), percent: true },
  { header: 'Điều chỉnh đã đề xuất', width: 12, value: (s) => s.proposed },
  { header: 'Chờ phê duyệt', width: 11, value: (s) => s.awaiting },
  { header: 'Đã phê duyệt', width: 11, value: (s) => s.approved },
  { header: 'Bị từ chối', width: 10, value: (s) => s.rejected },
  { header: 'Đã xuất lô', width: 10, value: (s) => s.exported },
  { header: 'Mũi tiêm trùng lặp', width: 11, value: (s) => s.duplicateDoses },
  { header: 'Khiếu nại', width: 10, value: (s) => s.complaints },
  { header: 'Giải quyết trong 48 giờ', width: 12, value: (s) => s.complaintsInTime },
  { header: 'Giải quyết quá 48 giờ', width: 12, value: (s) => s.complaintsLate },
  { header: 'Quá hạn chưa giải quyết', width: 12, value: (s) => s.complaintsOverdue },
  { header: 'Đang trong hạn', width: 11, value: (s) => s.complaintsOpen }
]

function bold(row: ExcelJS.Row): void {
  row.eachCell((c) => {
    c.font = { bold: true }
  })
}

function progressSheet(wb: XlsxWriter, r: ProgressReport): void {
  const ws = wb.addWorksheet(REPORT_SHEET, { views: [{ state: 'frozen', ySplit: 4, xSplit: 1 }] })
  ws.columns = [{ width: 34 }, ...COLUMNS.map((c) => ({ width: c.width }))]
  const title = ws.getRow(1)
  setText(title.getCell(1), 'BÁO CÁO TIẾN ĐỘ ĐỐI SOÁT DỮ LIỆU TIÊM CHỦNG COVID-19')
  bold(title)
  const place = [r.district.name ?? r.district.code ?? 'Không rõ huyện', r.district.province].filter((x) => x).join(', ')
  setText(ws.getRow(2).getCell(1), `Đơn vị: ${place}`)
  setText(ws.getRow(3).getCell(1), `Thời điểm lập: ${vnDateTime(r.generatedAt)} (VaxRecon ${APP_VERSION})`)
  const header = ws.getRow(4)
  setText(header.getCell(1), 'Điểm tiêm')
  COLUMNS.forEach((c, i) => setText(header.getCell(i + 2), c.header))
  header.eachCell((c) => {
    c.alignment = { wrapText: true, vertical: 'middle' }
  })
  bold(header)
  const line = (row: ExcelJS.Row, label: string, s: SiteProgress) => {
    setText(row.getCell(1), label)
    COLUMNS.forEach((c, i) => {
      const cell = row.getCell(i + 2)
      cell.value = c.value(s)
      if (c.percent) cell.numFmt = '0.0%'
    })
  }
  r.sites.forEach((s, i) => line(ws.getRow(5 + i), s.site === '' ? UNKNOWN_SITE : s.site, s))
  const total = ws.getRow(5 + r.sites.length)
  line(total, DISTRICT_TOTAL, r.total)
  bold(total)
  ws.commit()
}

function batchesSheet(wb: XlsxWriter, r: ProgressReport): void {
  const ws = wb.addWorksheet(BATCHES_SHEET)
  ws.columns = [{ width: 22 }, { width: 17 }, { width: 12 }, { width: 22 }, { width: 66 }]
  const header = ws.addRow([])
  ;['Số lô', 'Thời điểm xuất', 'Số điều chỉnh', 'Người ký', 'Mã băm SHA-256 của tệp'].forEach((h, i) => setText(header.getCell(i + 1), h))
  bold(header)
  for (const b of r.batches) {
    const row = ws.addRow([])
    setText(row.getCell(1), b.batchNo)
    setText(row.getCell(2), vnDateTime(b.createdAt))
    row.getCell(3).value = b.corrections
    setText(row.getCell(4), b.signer)
    setText(row.getCell(5), b.sha256)
  }
  ws.commit()
}

/** The report as .xlsx bytes: per-site progress with the district total, then the batches sent. */
export function buildReportWorkbook(r: ProgressReport): Promise<Buffer> {
  return writeXlsx({ title: 'Báo cáo tiến độ đối soát', created: new Date(r.generatedAt) }, (wb) => {
    progressSheet(wb, r)
    batchesSheet(wb, r)
  })
}
