import { sampleJob } from '../../main/core/demo/sample-workspace.ts'
import { exportBatch } from '../../main/core/export/export-batch.ts'
import { inlineContext } from '../../main/core/base/job-context.ts'
import { matchJob } from '../../main/core/jobs/pipeline.ts'
import { applyBulk } from '../../main/core/review/bulk.ts'
import { complaintQueue } from '../../main/core/review/complaint-queue.ts'
import { resolveComplaint } from '../../main/core/review/complaints.ts'
import { ReviewFilter } from '../../main/core/review/schemas.ts'
import { decideAs, fixtureWorkspace, PASSWORDS, type Fixture } from './corrections.ts'
import { tempDir } from './tmp.ts'

/**
 * A workspace that has been through the whole flow, the way the UI drives core: the sample
 * data imported, linked, a class of differences decided in bulk, a complaint resolved, the
 * proposals approved and rejected by a supervisor (five left waiting), and a signed batch
 * exported by another.
 * Users: Lan (văn thư) the clerk, Minh and Hoa supervisors (helpers/corrections.ts).
 */
export async function fullFlowWorkspace(): Promise<Fixture> {
  const f = await fixtureWorkspace()
  const ctx = inlineContext()
  await sampleJob(f.ws, ctx)
  matchJob(f.ws, { actor: f.clerk.name }, ctx)
  const filter = (classes: ('formatting' | 'minor')[]) => ReviewFilter.parse({ classes, statuses: ['open'] })
  applyBulk(f.ws, f.clerk, { filter: filter(['formatting', 'minor']), action: 'accept_registry', note: '' }, ctx)
  const [first] = complaintQueue(f.ws, { view: 'open', offset: 0, limit: 10 }).items
  if (first)
    resolveComplaint(f.ws, f.clerk, {
      recordId: first.recordId,
      outcome: 'rejected',
      reasonCode: 'no_site_record',
      note: 'Không có sổ tiêm',
      corrections: []
    })
  // Three rejected, the last five left for approval, the rest approved and exported.
  const ids = f.ws.db.prepare("SELECT id FROM proposals WHERE status = 'proposed' ORDER BY id").pluck().all() as number[]
  const [rejected, approved] = [ids.slice(0, 3), ids.slice(3, -5)]
  if (rejected.length > 0) decideAs(f.ws, f.minh, { verdict: 'reject', selection: { ids: rejected }, comment: 'Cần xác minh lại' })
  if (approved.length > 0) decideAs(f.ws, f.minh, { verdict: 'approve', selection: { ids: approved }, comment: '' })
  await exportBatch(f.ws, f.hoa, PASSWORDS.hoa, { outDir: tempDir() }, ctx)
  return f
}
