import type { CorrectionKind } from '../approve/schema.ts'
import { fieldLabel } from '../records/labels.ts'

export const KIND_LABELS: Record<CorrectionKind, string> = {
  formatting: 'Chỉ khác định dạng',
  minor: 'Sai lệch nhỏ',
  conflict: 'Mâu thuẫn',
  missing: 'Thiếu một bên',
  manual: 'Điều chỉnh khác'
}

/** Which data a correction applies to (proposals.target, see core/review/proposals.ts). */
const TARGET_LABELS: Record<string, string> = {
  site: 'Dữ liệu tiêm chủng',
  registry: 'CSDL dân cư',
  dose: fieldLabel('dose')
}

export const targetLabel = (target: string): string => TARGET_LABELS[target] ?? target
