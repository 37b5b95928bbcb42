import { evidenceOf, type ProposalDbRow } from '../approve/proposal-query.ts'
import { CorrectionKind } from '../approve/schema.ts'
import { DATE_FIELDS, fieldLabel } from '../records/labels.ts'
import { KIND_LABELS, targetLabel } from './labels.ts'
import { vnDateTime, vnDateValue, vnWallClock } from '../base/vn-format.ts'
import { writeTableXlsx, type XlsxCell } from '../base/xlsx-table-writer.ts'

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
export type ProvenRow = ApprovedRow & { approval_act: number; approver_key_id: string; digest: Buffer }

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

function* changeRows(rows: readonly ProvenRow[], onRow: (done: number) => void): Iterable<XlsxCell[]> {
  for (const [i, r] of rows.entries()) {
    yield [
      i + 1,
      r.id,
      r.national_id,
      r.full_name,
      r.site_name,
      targetLabel(r.target),
      fieldLabel(r.field),
      r.field,
      valueText(r.field, r.old_value),
      valueText(r.field, r.new_value),
      KIND_LABELS[r.kind],
      r.reason,
      evidenceOf(r),
      r.proposed_by_name,
      vnWallClock(r.proposed_at),
      r.decided_by_name,
      vnWallClock(r.decided_at),
      r.comment,
      r.approver_key_id,
      r.approval_act
    ]
    if (i % 500 === 0) onRow(i)
  }
}

function summaryRows(h: BatchHeader, rows: readonly ApprovedRow[]): XlsxCell[][] {
  const count = <K extends string>(key: (r: ApprovedRow) => K) => {
    const m = new Map<K, number>()
    for (const r of rows) m.set(key(r), (m.get(key(r)) ?? 0) + 1)
    return m
  }
  const byKind = count((r) => r.kind)
  return [
    ['Số lô', h.batchNo],
    ['Huyện/quận', h.district.name ? `${h.district.name} (mã ${h.district.code ?? '?'})` : (h.district.code ?? 'Không rõ')],
    ['Tỉnh/thành phố', h.district.province ?? 'Không rõ'],
    ['Thời điểm xuất', vnDateTime(h.createdAt)],
    ['Tổng số điều chỉnh', rows.length],
    ...CorrectionKind.options.map((kind) => [`Theo loại: ${KIND_LABELS[kind]}`, byKind.get(kind) ?? 0]),
    ...[...count((r) => r.field)].sort(([a], [b]) => a.localeCompare(b)).map(([field, n]) => [`Theo trường: ${fieldLabel(field)}`, n]),
    ['Người ký', h.signer.name],
    ['Mã khoá ký (minisign key ID)', h.signer.keyId],
    ['Dấu vân tay khoá công khai (SHA-256)', h.signer.fingerprint],
    ['Khoá công khai (minisign)', h.signer.publicKey],
    ['Khoá gốc của chuỗi xác nhận người phê duyệt (key ID)', h.rootKeyId ?? 'Không có'],
    ['Neo nhật ký kiểm toán (mục số)', h.auditAnchor.seq],
    ['Neo nhật ký kiểm toán (mã băm)', h.auditAnchor.hash],
    ['Phần mềm', `VaxRecon ${h.appVersion}`],
    ['Cách kiểm tra chữ ký', 'minisign -V -p <tệp .pub> -m <tệp lô .xlsx>   hoặc   vaxrecon verify <tệp lô .xlsx> --pubkey <tệp .pub>']
  ]
}

/**
 * The batch as .xlsx bytes: the changes first (what a CSV conversion shows), then the
 * summary. Every data cell is text with the Text format, dates are date-time cells in
 * Vietnam's wall clock (see base/xlsx-table-writer.ts).
 */
export function buildBatchWorkbook(h: BatchHeader, rows: readonly ProvenRow[], onRow: (done: number) => void = () => {}): Promise<Buffer> {
  return writeTableXlsx({ title: `Lô điều chỉnh ${h.batchNo}`, created: new Date(h.createdAt), dateTimeFormat: DATE_TIME_FORMAT }, [
    {
      name: CHANGES_SHEET,
      widths: COLUMNS.map((c) => c.width),
      header: COLUMNS.map((c) => c.header),
      filterHeader: true,
      rows: changeRows(rows, onRow)
    },
    { name: SUMMARY_SHEET, widths: [42, 70], header: ['Mục', 'Giá trị'], rows: summaryRows(h, rows) }
  ])
}
