import { z } from 'zod'
import { FIELD_TABLE, type SourceKind, type ValueType } from '../records/schema.ts'
import type { RecordField } from '../records/fields.ts'

/**
 * The normalized record's shapes, the last gate before a row is written: normalizers
 * already produce them; a row that still fails is rejected. Each field's shape is named in
 * records/schema.ts; a kind that does not carry a field must leave it null.
 *
 * The shapes are plain predicates, checked on every imported row: a zod object parse
 * took about a fifth of the reading thread's normalization time (CPU profile, 200,000
 * rows). The zod schemas for other callers are made from the same predicates.
 */
type Check<T> = (v: unknown) => v is T

const matches =
  (re: RegExp): Check<string> =>
  (v): v is string =>
    typeof v === 'string' && re.test(v)
const oneOf =
  <const T extends readonly string[]>(values: T): Check<T[number]> =>
  (v): v is T[number] =>
    (values as readonly unknown[]).includes(v)
const code = (len: number) => matches(new RegExp(`^\\d{${len}}$`))

const VALUE_CHECKS = {
  nonEmptyText: (v): v is string => typeof v === 'string' && v.length > 0,
  text: (v): v is string => typeof v === 'string',
  yearOrDate: matches(/^\d{4}(-\d{2}-\d{2})?$/),
  date: matches(/^\d{4}-\d{2}-\d{2}$/),
  dateTime: matches(/^\d{4}-\d{2}-\d{2}( \d{2}:\d{2})?$/),
  gender: oneOf(['M', 'F']),
  idKind: oneOf(['CCCD', 'CMND', 'PASSPORT', 'OTHER']),
  phone: matches(/^0\d{9,10}$/),
  provinceCode: code(2),
  districtCode: code(3),
  wardCode: code(5),
  doseNumber: (v): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 10
} satisfies Record<ValueType, Check<unknown>>
type ValueChecks = typeof VALUE_CHECKS
type Checked<C> = C extends Check<infer T> ? T : never

type Row = (typeof FIELD_TABLE)[number]
export type NormalizedRecord = { [F in RecordField]: Checked<ValueChecks[Extract<Row, { column: F }>['value']]> | null }

/** Per kind, each field's check; null where the kind does not carry the field (it must be null). */
function fieldChecks(kind: SourceKind): [RecordField, Check<unknown> | null][] {
  return FIELD_TABLE.map((f) => [f.column, (f.kinds as readonly SourceKind[]).includes(kind) ? VALUE_CHECKS[f.value] : null])
}
const CHECKS: Record<SourceKind, [RecordField, Check<unknown> | null][]> = {
  site: fieldChecks('site'),
  registry: fieldChecks('registry'),
  complaint: fieldChecks('complaint')
}

/** Does every field of `record` have its shape for this kind? */
export function isValidRecord(kind: SourceKind, record: NormalizedRecord): boolean {
  for (const [field, check] of CHECKS[kind]) {
    const v = record[field]
    if (v !== null && (check === null || !check(v))) return false
  }
  return true
}

function recordSchema(kind: SourceKind): z.ZodType<NormalizedRecord> {
  const shape: Record<string, z.ZodType> = {}
  for (const [field, check] of CHECKS[kind]) shape[field] = check ? z.custom(check).nullable() : z.null()
  return z.object(shape) as unknown as z.ZodType<NormalizedRecord>
}

export const RECORD_SCHEMAS: Record<SourceKind, z.ZodType<NormalizedRecord>> = {
  site: recordSchema('site'),
  registry: recordSchema('registry'),
  complaint: recordSchema('complaint')
}
