import { createHash } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import ExcelJS from 'exceljs'
import { VaxError } from '../errors.ts'
import type { Workspace } from '../workspace/workspace.ts'
import { batchFilesState, pubFileName, STORED_BATCH_COLUMNS, type BatchFilesState, type StoredBatch } from './batch-files.ts'
import { SUMMARY_SHEET } from './batch-workbook.ts'
import { fingerprint, keyIdHex, parsePublicKey, verifyMinisig, type MinisigVerdict, type PublicKey } from './minisign.ts'

export type BatchProblem =
  | 'signature-missing'
  | 'key-mismatch'
  | 'signature'
  | 'trusted-comment'
  | 'signature-format'
  | 'summary-mismatch'
  | 'not-recorded'
  | 'hash-mismatch'
  | 'file-modified'

export interface BatchVerdict {
  ok: boolean
  sha256: string
  /** Where the public key came from: given by the user, or the .pub lying beside the batch. */
  keySource: 'given' | 'beside' | 'workspace'
  keyId: string
  fingerprint: string
  trustedComment: string | null
  batchNo: string | null
  problems: BatchProblem[]
}

const PROBLEM_OF: Record<Exclude<MinisigVerdict, { ok: true }>['problem'], BatchProblem> = {
  format: 'signature-format',
  'key-mismatch': 'key-mismatch',
  signature: 'signature',
  'trusted-comment': 'trusted-comment'
}

const batchNoOf = (trusted: string) => /(?:^|\s)batch:(\S+)/.exec(trusted)?.[1] ?? null

/** The summary sheet's own statement of batch number and key fingerprint. */
async function summaryOf(content: Buffer): Promise<Map<string, string>> {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(content as unknown as ArrayBuffer)
  const out = new Map<string, string>()
  wb.getWorksheet(SUMMARY_SHEET)?.eachRow((row) => {
    out.set(String(row.getCell(1).value ?? ''), String(row.getCell(2).value ?? ''))
  })
  return out
}

async function check(content: Buffer, minisig: string | null, pk: PublicKey, keySource: BatchVerdict['keySource']): Promise<BatchVerdict> {
  const verdict: BatchVerdict = {
    ok: false,
    sha256: createHash('sha256').update(content).digest('hex'),
    keySource,
    keyId: keyIdHex(pk.keyId),
    fingerprint: fingerprint(pk),
    trustedComment: null,
    batchNo: null,
    problems: []
  }
  if (minisig === null) return { ...verdict, problems: ['signature-missing'] }
  const sig = verifyMinisig(content, minisig, pk)
  if (!sig.ok) return { ...verdict, problems: [PROBLEM_OF[sig.problem]] }
  verdict.trustedComment = sig.trustedComment
  verdict.batchNo = batchNoOf(sig.trustedComment)
  // Signed bytes are authentic; now check they say what the signature says they are.
  const summary = await summaryOf(content)
  if (summary.get('Số lô') !== verdict.batchNo || summary.get('Dấu vân tay khoá công khai (SHA-256)') !== verdict.fingerprint) {
    verdict.problems.push('summary-mismatch')
  }
  return { ...verdict, ok: verdict.problems.length === 0 }
}

const noKey = () =>
  new VaxError('PUBKEY_MISSING', {
    vi: 'Không tìm thấy khoá công khai: hãy chỉ ra tệp .pub bằng --pubkey.',
    en: 'No public key found: name the .pub file with --pubkey.'
  })

/**
 * Verifies a batch file on disk with its .minisig, against the given public key or
 * else the .pub beside it. Only a key obtained apart from the batch proves who signed
 * it; the one beside it proves the file is intact and names the key to compare.
 */
export async function verifyBatchFile(path: string, opts: { publicKey?: string; workspace?: Workspace } = {}): Promise<BatchVerdict> {
  if (!existsSync(path)) {
    throw new VaxError('BATCH_NOT_FOUND', { vi: 'Không tìm thấy tệp lô.', en: 'The batch file was not found.' }, { path })
  }
  const content = readFileSync(path)
  const sigPath = `${path}.minisig`
  const minisig = existsSync(sigPath) ? readFileSync(sigPath, 'utf8') : null
  const besidePath = join(dirname(path), pubFileName(path.split(/[\\/]/).pop() ?? ''))
  const keyText = opts.publicKey ?? (existsSync(besidePath) ? readFileSync(besidePath, 'utf8') : null)
  if (keyText === null) throw noKey()
  const verdict = await check(content, minisig, parsePublicKey(keyText), opts.publicKey ? 'given' : 'beside')
  if (opts.workspace && verdict.batchNo) {
    const row = opts.workspace.db.prepare('SELECT file_hash FROM export_batches WHERE batch_no = ?').get(verdict.batchNo) as
      | { file_hash: string }
      | undefined
    if (!row) verdict.problems.push('not-recorded')
    else if (row.file_hash !== verdict.sha256) verdict.problems.push('hash-mismatch')
    verdict.ok = verdict.problems.length === 0
  }
  return verdict
}

export interface RecordedBatchVerdict extends BatchVerdict {
  files: BatchFilesState
}

/** Re-verifies a batch the workspace recorded: its kept bytes, its signature, and its files on disk. */
export async function verifyRecordedBatch(ws: Workspace, batchId: number): Promise<RecordedBatchVerdict> {
  const b = ws.db.prepare(`SELECT ${STORED_BATCH_COLUMNS} FROM export_batches WHERE id = ?`).get(batchId) as StoredBatch | undefined
  if (!b) throw new VaxError('BATCH_UNKNOWN', { vi: 'Không có lô này.', en: 'No such batch.' }, { batchId })
  const verdict = await check(b.content, b.minisig, parsePublicKey(b.public_key), 'workspace')
  if (verdict.sha256 !== b.file_hash) verdict.problems.push('hash-mismatch')
  const files = batchFilesState(b).state
  if (files === 'modified') verdict.problems.push('file-modified')
  return { ...verdict, ok: verdict.problems.length === 0, files }
}
