import { z } from 'zod'
import { facets } from '../review/grid.ts'
import { ReviewFilter, type Facets } from '../review/schemas.ts'
import type { Workspace } from '../workspace/workspace.ts'

/**
 * Reads too heavy for the main process, answered by the query worker on its own
 * connection (WAL lets it read beside the main one): the review facets recount a
 * million-row table in about 3 s, and the main process would hold every IPC call meanwhile.
 */
export const QueryRequest = z.discriminatedUnion('kind', [z.object({ kind: z.literal('facets'), filter: ReviewFilter })])
export type QueryRequest = z.infer<typeof QueryRequest>

export interface QueryResults {
  facets: Facets
}

export function runQuery(ws: Workspace, req: QueryRequest): QueryResults[QueryRequest['kind']] {
  switch (req.kind) {
    case 'facets':
      return facets(ws, req.filter)
  }
}
