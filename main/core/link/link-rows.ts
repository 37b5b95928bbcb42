import type { Workspace } from '../workspace/workspace.ts'
import { CURRENT_LINKS } from './store.ts'

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
] as const

export type LinkRow = Record<(typeof LINK_COLUMNS)[number], string | number | null>

/**
 * Each site row gets its person's current link, each complaint its own. The registry
 * columns are empty when there is no link (status none); a rejected link names the
 * registry row a clerk rejected. Site rows first, then complaints, in file and row order.
 */
export function* iterateLinkRows(ws: Workspace): Generator<LinkRow> {
  const sql = `
    WITH cur AS (${CURRENT_LINKS}),
    subjects AS (
      SELECT r.id, r.kind, r.import_id, r.source_sheet, r.source_row, r.person_id, cur.id AS link_id
      FROM records r LEFT JOIN cur ON cur.subject_kind = 'person' AND cur.subject_id = r.person_id
      WHERE r.kind = 'site'
      UNION ALL
      SELECT r.id, r.kind, r.import_id, r.source_sheet, r.source_row, r.person_id, cur.id AS link_id
      FROM records r LEFT JOIN cur ON cur.subject_kind = 'complaint' AND cur.subject_id = r.id
      WHERE r.kind = 'complaint'
    )
    SELECT s.kind AS source_kind, i.file_name AS source_file, s.source_sheet, s.source_row,
           CASE WHEN l.status <> 'none' THEN ri.file_name END AS registry_file,
           CASE WHEN l.status <> 'none' THEN rr.source_row END AS registry_row,
           s.person_id, l.match_weight, l.match_probability, coalesce(l.status, 'none') AS status
    FROM subjects s
    JOIN imports i ON i.id = s.import_id
    LEFT JOIN links l ON l.id = s.link_id
    LEFT JOIN records rr ON rr.id = l.registry_record_id
    LEFT JOIN imports ri ON ri.id = rr.import_id
    ORDER BY s.kind DESC, i.file_name, s.import_id, s.source_sheet, s.source_row`
  yield* ws.db.prepare(sql).iterate() as IterableIterator<LinkRow>
}
