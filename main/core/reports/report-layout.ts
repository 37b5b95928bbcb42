import type { Counts, Level, RowKind } from './report-file.ts'
import type { DayCounts } from './schema.ts'

/**
 * The report file's layout: sheet names, column headers in order, the summary's keys.
 * A contract with the provinces' programs (README "Report file layout"): add columns at
 * the end only, never rename or reorder.
 */
export const SUMMARY_SHEET = 'Tổng hợp'
export const UNITS_SHEET: Record<Level, string> = { district: 'Theo điểm tiêm', province: 'Theo huyện' }
export const DAYS_SHEET = 'Theo ngày'
export const BATCHES_SHEET = 'Lô đã xuất'
export const SOURCES_SHEET = 'Báo cáo huyện đã gộp'

export const KIND_LABEL: Record<RowKind, string> = { site: 'Điểm tiêm', district: 'Huyện', province: 'Tỉnh' }

/** The first columns of the unit and day sheets, before the counts. */
export const UNIT_KEY_HEADERS = ['Cấp', 'Mã huyện', 'Tên'] as const
export const DAY_KEY_HEADERS = ['Ngày', 'Cấp', 'Mã huyện', 'Tên'] as const

/** Counts, plus the linked share (computed, never read back). */
export const UNIT_COLUMNS: (
  { key: keyof Counts; header: string; width: number } | { key: 'linkedShare'; header: string; width: number }
)[] = [
  { key: 'records', header: 'Bản ghi đã nhập', width: 12 },
  { key: 'linked', header: 'Đã liên kết', width: 11 },
  { key: 'inReview', header: 'Chờ đối soát liên kết', width: 13 },
  { key: 'linkedShare', header: 'Tỷ lệ liên kết', width: 10 },
  { key: 'proposed', header: 'Điều chỉnh đã đề xuất', width: 12 },
  { key: 'awaiting', header: 'Chờ phê duyệt', width: 11 },
  { key: 'approved', header: 'Đã phê duyệt', width: 11 },
  { key: 'rejected', header: 'Bị từ chối', width: 10 },
  { key: 'exported', header: 'Đã xuất lô', width: 10 },
  { key: 'duplicateDoses', header: 'Mũi tiêm trùng lặp', width: 11 },
  { key: 'complaints', header: 'Khiếu nại', width: 10 },
  { key: 'complaintsInTime', header: 'Giải quyết trong 48 giờ', width: 12 },
  { key: 'complaintsLate', header: 'Giải quyết quá 48 giờ', width: 12 },
  { key: 'complaintsOverdue', header: 'Quá hạn chưa giải quyết', width: 12 },
  { key: 'complaintsOpen', header: 'Đang trong hạn', width: 11 }
]

export const DAY_COLUMNS: { key: keyof DayCounts; header: string }[] = [
  { key: 'imported', header: 'Bản ghi nhập trong ngày' },
  { key: 'linked', header: 'Liên kết trong ngày' },
  { key: 'proposed', header: 'Điều chỉnh đề xuất trong ngày' },
  { key: 'approved', header: 'Điều chỉnh phê duyệt trong ngày' },
  { key: 'exported', header: 'Điều chỉnh xuất lô trong ngày' },
  { key: 'complaintsReceived', header: 'Khiếu nại nhận trong ngày' },
  { key: 'complaintsInTime', header: 'Giải quyết trong 48 giờ' },
  { key: 'complaintsLate', header: 'Giải quyết quá 48 giờ' },
  { key: 'complaintsOverdue', header: 'Quá hạn chưa giải quyết (cuối ngày)' }
]

/** The summary sheet: key (for programs), label (for people), value; in this order. */
export const SUMMARY_KEYS = {
  format: 'Định dạng tệp',
  level: 'Cấp báo cáo (district = huyện, province = tỉnh)',
  district_code: 'Mã huyện',
  district_name: 'Tên huyện',
  province_code: 'Mã tỉnh',
  province_name: 'Tên tỉnh',
  period_from: 'Kỳ báo cáo từ ngày (YYYY-MM-DD)',
  period_to: 'Kỳ báo cáo đến ngày (YYYY-MM-DD)',
  generated_at: 'Thời điểm lập (giờ Việt Nam)',
  signer: 'Người ký',
  key_id: 'Mã khoá ký',
  fingerprint: 'Dấu vân tay khoá ký (SHA-256)',
  app_version: 'Phiên bản VaxRecon',
  districts: 'Số huyện đã gộp'
} as const
export type SummaryKey = keyof typeof SUMMARY_KEYS
