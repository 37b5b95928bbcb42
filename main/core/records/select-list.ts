import type { ColumnsOf, RecordField } from './fields.ts'
import type { SourceKind } from './schema.ts'

/** The columns of `records` that are not fields: identity, provenance and the person it belongs to. */
interface MetaColumns {
  id: number
  import_id: number
  kind: SourceKind
  source_sheet: string
  source_row: number
  raw_json: string
  warnings_json: string
  person_id: number | null
}

export type RecordColumn = keyof MetaColumns | RecordField
export type RecordRow = MetaColumns & ColumnsOf<RecordField>

/**
 * A row of just these columns. A reader builds its SELECT list and its row type from the
 * same array (selectList), so a column it does not select is a type error where it is read,
 * never a silent undefined.
 */
export type RowOf<C extends readonly RecordColumn[]> = Pick<RecordRow, C[number]>

/** `id, full_name, …`, or `r.id, r.full_name, …` with an alias. */
export const selectList = (columns: readonly RecordColumn[], alias?: string): string =>
  columns.map((c) => (alias === undefined ? c : `${alias}.${c}`)).join(', ')
