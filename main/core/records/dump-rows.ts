import type { Db } from '../base/sqlite-driver.ts'
import type { RecordField } from './fields.ts'
import type { SourceKind } from './schema.ts'
import { selectList, type RowOf } from './select-list.ts'

export type DumpRecord<F extends RecordField> = { source_file: string } & RowOf<['source_sheet', 'source_row', ...F[], 'warnings_json']>

/** Every row of one kind with the given fields and its provenance, in import order, streamed from SQLite. */
export function* iterateRecords<F extends RecordField>(db: Db, kind: SourceKind, fields: readonly F[]): Generator<DumpRecord<F>> {
  const stmt = db.prepare(
    `SELECT i.file_name AS source_file, ${selectList(['source_sheet', 'source_row', ...fields, 'warnings_json'], 'r')}
       FROM records r JOIN imports i ON i.id = r.import_id
      WHERE r.kind = ? ORDER BY r.import_id, r.id`
  )
  yield* stmt.iterate(kind) as Iterable<DumpRecord<F>>
}
