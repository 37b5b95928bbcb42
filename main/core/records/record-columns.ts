import type { ColumnsOf, DoseField, IdentityField } from './fields.ts'
import type { SourceKind } from './schema.ts'

/**
 * The identity columns of a `records` row (normalized at import), as the comparisons,
 * the review and the complaint screens read them. Derived from records/schema.ts, so a
 * field added there is added to every reader's type at once.
 */
export type IdentityColumns = ColumnsOf<IdentityField>

/** The dose columns of a site row (a complaint states the dose it claims in the same columns). */
export type DoseColumns = ColumnsOf<DoseField>

/** A `records` row's kind: the source it was imported as. */
export type RecordKind = SourceKind

/** The normalized columns of a `records` row that linkage reads (and `records export` writes). */
export interface LinkageColumns extends IdentityColumns {
  id: number
  import_id: number
  kind: RecordKind
  province_code: string | null
  district_code: string | null
  ward_code: string | null
  vaccine: string | null
  dose_number: number | null
  dose_date: string | null
  complaint_type: string | null
}
