import type { ColumnsOf, DoseField, IdentityField } from '../records/fields.ts'

/**
 * The identity columns of a `records` row (normalized at import), as the comparisons,
 * the review and the complaint screens read them. Derived from records/schema.ts, so a
 * field added there is added to every reader's type at once.
 */
export type IdentityColumns = ColumnsOf<IdentityField>

/** The dose columns of a site row (a complaint states the dose it claims in the same columns). */
export type DoseColumns = ColumnsOf<DoseField>
