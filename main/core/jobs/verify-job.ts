import { verifyAudit, type AuditVerdict } from '../workspace/audit-verify.ts'
import type { Workspace } from '../workspace/workspace.ts'
import type { JobContext } from '../base/job-context.ts'

export interface VerifyResult {
  integrity: string
  audit: AuditVerdict
}

/** Checks the SQLite file and the audit chain; slow on big workspaces, hence a job. */
export function verifyJob(ws: Workspace, ctx: JobContext): VerifyResult {
  ctx.progress({ done: 0, total: 2, stage: 'integrity' })
  const integrity = ws.db.pragma('integrity_check', { simple: true }) as string
  ctx.checkCancelled()
  ctx.progress({ done: 1, total: 2, stage: 'audit' })
  const audit = verifyAudit(ws.db)
  ctx.progress({ done: 2, total: 2, stage: 'audit' })
  return { integrity, audit }
}
