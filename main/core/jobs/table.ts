import type { Workspace } from '../workspace/workspace.ts'
import type { JobContext } from '../base/job-context.ts'
import type { JobRequest } from './requests.ts'
import type { JobResults } from './results.ts'
import { verifyJob } from './verify-job.ts'
import { importConverted, importFile } from '../import/import-file.ts'
import { exportJob } from '../export/export-job.ts'
import { applyThresholds, matchJob } from './pipeline.ts'
import { sampleJob } from '../demo/sample-workspace.ts'
import { applyBulk } from '../review/bulk.ts'
import { undoLast } from '../review/undo.ts'
import { userById } from '../users/users.ts'

/** Maps each job kind to the core function that does the work, and to its result's type. */
export async function runJob(ws: Workspace, req: JobRequest, ctx: JobContext): Promise<JobResults[JobRequest['kind']]> {
  switch (req.kind) {
    case 'verify':
      return verifyJob(ws, ctx) satisfies JobResults['verify']
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
      return (await (originalFileName === undefined
        ? importFile(ws, opts, ctx, actor ?? null)
        : importConverted(ws, opts, ctx, actor ?? null))) satisfies JobResults['import']
    }
    case 'match':
      return matchJob(
        ws,
        {
          settings: {
            ...(req.thresholds && { thresholds: req.thresholds }),
            ...(req.duplicateWindowDays !== undefined && { duplicateWindowDays: req.duplicateWindowDays })
          }
        },
        ctx
      ) satisfies JobResults['match']
    case 'link-thresholds':
      return applyThresholds(ws, req.thresholds, ctx) satisfies JobResults['link-thresholds']
    case 'export':
      return (await exportJob(ws, req, ctx)) satisfies JobResults['export']
    case 'sample':
      return (await sampleJob(ws, ctx)) satisfies JobResults['sample']
    case 'review-bulk':
      return applyBulk(ws, userById(ws.db, req.userId), req.bulk, ctx) satisfies JobResults['review-bulk']
    case 'review-undo':
      return undoLast(ws, userById(ws.db, req.userId)) satisfies JobResults['review-undo']
  }
}
