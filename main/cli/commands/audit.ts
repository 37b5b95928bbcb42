import { parseArgs } from 'node:util'
import { resolve } from 'node:path'
import { verifyAudit, type AuditVerdict } from '../../core/workspace/audit-verify.ts'
import { openForCli } from '../auth.ts'
import { UsageError, type Command } from '../command.ts'
import { formatPairs } from '../kv.ts'

const PROBLEMS: Record<NonNullable<AuditVerdict['problem']>, { vi: string; en: string }> = {
  hash: { vi: 'một mục đã bị sửa', en: 'an entry was edited' },
  chain: { vi: 'chuỗi mã băm bị nối lại hoặc đảo thứ tự', en: 'the hash chain was re-linked or reordered' },
  gap: { vi: 'thiếu một mục (đã bị xoá)', en: 'an entry is missing (deleted)' },
  truncated: { vi: 'các mục mới nhất đã bị cắt bỏ', en: 'the newest entries were cut off' },
  anchor: {
    vi: 'nhật ký không còn khớp với mốc đã ký trong một lô xuất',
    en: 'the log no longer matches the anchor signed into an export batch'
  },
  triggers: {
    vi: 'một ràng buộc chống sửa/xoá (nhật ký, lô xuất, điều chỉnh đã xuất) đã bị gỡ bỏ hoặc bị sửa',
    en: 'a guard against editing or deleting (the log, export batches, exported corrections) was removed or altered'
  },
  integrity: { vi: 'tệp cơ sở dữ liệu bị hỏng (PRAGMA integrity_check)', en: 'the database file is damaged (PRAGMA integrity_check)' }
}

/** Exit 0 when the hash-chained log is intact, 1 when it was changed outside the app. */
export const audit: Command = {
  usage: 'vaxrecon audit verify WORKSPACE [--json]',
  async run(args, io) {
    const { positionals, values } = parseArgs({ args, allowPositionals: true, options: { json: { type: 'boolean', default: false } } })
    const [sub, path, ...extra] = positionals
    if (sub !== 'verify' || !path || extra.length > 0) throw new UsageError('expected `audit verify WORKSPACE`')
    const ws = await openForCli(resolve(path), io)
    try {
      const v = verifyAudit(ws.db)
      if (values.json) io.out(JSON.stringify(v) + '\n')
      else
        io.out(
          formatPairs([
            ['result', v.ok ? 'OK' : 'TAMPERED'],
            ['entries', v.entries],
            ['broken_at', v.brokenAt ?? ''],
            ['problem', v.problem ?? '']
          ])
        )
      if (v.problem) {
        const p = PROBLEMS[v.problem]
        const at = v.brokenAt !== null ? ` (#${v.brokenAt})` : ''
        io.err(
          `Lỗi: nhật ký kiểm toán đã bị thay đổi ngoài ứng dụng: ${p.vi}${at}.\nError: the audit log was changed outside the app: ${p.en}${at}.\n`
        )
      }
      return v.ok ? 0 : 1
    } finally {
      ws.close()
    }
  }
}
