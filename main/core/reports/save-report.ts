import { createHash } from 'node:crypto'
import { existsSync, unlinkSync } from 'node:fs'
import { basename, dirname, join, resolve } from 'node:path'
import { appendAudit } from '../audit/append.ts'
import { writeFileAtomic } from '../base/atomic-file.ts'
import { pubFileName } from '../export/batch-files.ts'
import { fingerprint, formatPublicKey, keyIdHex, signMinisig } from '../base/minisign.ts'
import { VaxError } from '../base/errors.ts'
import { currentUser } from '../users/accounts.ts'
import { signerFor } from '../users/keys.ts'
import type { User } from '../users/users.ts'
import type { Workspace } from '../workspace/workspace.ts'
import { reportContent, type ReportContent, type ReportFile } from './report-file.ts'
import { buildReportWorkbook } from './report-workbook.ts'
import type { ProgressReport } from './schema.ts'

export interface SaveReportOptions {
  from?: string
  to?: string
  now?: Date
  /** Signs the file as this supervisor, as a batch is signed; without it the file is unsigned. */
  sign?: { user: User; password: string }
  /** The content, when already computed (the app computes it in the query worker); else computed here. */
  content?: ReportContent
}

export interface SavedReport {
  path: string
  sha256: string
  /** The .minisig and .pub beside the file, when signed. */
  signature: string | null
  publicKey: string | null
  report: ReportFile
  snapshot: ProgressReport
}

/** What the signature vouches for besides the bytes; merging reads the district and period from it. */
export function reportTrustedComment(r: ReportFile, fileName: string, sha256: string): string {
  return `report:${r.level} district:${r.districtCode ?? ''} province:${r.provinceCode ?? ''} from:${r.from} to:${r.to} time:${r.generatedAt} file:${fileName} sha256:${sha256}`
}

/**
 * Computes the district report and saves it as .xlsx; signed, it is three files like a
 * batch (NAME.pub, NAME.xlsx.minisig, NAME.xlsx, the .xlsx written last), each either
 * the old one or the new one after a crash. An unsigned save removes a stale signature.
 */
export async function saveReport(ws: Workspace, path: string, opts: SaveReportOptions = {}): Promise<SavedReport> {
  const out = resolve(path)
  const { snapshot, report } = opts.content ?? reportContent(ws, opts)
  const sigPath = `${out}.minisig`
  if (!opts.sign) {
    const content = await buildReportWorkbook(report)
    if (existsSync(sigPath)) unlinkSync(sigPath)
    writeFileAtomic(out, content)
    return { path: out, sha256: createHash('sha256').update(content).digest('hex'), signature: null, publicKey: null, report, snapshot }
  }
  if (!report.districtCode) {
    throw new VaxError('REPORT_NO_DISTRICT', {
      vi: 'Không xác định được mã huyện của không gian làm việc (chưa có bản ghi điểm tiêm nào mang mã huyện), nên không thể ký báo cáo.',
      en: 'The workspace’s district code is unknown (no site record carries one), so the report cannot be signed.'
    })
  }
  const signer = await signerFor(ws, opts.sign.user, opts.sign.password)
  const me = currentUser(ws, opts.sign.user)
  const keyId = keyIdHex(signer.publicKey.keyId)
  const keyFingerprint = fingerprint(signer.publicKey)
  const signed: ReportFile = { ...report, signer: { name: me.name, keyId, fingerprint: keyFingerprint } }
  const content = await buildReportWorkbook(signed)
  const sha256 = createHash('sha256').update(content).digest('hex')
  const trusted = reportTrustedComment(signed, basename(out), sha256)
  const minisig = signMinisig(
    content,
    signer,
    trusted,
    `VaxRecon district report ${signed.districtCode} ${signed.from}..${signed.to}, signed by key ${keyId}`
  )
  const pubPath = join(dirname(out), pubFileName(basename(out)))
  writeFileAtomic(pubPath, Buffer.from(formatPublicKey(signer.publicKey, `VaxRecon signer ${me.name}, key ${keyId}`)))
  writeFileAtomic(sigPath, Buffer.from(minisig))
  writeFileAtomic(out, content)
  ws.tx(() =>
    appendAudit(ws.db, {
      actor: me.name,
      action: 'report.sign',
      entity: 'report',
      new: { file: out, sha256, from: signed.from, to: signed.to, district: signed.districtCode, keyFingerprint }
    })
  )
  return { path: out, sha256, signature: sigPath, publicKey: pubPath, report: signed, snapshot }
}
