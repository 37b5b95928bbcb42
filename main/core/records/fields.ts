import { FIELD_TABLE, SPLIT_COLUMNS, type FieldSpec, type SourceKind } from './schema.ts'

/**
 * What the rest of the app reads of records/schema.ts: the field lists, their types and
 * labels, all derived from the one table. Pure data with no imports but the table.
 */

type Row = (typeof FIELD_TABLE)[number]
export type SplitColumn = (typeof SPLIT_COLUMNS)[number]['name']

/** The canonical record fields, the same in SQL, zod, the CLI and the UI. */
export type RecordField = Row['column']
export const RECORD_FIELDS: readonly RecordField[] = FIELD_TABLE.map((f) => f.column)

const spec = new Map<string, FieldSpec>(FIELD_TABLE.map((f) => [f.column, f]))
/** The row of a name that may not be a field (a split column, a batch's extra column). */
export const specOfName = (name: string): FieldSpec | undefined => spec.get(name)
export const fieldSpec = (field: RecordField): FieldSpec => spec.get(field) as FieldSpec

/** What a column of a file can be mapped to: a field, or half of a split one. */
export type MappableField = Exclude<RecordField, Extract<Row, { mapped: false }>['column']> | SplitColumn
const isMapped = (f: FieldSpec): boolean => f.mapped !== false
export const MAPPABLE_FIELDS: readonly MappableField[] = [
  ...FIELD_TABLE.filter(isMapped).map((f) => f.column as MappableField),
  ...SPLIT_COLUMNS.map((s) => s.name)
]

/** Fields each kind of file may carry, each followed by its halves: the wizard's order. */
export function mappableFieldsOfKind(kind: SourceKind): MappableField[] {
  return FIELD_TABLE.filter((f) => isMapped(f) && (f.kinds as readonly SourceKind[]).includes(kind)).flatMap((f) => [
    f.column as MappableField,
    ...SPLIT_COLUMNS.filter((s) => s.partOf === f.column).map((s) => s.name)
  ])
}

/** The columns a file of this kind fills; the others stay NULL. */
export const fieldsOfKind = (kind: SourceKind): RecordField[] =>
  FIELD_TABLE.filter((f) => (f.kinds as readonly SourceKind[]).includes(kind)).map((f) => f.column)

/** The fields a clerk compares side by side, in the order of their permanent bits in review_rows. */
export type ReviewField = Extract<Row, { reviewBit: number }>['column']
export const REVIEW_FIELDS = FIELD_TABLE.filter((f) => 'reviewBit' in f)
  .sort((a, b) => a.reviewBit - b.reviewBit)
  .map((f) => f.column) as [ReviewField, ...ReviewField[]]
export const fieldBit = (f: ReviewField): number => 1 << (fieldSpec(f).reviewBit ?? -1)

export type IdentityField = Extract<Row, { identity: true }>['column']
/** What the comparisons, the review and the complaint screens read of a person. */
export const IDENTITY_FIELDS = FIELD_TABLE.filter((f) => 'identity' in f).map((f) => f.column) as [IdentityField, ...IdentityField[]]
export type DoseField = Extract<Row, { dose: true }>['column']
export const DOSE_FIELDS = FIELD_TABLE.filter((f) => 'dose' in f).map((f) => f.column) as [DoseField, ...DoseField[]]

/** A row of these columns as SQLite returns them: TEXT as a string, INTEGER as a number, either NULL. */
export type ColumnsOf<F extends RecordField> = {
  [K in F]: Extract<Row, { column: K }>['sql'] extends 'INTEGER' ? number | null : string | null
}
