import { z } from 'zod'

/** The record's fields are declared in records/schema.ts; the import's own names for them: */
export { MAPPABLE_FIELDS, RECORD_FIELDS, type MappableField, type RecordField } from '../records/fields.ts'
export { SOURCE_KINDS, type SourceKind } from '../records/schema.ts'

/** field → the header labels of its columns, in order (several only for address). */
export const Mapping = z.record(z.string(), z.array(z.string()))
export type Mapping = z.infer<typeof Mapping>
