import type ExcelJS from 'exceljs'
import { evidenceOf, type ProposalDbRow } from '../approve/proposal-query.ts'
import { CorrectionKind } from '../approve/schema.ts'
import { DATE_FIELDS, fieldLabel } from '../records/labels.ts'
import { KIND_LABELS, targetLabel } from './labels.ts'
import { setText } from '../base/safe-cell.ts'
import { vnDateTime, vnDateValue, vnWallClock } from '../base/vn-format.ts'
import { writeXlsx, type XlsxWriter } from '../base/xlsx-writer.ts'

export const CHANGES_SHEET = 'Điều chỉnh'
export const SUMMARY_SHEET = 'Tóm tắt'

export interface BatchHeader {
  batchNo: string
  createdAt: string
  district: { code: string | null; name: string | null; province: string | null }
  signer: { name: string; keyId: string; fingerprint: string; publicKey: string }
  auditAnchor: { seq: number; hash: string }
  /** The first supervisor's key id: every approver's key is endorsed along a chain from it. */
  rootKeyId: string | null
  appVersion: string
}

/** An approved correction with its current approval: what one row of the batch says. */
export type ApprovedRow = ProposalDbRow & { decided_by_name: string; decided_at: string }

/** A row that passed the export's check, with what lets the receiving side check its approval too. */
export type ProvenRow = ApprovedRow & { approval_act: number; approver_key_id: string }

const DATE_TIME_FORMAT = 'dd/mm/yyyy hh:mm'

// The receiving side reads these headers, so they are Vietnamese.
const COLUMNS: { header: string; width: number }[] = [
  { header: 'STT', width: 6 },
  { header: 'Mã điều chỉnh', width: 12 },
  { header: 'Số CCCD', width: 16 },
  { header: 'Họ và tên', width: 26 },
  { header: 'Điểm tiêm', width: 24 },
  { header: 'Dữ liệu cần sửa', width: 18 },
  { header: 'Trường', width: 18 },
  { header: 'Mã trường', width: 14 },
  { header: 'Giá trị cũ', width: 26 },
  { header: 'Giá trị mới', width: 26 },
  { header: 'Loại sai lệch', width: 18 },
  { header: 'Lý do', width: 30 },
  { header: 'Bằng chứng (tệp nguồn, dòng)', width: 36 },
  { header: 'Người đề xuất', width: 20 },
  { header: 'Thời điểm đề xuất', width: 17 },
  { header: 'Người phê duyệt', width: 20 },
  { header: 'Thời điểm phê duyệt', width: 17 },
  { header: 'Ý kiến phê duyệt', width: 26 },
  // The approver's minisign key id and the signed decision's number (see the README).
  { header: 'Mã khoá người phê duyệt', width: 19 },
  { header: 'Số quyết định đã ký', width: 12 }
]

const valueText = (field: string, v: string | null) => (v !== null && DATE_FIELDS.has(field) ? vnDateValue(v) : v)

function styleHeader(row: ExcelJS.Row): void {
  row.eachCell((c) => {
    c.font = { bold: true }
    c.alignment = { vertical: 'middle', wrapText: true }
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE3F1EC' } }
  })
  row.commit()
}

function dateCell(cell: ExcelJS.Cell, iso: string): void {
  cell.value = vnWallClock(iso)
  cell.numFmt = DATE_TIME_FORMAT
}

function changesSheet(wb: XlsxWriter, rows: readonly ProvenRow[], onRow: (done: number) => void): void {
  const ws = wb.addWorksheet(CHANGES_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] })
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: COLUMNS.length } }
  ws.columns = COLUMNS.map((c) => ({ width: c.width }))
  styleHeader(ws.addRow(COLUMNS.map((c) => c.header)))
  rows.forEach((r, i) => {
    const row = ws.getRow(i + 2)
    row.getCell(1).value = i + 1
    row.getCell(2).value = r.id
    setText(row.getCell(3), r.national_id)
    setText(row.getCell(4), r.full_name)
    setText(row.getCell(5), r.site_name)
    setText(row.getCell(6), targetLabel(r.target))
    setText(row.getCell(7), fieldLabel(r.field))
    setText(row.getCell(8), r.field)
    setText(row.getCell(9), valueText(r.field, r.old_value))
    setText(row.getCell(10), valueText(r.field, r.new_value))
    setText(row.getCell(11), KIND_LABELS[r.kind])
    setText(row.getCell(12), r.reason)
    setText(row.getCell(13), evidenceOf(r))
    setText(row.getCell(14), r.proposed_by_name)
    dateCell(row.getCell(15), r.proposed_at)
    setText(row.getCell(16), r.decided_by_name)
    dateCell(row.getCell(17), r.decided_at)
    setText(row.getCell(18), r.comment)
    setText(row.getCell(19), r.approver_key_id)
    row.getCell(20).value = r.approval_act
    row.commit()
    if (i % 500 === 0) onRow(i)
  })
  ws.commit()
}

function summarySheet(wb: XlsxWriter, h: BatchHeader, rows: readonly ApprovedRow[]): void {
  const ws = wb.addWorksheet(SUMMARY_SHEET)
  ws.columns = [{ width: 42 }, { width: 70 }]
  styleHeader(ws.addRow(['Mục', 'Giá trị']))
  const add = (label: string, value: string | number) => {
    const row = ws.addRow([])
    setText(row.getCell(1), label)
    if (typeof value === 'number') row.getCell(2).value = value
    else setText(row.getCell(2), value)
    row.commit()
  }
  const count = <K extends string>(key: (r: ApprovedRow) => K) => {
    const m = new Map<K, number>()
    for (const r of rows) m.set(key(r), (m.get(key(r)) ?? 0) + 1)
    return m
  }
  add('Số lô', h.batchNo)
  add('Huyện/quận', h.district.name ? `${h.district.name} (mã ${h.district.code ?? '?'})` : (h.district.code ?? 'Không rõ'))
  add('Tỉnh/thành phố', h.district.province ?? 'Không rõ')
  add('Thời điểm xuất', vnDateTime(h.createdAt))
  add('Tổng số điều chỉnh', rows.length)
  const byKind = count((r) => r.kind)
  for (const kind of CorrectionKind.options) add(`Theo loại: ${KIND_LABELS[kind]}`, byKind.get(kind) ?? 0)
  for (const [field, n] of [...count((r) => r.field)].sort(([a], [b]) => a.localeCompare(b))) add(`Theo trường: ${fieldLabel(field)}`, n)
  add('Người ký', h.signer.name)
  add('Mã khoá ký (minisign key ID)', h.signer.keyId)
  add('Dấu vân tay khoá công khai (SHA-256)', h.signer.fingerprint)
  add('Khoá công khai (minisign)', h.signer.publicKey)
  add('Khoá gốc của chuỗi xác nhận người phê duyệt (key ID)', h.rootKeyId ?? 'Không có')
  add('Neo nhật ký kiểm toán (mục số)', h.auditAnchor.seq)
  add('Neo nhật ký kiểm toán (mã băm)', h.auditAnchor.hash)
  add('Phần mềm', `VaxRecon ${h.appVersion}`)
  add('Cách kiểm tra chữ ký', 'minisign -V -p <tệp .pub> -m <tệp lô .xlsx>   hoặc   vaxrecon verify <tệp lô .xlsx> --pubkey <tệp .pub>')
  ws.commit()
}

/** The batch as .xlsx bytes: the changes first (what a CSV conversion shows), then the summary. */
export function buildBatchWorkbook(h: BatchHeader, rows: readonly ProvenRow[], onRow: (done: number) => void = () => {}): Promise<Buffer> {
  return writeXlsx({ title: `Lô điều chỉnh ${h.batchNo}`, created: new Date(h.createdAt) }, (wb) => {
    changesSheet(wb, rows, onRow)
    summarySheet(wb, h, rows)
  })
}
