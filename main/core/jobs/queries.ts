import { z } from 'zod'
import { inspectFile, previewImport, type Inspection, type PreviewRow } from '../import/inspect.ts'
import { dailySeries } from '../reports/daily.ts'
import { progressReport } from '../reports/progress.ts'
import { reportContent, type ReportContent } from '../reports/report-file.ts'
import type { DailySeries, ProgressReport } from '../reports/schema.ts'
import { previewBulk } from '../review/bulk.ts'
import { facets } from '../review/grid.ts'
import { BulkAction, ReviewFilter, type BulkPreview, type Facets } from '../review/schemas.ts'
import type { Workspace } from '../workspace/workspace.ts'

/**
 * Reads too heavy for the main process, answered by the query worker on its own
 * connection (WAL lets it read beside the main one): the review facets recount a
 * million-row table in about 3 s, the reports count every row, and the main process would
 * hold every IPC call meanwhile.
 */
const ImportWhere = {
  path: z.string().min(1).max(4096),
  importKind: z.enum(['site', 'registry', 'complaint']),
  sheet: z.string().max(255).optional(),
  headerRow: z.number().int().min(1).max(1_048_576).optional()
}
export const QueryRequest = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('facets'), filter: ReviewFilter }),
  // A bulk rule's count over a million rows takes a second or more.
  z.object({ kind: z.literal('bulk-preview'), filter: ReviewFilter, action: BulkAction }),
  // Parsing a file the clerk chose (import:inspect, import:preview): a hostile or huge file
  // must cost this thread, never the window's.
  z.object({ kind: z.literal('import-inspect'), ...ImportWhere }),
  z.object({ kind: z.literal('import-preview'), ...ImportWhere, mapping: z.record(z.string(), z.array(z.string().max(500)).max(20)) }),
  z.object({ kind: z.literal('report-progress') }),
  z.object({ kind: z.literal('report-daily') }),
  // The district report file's content; the caller writes (and signs) the file.
  z.object({ kind: z.literal('report-content') })
])
export type QueryRequest = z.infer<typeof QueryRequest>

export interface QueryResults {
  facets: Facets
  'bulk-preview': BulkPreview
  'import-inspect': Inspection
  'import-preview': { rows: PreviewRow[] }
  'report-progress': ProgressReport
  'report-daily': DailySeries
  'report-content': ReportContent
}

const where = (r: { sheet?: string | undefined; headerRow?: number | undefined }) => ({
  ...(r.sheet !== undefined && { sheet: r.sheet }),
  ...(r.headerRow !== undefined && { headerRow: r.headerRow })
})

export async function runQuery(ws: Workspace, req: QueryRequest): Promise<QueryResults[QueryRequest['kind']]> {
  switch (req.kind) {
    case 'facets':
      return facets(ws, req.filter)
    case 'bulk-preview':
      return previewBulk(ws, req.filter, req.action)
    case 'import-inspect':
      return inspectFile(ws, { path: req.path, kind: req.importKind, ...where(req) })
    case 'import-preview':
      return { rows: await previewImport({ path: req.path, kind: req.importKind, mapping: req.mapping, ...where(req) }) }
    case 'report-progress':
      return progressReport(ws)
    case 'report-daily':
      return dailySeries(ws)
    case 'report-content':
      return reportContent(ws)
  }
}
