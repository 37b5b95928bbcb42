import { iterateSubjectLinks, type SubjectLinkRow } from '../records/link-reads.ts'
import type { Workspace } from '../workspace/workspace.ts'

/** The columns of `vaxrecon links`, a contract: one row per site or complaint row. */
export const LINK_COLUMNS = [
  'source_kind',
  'source_file',
  'source_sheet',
  'source_row',
  'registry_file',
  'registry_row',
  'person_id',
  'match_weight',
  'match_probability',
  'status'
] as const satisfies readonly (keyof SubjectLinkRow)[]

export type LinkRow = Pick<SubjectLinkRow, (typeof LINK_COLUMNS)[number]>

/**
 * Each site row gets its person's current link, each complaint its own. The registry
 * columns are empty when there is no link (status none); a rejected link names the
 * registry row a clerk rejected. Site rows first, then complaints, in file and row order.
 */
export function* iterateLinkRows(ws: Workspace): Generator<LinkRow> {
  yield* iterateSubjectLinks(ws.db)
}
