import { z } from 'zod'
import { fieldSpec, type ColumnsOf, type RecordField } from './fields.ts'

/**
 * Zod shapes of record columns as they cross IPC: the stored value or null, TEXT as a
 * string and INTEGER as a number. Derived from records/schema.ts, so a field added there
 * reaches the wire schemas built from these.
 */
type Wire<F extends RecordField> = z.ZodNullable<NonNullable<ColumnsOf<F>[F]> extends number ? z.ZodNumber : z.ZodString>
const wire = (f: RecordField): z.ZodNullable<z.ZodString | z.ZodNumber> =>
  fieldSpec(f).sql === 'INTEGER' ? z.number().nullable() : z.string().nullable()

/** `{ full_name, dob, … }`: the columns under their own names. */
export function columnShape<F extends RecordField>(fields: readonly F[]): { [K in F]: Wire<K> } {
  return Object.fromEntries(fields.map((f) => [f, wire(f)])) as { [K in F]: Wire<K> }
}

type Camel<S extends string> = S extends `${infer H}_${infer T}` ? `${H}${Capitalize<Camel<T>>}` : S
const camel = (s: string): string => s.replace(/_(\w)/g, (_m, c: string) => c.toUpperCase())

/** `{ fullName, dob, … }`: the columns under the contract's camelCase names. */
export function camelShape<F extends RecordField>(fields: readonly F[]): { [K in F as Camel<K>]: Wire<K> } {
  return Object.fromEntries(fields.map((f) => [camel(f), wire(f)])) as { [K in F as Camel<K>]: Wire<K> }
}
