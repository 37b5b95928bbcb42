import type { Command } from '../command.ts'

/** A command as `--help` lists it; its module (and what it imports, exceljs among them) loads only when it runs. */
export interface CommandEntry {
  name: string
  summary: string
  load(): Promise<Command>
}

/** Every command, in the order `--help` lists them. Names and output columns are a contract. */
export const commands: readonly CommandEntry[] = [
  { name: 'init', summary: 'Tạo không gian làm việc mới / create a new workspace', load: async () => (await import('./init.ts')).init },
  {
    name: 'status',
    summary: 'Xem nội dung không gian làm việc / show what a workspace holds',
    load: async () => (await import('./status.ts')).status
  },
  {
    name: 'import',
    summary: 'Nhập bảng tính / import a site, registry or complaint spreadsheet',
    load: async () => (await import('./import.ts')).importCommand
  },
  {
    name: 'rows',
    summary: 'Xuất các dòng đã chuẩn hoá / dump normalized rows with provenance and warnings',
    load: async () => (await import('./rows.ts')).rowsCommand
  },
  {
    name: 'rejects',
    summary: 'Xuất các dòng bị loại ra Excel / export an import’s rejected rows to .xlsx',
    load: async () => (await import('./rejects.ts')).rejectsCommand
  },
  {
    name: 'match',
    summary: 'Liên kết với CSDL dân cư / link site rows and complaints to the registry',
    load: async () => (await import('./match.ts')).matchCommand
  },
  {
    name: 'links',
    summary: 'Xuất kết quả liên kết / write one link row per site or complaint row',
    load: async () => (await import('./links.ts')).linksCommand
  },
  {
    name: 'model',
    summary: 'Xuất mô hình liên kết sang Splink / export the linkage model as Splink settings',
    load: async () => (await import('./model.ts')).modelCommand
  },
  {
    name: 'records',
    summary: 'Xuất bản ghi đã chuẩn hoá cho Splink / export normalized records for Splink (Parquet, CSV)',
    load: async () => (await import('./records.ts')).recordsCommand
  },
  {
    name: 'propose',
    summary: 'Đề xuất điều chỉnh hàng loạt theo quy tắc / propose corrections in bulk by rule',
    load: async () => (await import('./propose.ts')).propose
  },
  { name: 'user', summary: 'Thêm, liệt kê người dùng / add and list users', load: async () => (await import('./user.ts')).user },
  {
    name: 'approve',
    summary: 'Phê duyệt, từ chối, rút lại phê duyệt điều chỉnh / approve, reject or withdraw corrections',
    load: async () => (await import('./approve.ts')).approve
  },
  {
    name: 'export',
    summary: 'Xuất lô điều chỉnh có chữ ký / export a signed correction batch',
    load: async () => (await import('./export.ts')).exportCommand
  },
  {
    name: 'verify',
    summary: 'Kiểm tra chữ ký của lô / verify a batch and its signature',
    load: async () => (await import('./verify.ts')).verify
  },
  {
    name: 'key',
    summary: 'Xuất khoá công khai của người ký / export a signer’s public key',
    load: async () => (await import('./key.ts')).key
  },
  {
    name: 'encrypt',
    summary: 'Mã hoá không gian làm việc cũ / encrypt a plain workspace in place',
    load: async () => (await import('./encryption.ts')).encrypt
  },
  {
    name: 'decrypt-copy',
    summary: 'Ghi bản sao giải mã để hỗ trợ / write a decrypted copy for support (audited)',
    load: async () => (await import('./encryption.ts')).decryptCopy
  },
  { name: 'audit', summary: 'Kiểm tra nhật ký kiểm toán / verify the audit log', load: async () => (await import('./audit.ts')).audit },
  {
    name: 'report',
    summary: 'Báo cáo tiến độ theo điểm tiêm và toàn huyện / progress report per site and district',
    load: async () => (await import('./report.ts')).report
  },
  {
    name: 'demo',
    summary: 'Tạo bộ dữ liệu mẫu có đáp án / write a realistic sample data set with ground truth',
    load: async () => (await import('./demo.ts')).demo
  }
]
