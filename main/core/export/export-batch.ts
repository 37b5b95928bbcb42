import { createHash } from 'node:crypto'
import { mkdirSync } from 'node:fs'
import { resolve } from 'node:path'
import { appendAudit } from '../audit/append.ts'
import { selectProposals, whereOf, type ProposalDbRow } from '../approve/proposal-query.ts'
import { VaxError } from '../base/errors.ts'
import type { JobContext } from '../base/job-context.ts'
import { currentUser } from '../users/accounts.ts'
import { signerFor } from '../users/keys.ts'
import type { User } from '../users/users.ts'
import { APP_VERSION } from '../base/version.ts'
import type { Workspace } from '../workspace/workspace.ts'
import { completeInterruptedBatches, STORED_BATCH_COLUMNS, writeBatchFiles, type BatchFilesState, type StoredBatch } from './batch-files.ts'
import { buildBatchWorkbook, type ApprovedRow, type ProvenRow } from './batch-workbook.ts'
import { manifestRow, signManifest } from './manifest.ts'
import { describeRefusals, screenApprovals, type RefusedCorrection } from './screen-approvals.ts'
import { trustedUsers } from '../users/endorse.ts'
import { crashPoint } from '../base/crash-point.ts'
import { workspaceDistrict } from './district.ts'
import { fingerprint, keyIdHex, publicKeyBlob, signMinisig } from '../base/minisign.ts'
import { vnCompactDate } from '../base/vn-format.ts'
import { now as clockNow } from '../base/clock.ts'

export interface BatchSummary {
  id: number
  batchNo: string
  path: string
  fileName: string
  sha256: string
  corrections: number
  signer: string
  keyId: string
  fingerprint: string
  createdAt: string
  files: BatchFilesState
}

export interface ExportResult {
  /** The new batch, or null when no approved correction was waiting. */
  batch: BatchSummary | null
  /** Earlier batches whose interrupted export was finished first. */
  completed: string[]
  /** Approved-looking corrections left out for want of a genuine signed approval. */
  refused: RefusedCorrection[]
  /** The same, as one bilingual sentence with ids; null when none was left out. */
  refusedMessage: { vi: string; en: string } | null
}

export interface ExportOptions {
  outDir: string
  now?: () => Date
}

class StaleSnapshot extends Error {}

const ATTEMPTS = 3

/**
 * The approved rows with a genuine approval, and those left out (see screen-approvals.ts),
 * read in one snapshot (a read transaction), so the digests the approval check computed
 * are of the very content the workbook shows and the manifest lists.
 */
function provenRows(ws: Workspace): { rows: ProvenRow[]; refused: RefusedCorrection[] } {
  return ws.db
    .transaction(() => {
      const all = approvedRows(ws)
      const { proofs, refused } = screenApprovals(ws.db, all)
      const rows: ProvenRow[] = []
      for (const r of all) {
        const p = proofs.get(r.id)
        if (p) rows.push({ ...r, approval_act: p.actId, approver_key_id: p.keyId, digest: p.digest })
      }
      return { rows, refused }
    })
    .deferred()
}

function approvedRows(ws: Workspace): ApprovedRow[] {
  const where = whereOf({ status: ['approved'], excludeMine: false }, null)
  return selectProposals(ws, { sql: `${where.sql} AND p.batch_id IS NULL`, params: where.params }).filter(
    (r): r is ApprovedRow => r.verdict === 'approved' && r.decided_by_name !== null && r.decided_at !== null
  )
}

/**
 * The snapshot check inside the transaction: each approved, unexported correction's
 * latest approval id (an approval, with its approver and time), which is all that
 * approvedRows' verdict tells apart, without its joins to the person and the evidence.
 */
function latestApprovals(ws: Workspace): Map<number, number> {
  const rows = ws.db
    .prepare(
      `SELECT p.id, a.id AS approval_id FROM proposals p
       JOIN approvals a ON a.id = (SELECT max(id) FROM approvals WHERE proposal_id = p.id)
       JOIN users au ON au.id = a.decided_by
       WHERE p.status = 'approved' AND p.batch_id IS NULL AND a.verdict = 'approved' AND a.decided_at IS NOT NULL`
    )
    .all() as { id: number; approval_id: number }[]
  return new Map(rows.map((x) => [x.id, x.approval_id]))
}

function auditHead(ws: Workspace): { seq: number; hash: string } {
  return ws.db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string }
}

function nextBatchNo(ws: Workspace, district: string | null, now: Date): string {
  const n = (ws.db.prepare('SELECT count(*) AS n FROM export_batches').get() as { n: number }).n + 1
  return `${district ?? '000'}-${vnCompactDate(now)}-${String(n).padStart(4, '0')}`
}

/**
 * Exports every approved correction not yet exported as one signed batch, exactly once:
 *
 * 1. the workbook is built and signed from a snapshot, outside any transaction;
 * 2. one transaction checks the snapshot still holds (same corrections, same approvals),
 *    records the batch with its bytes, hash and signature, and marks the corrections
 *    exported; otherwise nothing is written and it starts again from a fresh snapshot;
 * 3. the files are written from the recorded bytes: temporary name, flush, rename.
 *
 * A crash before 2 commits leaves no batch and every correction still approved; a crash
 * after it leaves a recorded batch whose missing files the next export (or the batch
 * list) writes, byte for byte, so a correction is never exported twice nor lost.
 */
export async function exportBatch(
  ws: Workspace,
  user: User,
  password: string,
  opts: ExportOptions,
  ctx: JobContext
): Promise<ExportResult> {
  const now = opts.now ?? clockNow
  crashPoint('export:start')
  ctx.progress({ done: 0, total: null, stage: 'recover' })
  const completed = completeInterruptedBatches(ws)
  const outDir = resolve(opts.outDir)
  mkdirSync(outDir, { recursive: true })
  const signer = await signerFor(ws, user, password)
  const keyId = keyIdHex(signer.publicKey.keyId)
  const keyFingerprint = fingerprint(signer.publicKey)
  const publicKeyB64 = publicKeyBlob(signer.publicKey).toString('base64')

  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    ctx.checkCancelled()
    const { rows, refused } = provenRows(ws)
    const refusedMessage = describeRefusals(refused)
    if (rows.length === 0) {
      if (refused.length > 0) ws.tx(() => auditRefused(ws, currentUser(ws, user).name, null, refused))
      return { batch: null, completed, refused, refusedMessage }
    }
    const createdAt = now().toISOString()
    const district = workspaceDistrict(ws)
    const batchNo = nextBatchNo(ws, district.code, new Date(createdAt))
    const fileName = `VaxRecon-dieu-chinh-${batchNo}.xlsx`
    const anchor = auditHead(ws)
    const me = currentUser(ws, user)
    ctx.progress({ done: 0, total: rows.length, stage: 'write' })
    const content = await buildBatchWorkbook(
      {
        batchNo,
        createdAt,
        district,
        signer: { name: me.name, keyId, fingerprint: keyFingerprint, publicKey: publicKeyB64 },
        auditAnchor: anchor,
        rootKeyId: trustedUsers(ws.db).rootKeyId,
        appVersion: APP_VERSION
      },
      rows,
      (done) => {
        ctx.checkCancelled()
        ctx.progress({ done, total: rows.length, stage: 'write' })
      }
    )
    const sha256 = createHash('sha256').update(content).digest('hex')
    // The audit anchor is signed here, where audit verify reads it: the table's columns are only a copy.
    const trustedComment = `batch:${batchNo} time:${createdAt} file:${fileName} corrections:${rows.length} sha256:${sha256} audit:${anchor.seq}:${anchor.hash}`
    const minisig = signMinisig(content, signer, trustedComment, `VaxRecon batch ${batchNo}, signed by key ${keyId}`)
    const signedManifest = signManifest(
      { batchNo, rootKeyId: trustedUsers(ws.db).rootKeyId, rows: rows.map((r) => manifestRow(r.id, r.approval_act, r.digest)) },
      signer
    )
    ctx.checkCancelled()
    crashPoint('export:signed')

    let batch: StoredBatch
    try {
      batch = ws.tx(() => {
        const b = record(ws, {
          rows,
          me,
          batchNo,
          fileName,
          sha256,
          keyFingerprint,
          createdAt,
          outDir,
          district: district.code,
          publicKeyB64,
          trustedComment,
          minisig,
          content,
          anchor,
          ...signedManifest
        })
        if (refused.length > 0) auditRefused(ws, me.name, b.id, refused)
        return b
      })
    } catch (e) {
      if (e instanceof StaleSnapshot) continue
      throw e
    }
    crashPoint('export:committed')
    ctx.progress({ done: rows.length, total: rows.length, stage: 'save' })
    const files = writeBatchFiles(batch)
    return {
      batch: {
        id: batch.id,
        batchNo,
        path: resolve(outDir, fileName),
        fileName,
        sha256,
        corrections: rows.length,
        signer: me.name,
        keyId,
        fingerprint: keyFingerprint,
        createdAt,
        files
      },
      completed,
      refused,
      refusedMessage
    }
  }
  throw new VaxError('EXPORT_BUSY', {
    vi: 'Các điều chỉnh đang được người khác thay đổi. Hãy thử xuất lại sau giây lát.',
    en: 'The corrections are being changed by someone else. Try the export again in a moment.'
  })
}

/** What was left out, in the log: ids and reasons, no personal data. */
function auditRefused(ws: Workspace, actor: string, batchId: number | null, refused: readonly RefusedCorrection[]): void {
  appendAudit(ws.db, {
    actor,
    action: 'export.refused',
    entity: 'export_batch',
    entityId: batchId,
    new: { count: refused.length, refused: refused.slice(0, 1000).map((r) => [r.id, r.reason]) }
  })
}

interface Recording {
  manifest: string
  manifestSig: string
  rows: ProvenRow[]
  me: User
  batchNo: string
  fileName: string
  sha256: string
  keyFingerprint: string
  createdAt: string
  outDir: string
  district: string | null
  publicKeyB64: string
  trustedComment: string
  minisig: string
  content: Buffer
  anchor: { seq: number; hash: string }
}

/** Step 2, inside the transaction: check the snapshot, record the batch, mark its corrections. */
function record(ws: Workspace, r: Recording): StoredBatch {
  const signer = currentUser(ws, r.me)
  if (signer.role !== 'supervisor')
    throw new VaxError('NOT_SUPERVISOR', { vi: 'Chỉ người phê duyệt mới ký được lô.', en: 'Only a supervisor can sign a batch.' })
  const now = latestApprovals(ws)
  if (r.rows.some((x: ProposalDbRow) => now.get(x.id) !== x.approval_id)) throw new StaleSnapshot()
  if (ws.db.prepare('SELECT 1 FROM export_batches WHERE batch_no = ?').get(r.batchNo)) throw new StaleSnapshot()
  const id = Number(
    ws.db
      .prepare(
        `INSERT INTO export_batches (batch_no, file_name, file_hash, signer_id, key_fingerprint, correction_count, created_at,
           out_dir, district_code, public_key, trusted_comment, minisig, content, audit_seq, audit_hash, manifest, manifest_sig)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
      )
      .run(
        r.batchNo,
        r.fileName,
        r.sha256,
        signer.id,
        r.keyFingerprint,
        r.rows.length,
        r.createdAt,
        r.outDir,
        r.district,
        r.publicKeyB64,
        r.trustedComment,
        r.minisig,
        r.content,
        r.anchor.seq,
        r.anchor.hash,
        r.manifest,
        r.manifestSig
      ).lastInsertRowid
  )
  const ids = JSON.stringify(r.rows.map((x) => x.id))
  const marked = ws.db
    .prepare(
      `UPDATE proposals SET status = 'exported', batch_id = ? WHERE id IN (SELECT value FROM json_each(?)) AND status = 'approved' AND batch_id IS NULL`
    )
    .run(id, ids).changes
  if (marked !== r.rows.length) throw new StaleSnapshot()
  // One entry for the batch, listing its corrections (screen-approvals.ts reads them back):
  // one entry per correction made a 100,000-correction export mostly log appends.
  appendAudit(ws.db, {
    actor: signer.name,
    action: 'export.batch',
    entity: 'export_batch',
    entityId: id,
    old: { status: 'approved' },
    new: {
      batchNo: r.batchNo,
      fileName: r.fileName,
      outDir: r.outDir,
      sha256: r.sha256,
      corrections: r.rows.length,
      keyFingerprint: r.keyFingerprint,
      status: 'exported',
      ids: r.rows.map((x) => x.id)
    }
  })
  crashPoint('export:in-transaction')
  return ws.db.prepare(`SELECT ${STORED_BATCH_COLUMNS} FROM export_batches WHERE id = ?`).get(id) as StoredBatch
}
