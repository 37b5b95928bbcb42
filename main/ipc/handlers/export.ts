import { completeInterruptedBatches } from '../../core/export/batch-files.ts'
import { listBatches } from '../../core/export/batches.ts'
import { verifyRecordedBatch } from '../../core/export/verify-batch.ts'
import { countProposals, whereOf } from '../../core/approve/proposal-query.ts'
import type { Session } from '../session.ts'
import type { HandlerMap } from './types.ts'

export function exportHandlers(s: Session): HandlerMap<'export:batches' | 'export:verify' | 'dialog:chooseExportDir'> {
  return {
    'export:batches': () => {
      const ws = s.workspace
      const completed = completeInterruptedBatches(ws)
      const pending = countProposals(ws, whereOf({ status: ['approved'], excludeMine: false }, null))['all'] ?? 0
      return { batches: listBatches(ws), completed, pending }
    },
    'export:verify': ({ batchId }) => {
      const v = verifyRecordedBatch(s.workspace, batchId)
      return {
        ok: v.ok,
        sha256: v.sha256,
        keyId: v.keyId,
        fingerprint: v.fingerprint,
        trustedComment: v.trustedComment,
        problems: v.problems,
        files: v.files
      }
    },
    'dialog:chooseExportDir': async () => ({ path: s.paths.grant(await s.platform.chooseDirectory('export'), 'export-dir') })
  }
}
