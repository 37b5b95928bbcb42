/** A problem with one field that does not block the row; stored in records.warnings_json. */
export interface FieldWarning {
  field: string
  code: string
}

/** What a normalizer returns: the canonical value (null when unusable) and any warnings. */
export interface Normalized<T> {
  value: T | null
  warnings: FieldWarning[]
}

export const ok = <T>(value: NoInfer<T> | null): Normalized<T> => ({ value, warnings: [] })
export const warn = <T>(value: NoInfer<T> | null, field: string, code: string): Normalized<T> => ({ value, warnings: [{ field, code }] })
