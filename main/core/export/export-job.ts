import type { JobContext } from '../base/job-context.ts'
import { authenticate } from '../users/users.ts'
import type { Workspace } from '../workspace/workspace.ts'
import { exportBatch, type ExportResult } from './export-batch.ts'

export interface ExportJobParams {
  outDir: string
  /** The supervisor who signs; their password opens the signing key, so it is asked again at export. */
  signer: string
  password: string
}

/** The export as a job: the signer proves their password here, in the worker, before anything is written. */
export async function exportJob(ws: Workspace, p: ExportJobParams, ctx: JobContext): Promise<ExportResult> {
  const user = await authenticate(ws, p.signer, p.password)
  return exportBatch(ws, user, p.password, { outDir: p.outDir }, ctx)
}
