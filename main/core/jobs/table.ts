import type { Workspace } from '../workspace/workspace.ts'
import type { JobContext } from '../base/job-context.ts'
import type { JobRequest } from './requests.ts'
import { verifyJob } from './verify-job.ts'
import { importConverted, importFile } from '../import/import-file.ts'
import { exportJob } from '../export/export-job.ts'
import { applyThresholds, matchJob } from './pipeline.ts'
import { sampleJob } from '../demo/sample-workspace.ts'
import { applyBulk } from '../review/bulk.ts'
import { undoLast } from '../review/undo.ts'
import { userById } from '../users/users.ts'

/** Maps each job kind to the core function that does the work. */
export function runJob(ws: Workspace, req: JobRequest, ctx: JobContext): unknown {
  switch (req.kind) {
    case 'verify':
      return verifyJob(ws, ctx)
    case 'import': {
      const { source, path, sheet, headerRow, mapping, site, originalFileName, actor } = req
      const opts = {
        kind: source,
        path,
        ...(sheet !== undefined && { sheet }),
        ...(headerRow !== undefined && { headerRow }),
        ...(mapping && { mapping }),
        ...(site !== undefined && { site }),
        ...(originalFileName !== undefined && { originalFileName })
      }
      return originalFileName === undefined ? importFile(ws, opts, ctx, actor ?? null) : importConverted(ws, opts, ctx, actor ?? null)
    }
    case 'match':
      return matchJob(ws, { settings: { ...(req.thresholds && { thresholds: req.thresholds }), ...(req.duplicateWindowDays !== undefined && { duplicateWindowDays: req.duplicateWindowDays }) } }, ctx)
    case 'link-thresholds':
      return applyThresholds(ws, req.thresholds, ctx)
    case 'export':
      return exportJob(ws, req, ctx)
    case 'sample':
      return sampleJob(ws, ctx)
    case 'review-bulk':
      return applyBulk(ws, userById(ws.db, req.userId), req.bulk, ctx)
    case 'review-undo':
      return undoLast(ws, userById(ws.db, req.userId))
  }
}
