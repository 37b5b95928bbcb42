import { z } from 'zod'
import { FIELD_TABLE, type SourceKind, type ValueType } from '../records/schema.ts'
import type { RecordField } from '../records/fields.ts'

/**
 * The normalized record, one zod schema per source kind: the last gate before a row is
 * written. Normalizers already produce these shapes; a row that still fails is rejected.
 * Each field's shape is named in records/schema.ts; a kind that does not carry a field
 * must leave it null.
 */
const code = (len: number) => z.string().regex(new RegExp(`^\\d{${len}}$`))
const VALUE_TYPES = {
  nonEmptyText: z.string().min(1),
  text: z.string(),
  yearOrDate: z.string().regex(/^\d{4}(-\d{2}-\d{2})?$/),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  dateTime: z.string().regex(/^\d{4}-\d{2}-\d{2}( \d{2}:\d{2})?$/),
  gender: z.enum(['M', 'F']),
  idKind: z.enum(['CCCD', 'CMND', 'PASSPORT', 'OTHER']),
  phone: z.string().regex(/^0\d{9,10}$/),
  provinceCode: code(2),
  districtCode: code(3),
  wardCode: code(5),
  doseNumber: z.number().int().min(1).max(10)
} satisfies Record<ValueType, z.ZodType>
type ValueTypes = typeof VALUE_TYPES

type Row = (typeof FIELD_TABLE)[number]
export type NormalizedRecord = { [F in RecordField]: z.infer<ValueTypes[Extract<Row, { column: F }>['value']]> | null }

function recordSchema(kind: SourceKind): z.ZodType<NormalizedRecord> {
  const shape: Record<string, z.ZodType> = {}
  for (const f of FIELD_TABLE)
    shape[f.column] = (f.kinds as readonly SourceKind[]).includes(kind) ? VALUE_TYPES[f.value].nullable() : z.null()
  return z.object(shape) as unknown as z.ZodType<NormalizedRecord>
}

export const RECORD_SCHEMAS: Record<SourceKind, z.ZodType<NormalizedRecord>> = {
  site: recordSchema('site'),
  registry: recordSchema('registry'),
  complaint: recordSchema('complaint')
}
