import { readFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { resolve } from 'node:path'
import { mergeReports } from '../../core/reports/merge.ts'
import { DISTRICT_TOTAL, UNKNOWN_SITE } from '../../core/reports/report-file.ts'
import { saveReport } from '../../core/reports/save-report.ts'
import type { SiteProgress } from '../../core/reports/schema.ts'
import { authenticate } from '../../core/users/users.ts'
import type { Workspace } from '../../core/workspace/workspace.ts'
import { openForCli, readPassword } from '../auth.ts'
import { UsageError, type CliIo, type Command } from '../command.ts'
import { formatPairs } from '../kv.ts'

const COLUMNS: (keyof SiteProgress)[] = [
  'site',
  'records',
  'linked',
  'inReview',
  'proposed',
  'awaiting',
  'approved',
  'rejected',
  'exported',
  'duplicateDoses',
  'complaints',
  'complaintsInTime',
  'complaintsLate',
  'complaintsOverdue',
  'complaintsOpen'
]

const USAGE = [
  'vaxrecon report WORKSPACE --out FILE.xlsx [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--as SUPERVISOR] [--json]   (--as signs it; password from stdin or VAXRECON_PASSWORD)',
  'vaxrecon report merge --out province.xlsx FILE.xlsx... --pubkey KEY.pub [--pubkey KEY.pub ...] [--json]'
].join('\n       ')

const OPTIONS = {
  out: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  as: { type: 'string' },
  pubkey: { type: 'string', multiple: true },
  json: { type: 'boolean', default: false }
} as const

async function merge(files: string[], values: { out?: string; pubkey?: string[]; json: boolean }, io: CliIo): Promise<number> {
  if (files.length === 0) throw new UsageError('expected at least one district report FILE.xlsx')
  if (!values.out) throw new UsageError('--out province.xlsx is required')
  if (!values.pubkey?.length) throw new UsageError('--pubkey KEY.pub is required (one per district signer; repeat it)')
  const keys = values.pubkey.map((k) => readFileSync(resolve(k), 'utf8'))
  const { path, report: r } = await mergeReports({ files, publicKeys: keys, out: values.out })
  if (values.json) {
    io.out(JSON.stringify({ file: path, ...r }, null, 2) + '\n')
    return 0
  }
  io.out(
    formatPairs([
      ['file', path],
      ['province', `${r.provinceCode ?? ''} ${r.provinceName ?? ''}`.trim()],
      ['period', `${r.from} ${r.to}`],
      ['districts', r.sources.map((s) => s.districtCode).join(' ')]
    ])
  )
  io.err(`Đã gộp ${r.sources.length} báo cáo huyện, chữ ký hợp lệ / merged ${r.sources.length} district reports, signatures valid\n`)
  return 0
}

/** The supervisor who signs, and the password that opens their key. */
async function signIn(ws: Workspace, name: string, io: CliIo) {
  const password = await readPassword(io)
  return { user: await authenticate(ws, name, password), password }
}

/**
 * Writes the district report (.xlsx, signed with --as) and prints the per-site snapshot as
 * tab-separated lines, the district total last; `report merge` makes the province's.
 */
export const report: Command = {
  usage: USAGE,
  async run(args, io) {
    const { positionals, values } = parseArgs({ args, allowPositionals: true, options: OPTIONS })
    if (positionals[0] === 'merge') return merge(positionals.slice(1), values, io)
    const [path, ...extra] = positionals
    if (!path || extra.length > 0) throw new UsageError('expected exactly one WORKSPACE path (or `report merge`)')
    if (!values.out) throw new UsageError('--out report.xlsx is required')
    if (values.pubkey) throw new UsageError('--pubkey belongs to `report merge`')
    const ws = await openForCli(resolve(path), io)
    try {
      const sign = values.as ? await signIn(ws, values.as, io) : undefined
      const saved = await saveReport(ws, values.out, { from: values.from, to: values.to, sign })
      const r = saved.snapshot
      if (values.json) {
        const { path: file, sha256, signature, publicKey, report: f } = saved
        io.out(JSON.stringify({ file, sha256, signature, publicKey, period: { from: f.from, to: f.to }, ...r }, null, 2) + '\n')
        return 0
      }
      io.out(COLUMNS.join('\t') + '\n')
      for (const s of r.sites) io.out(COLUMNS.map((c) => (c === 'site' ? s.site || UNKNOWN_SITE : s[c])).join('\t') + '\n')
      io.out(COLUMNS.map((c) => (c === 'site' ? DISTRICT_TOTAL : r.total[c])).join('\t') + '\n')
      io.err(`Đã ghi báo cáo / report written: ${saved.path} (${saved.report.from} → ${saved.report.to})\n`)
      if (saved.signature) io.err(`Đã ký / signed: ${saved.signature}, khoá công khai / public key: ${saved.publicKey}\n`)
      else io.err('Báo cáo chưa ký (thêm --as NGƯỜI_PHÊ_DUYỆT để ký) / unsigned report (add --as SUPERVISOR to sign it)\n')
      return 0
    } finally {
      ws.close()
    }
  }
}
