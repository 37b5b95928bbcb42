import { join } from 'node:path'
import type { Workspace } from '../workspace/workspace.ts'
import { batchFilesState, type BatchFilesState, type StoredBatch } from './batch-files.ts'

export interface BatchListItem {
  id: number
  batchNo: string
  path: string
  sha256: string
  corrections: number
  signer: string
  keyFingerprint: string
  createdAt: string
  files: BatchFilesState
}

/** Every batch ever exported, newest first, with whether its files are still where they were saved (sizes only: verify checks bytes). */
export function listBatches(ws: Workspace): BatchListItem[] {
  const rows = ws.db
    .prepare(
      `SELECT b.id, b.batch_no, b.out_dir, b.file_name, b.file_hash, b.content, b.minisig, b.public_key,
              b.correction_count, b.key_fingerprint, b.created_at, u.name AS signer
       FROM export_batches b JOIN users u ON u.id = b.signer_id ORDER BY b.id DESC`
    )
    .all() as (StoredBatch & { correction_count: number; key_fingerprint: string; created_at: string; signer: string })[]
  return rows.map((b) => ({
    id: b.id,
    batchNo: b.batch_no,
    path: join(b.out_dir, b.file_name),
    sha256: b.file_hash,
    corrections: b.correction_count,
    signer: b.signer,
    keyFingerprint: b.key_fingerprint,
    createdAt: b.created_at,
    files: batchFilesState(b, false).state
  }))
}
