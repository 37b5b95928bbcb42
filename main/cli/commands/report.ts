import { parseArgs } from 'node:util'
import { resolve } from 'node:path'
import { saveReport } from '../../core/reports/save-report.ts'
import { DISTRICT_TOTAL, UNKNOWN_SITE } from '../../core/reports/report-workbook.ts'
import type { SiteProgress } from '../../core/reports/schema.ts'
import { openForCli } from '../auth.ts'
import { UsageError, type Command } from '../command.ts'

const COLUMNS: (keyof SiteProgress)[] = [
  'site', 'records', 'linked', 'inReview', 'proposed', 'awaiting', 'approved', 'rejected', 'exported',
  'duplicateDoses', 'complaints', 'complaintsInTime', 'complaintsLate', 'complaintsOverdue', 'complaintsOpen'
]

/** Writes the progress report (.xlsx) and prints it as tab-separated lines, the district total last. */
export const report: Command = {
  usage: 'vaxrecon report WORKSPACE --out report.xlsx [--json]',
  async run(args, io) {
    const { positionals, values } = parseArgs({
      args,
      allowPositionals: true,
      options: { out: { type: 'string' }, json: { type: 'boolean', default: false } }
    })
    const [path, ...extra] = positionals
    if (!path || extra.length > 0) throw new UsageError('expected exactly one WORKSPACE path')
    if (!values.out) throw new UsageError('--out report.xlsx is required')
    const ws = await openForCli(resolve(path), io)
    try {
      const { path: out, report: r } = await saveReport(ws, values.out)
      if (values.json) {
        io.out(JSON.stringify({ file: out, ...r }, null, 2) + '\n')
        return 0
      }
      io.out(COLUMNS.join('\t') + '\n')
      for (const s of r.sites) io.out(COLUMNS.map((c) => (c === 'site' ? s.site || UNKNOWN_SITE : s[c])).join('\t') + '\n')
      io.out(COLUMNS.map((c) => (c === 'site' ? DISTRICT_TOTAL : r.total[c])).join('\t') + '\n')
      io.err(`Đã ghi báo cáo / report written: ${out}\n`)
      return 0
    } finally {
      ws.close()
    }
  }
}
