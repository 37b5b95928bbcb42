import { createHash } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { VaxError } from '../base/errors.ts'
import { checkActs } from '../approve/approval-signature.ts'
import type { Workspace } from '../workspace/workspace.ts'
import { checkManifest, type ManifestProblem } from './manifest.ts'
import { batchFilesState, pubFileName, STORED_BATCH_COLUMNS, type BatchFilesState, type StoredBatch } from './batch-files.ts'
import { fingerprint, keyIdHex, parsePublicKey, verifyMinisig, type MinisigVerdict, type PublicKey } from '../base/minisign.ts'

export type BatchProblem =
  | 'signature-missing'
  | 'key-mismatch'
  | 'signature'
  | 'trusted-comment'
  | 'signature-format'
  | 'not-recorded'
  | 'hash-mismatch'
  | 'file-modified'
  | ManifestProblem
  | 'approval'

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
  /** Corrections whose approval no longer checks out (recorded batches only). */
  badApprovals?: number[]
}

const PROBLEM_OF: Record<Exclude<MinisigVerdict, { ok: true }>['problem'], BatchProblem> = {
  format: 'signature-format',
  'key-mismatch': 'key-mismatch',
  signature: 'signature',
  'trusted-comment': 'trusted-comment'
}

const batchNoOf = (trusted: string) => /(?:^|\s)batch:(\S+)/.exec(trusted)?.[1] ?? null

function check(content: Buffer, minisig: string | null, pk: PublicKey, keySource: BatchVerdict['keySource']): BatchVerdict {
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
  return { ...verdict, ok: true, trustedComment: sig.trustedComment, batchNo: batchNoOf(sig.trustedComment) }
}

const noKey = () =>
  new VaxError('PUBKEY_MISSING', {
    vi: 'Không tìm thấy khoá công khai: hãy chỉ ra tệp .pub bằng --pubkey.',
    en: 'No public key found: name the .pub file with --pubkey.'
  })

/**
 * Verifies a batch file on disk with its .minisig, against the given public key or
 * else the .pub beside it. Only a key obtained apart from the batch proves who signed
 * it (whoever re-signs a batch can rewrite all of it, summary sheet included); the one
 * beside it proves the file is intact and names the key whose fingerprint to compare.
 */
export function verifyBatchFile(path: string, opts: { publicKey?: string; workspace?: Workspace } = {}): BatchVerdict {
  if (!existsSync(path)) {
    throw new VaxError('BATCH_NOT_FOUND', { vi: 'Không tìm thấy tệp lô.', en: 'The batch file was not found.' }, { path })
  }
  const content = readFileSync(path)
  const sigPath = `${path}.minisig`
  const minisig = existsSync(sigPath) ? readFileSync(sigPath, 'utf8') : null
  const besidePath = join(dirname(path), pubFileName(path.split(/[\\/]/).pop() ?? ''))
  const keyText = opts.publicKey ?? (existsSync(besidePath) ? readFileSync(besidePath, 'utf8') : null)
  if (keyText === null) throw noKey()
  const verdict = check(content, minisig, parsePublicKey(keyText), opts.publicKey ? 'given' : 'beside')
  if (opts.workspace && verdict.batchNo) {
    const row = opts.workspace.db.prepare('SELECT file_hash FROM export_batches WHERE batch_no = ?').get(verdict.batchNo) as
      { file_hash: string } | undefined
    if (!row) verdict.problems.push('not-recorded')
    else if (row.file_hash !== verdict.sha256) verdict.problems.push('hash-mismatch')
    if (row) recheckApprovals(opts.workspace, verdict.batchNo, verdict)
    verdict.ok = verdict.problems.length === 0
  }
  return verdict
}

/**
 * Re-checks every approval a recorded batch carried, on the file as it is now: the signed
 * manifest, each correction's content against it, and each signed approval act behind
 * it (an endorsed supervisor's key, not the proposer, over that same content).
 */
function recheckApprovals(ws: Workspace, batchNo: string, verdict: BatchVerdict): void {
  const b = ws.db.prepare('SELECT id, batch_no, public_key, manifest, manifest_sig FROM export_batches WHERE batch_no = ?').get(batchNo) as
    { id: number; batch_no: string; public_key: string; manifest: string | null; manifest_sig: string | null } | undefined
  if (!b) return
  const { manifest, problems } = checkManifest(ws.db, b)
  verdict.problems.push(...problems)
  if (!manifest) return
  const acts = checkActs(
    ws.db,
    manifest.rows.map(([, act]) => act)
  )
  const proposerOf = ws.db.prepare('SELECT proposed_by FROM proposals WHERE id = ?')
  const bad = manifest.rows
    .filter(([id, act]) => {
      const a = acts.get(act)
      const p = proposerOf.get(id) as { proposed_by: number } | undefined
      return !a?.ok || a.verdict !== 'approved' || !p || a.decidedBy === p.proposed_by
    })
    .map(([id]) => id)
  if (bad.length > 0) {
    verdict.problems.push('approval')
    verdict.badApprovals = bad.slice(0, 1000)
  }
}

export interface RecordedBatchVerdict extends BatchVerdict {
  files: BatchFilesState
}

/** Re-verifies a batch the workspace recorded: its kept bytes, its signature, and its files on disk. */
export function verifyRecordedBatch(ws: Workspace, batchId: number): RecordedBatchVerdict {
  const b = ws.db.prepare(`SELECT ${STORED_BATCH_COLUMNS} FROM export_batches WHERE id = ?`).get(batchId) as StoredBatch | undefined
  if (!b) throw new VaxError('BATCH_UNKNOWN', { vi: 'Không có lô này.', en: 'No such batch.' }, { batchId })
  const verdict = check(b.content, b.minisig, parsePublicKey(b.public_key), 'workspace')
  if (verdict.sha256 !== b.file_hash) verdict.problems.push('hash-mismatch')
  const files = batchFilesState(b).state
  if (files === 'modified') verdict.problems.push('file-modified')
  recheckApprovals(ws, b.batch_no, verdict)
  return { ...verdict, ok: verdict.problems.length === 0, files }
}
