import { VaxError } from '../base/errors.ts'
import { fieldLabel, fieldNameEn } from '../records/labels.ts'
import { WARNINGS } from '../import/codes.ts'
import type { MappableField } from '../import/fields.ts'
import type { ReviewField } from './fields.ts'
import { normalizeRow, type ColumnMap } from '../import/normalize/row.ts'

/** Fields a clerk may type a value into: the compared ones and a dose's date and vaccine. */
export type EditableField = ReviewField | 'dose_date' | 'vaccine'

export interface EditedValue {
  value: string
  warnings: { code: string; vi: string; en: string }[]
}

// A placeholder name: a row without one is rejected before the field we check is read.
const NAME = 'Nguyễn Văn A'

/**
 * A typed value goes through exactly the import's normalization and zod validation, as
 * if it were a cell of a site spreadsheet, so an edit can never store what an import
 * would have refused ("12/3/85" becomes 1985-03-12, "nữ" becomes F, a bad CCCD is refused).
 */
export function normalizeEdit(field: EditableField, raw: string): EditedValue {
  const text = raw.trim()
  const invalid = (code?: string): VaxError => {
    const why = code ? WARNINGS[code] : undefined
    return new VaxError(
      'EDIT_INVALID',
      {
        vi: `Giá trị nhập không hợp lệ cho trường ${fieldLabel(field)}${why ? `: ${why.vi}` : '.'}`,
        en: `The value typed is not valid for ${fieldNameEn(field)}${why ? `: ${why.en}` : '.'}`
      },
      { field, code: code ?? null }
    )
  }
  if (text === '') throw invalid()
  const cols: ColumnMap = field === 'full_name' ? { full_name: [0] } : { full_name: [0], [field as MappableField]: [1] }
  const out = normalizeRow(field === 'full_name' ? [text] : [NAME, text], cols, 'site')
  if (out.status !== 'ok') throw invalid(out.status === 'rejected' ? out.reason : undefined)
  const warnings = out.warnings.filter((w) => w.field === field)
  const value = out.record[field]
  if (value === null || value === undefined) throw invalid(warnings[0]?.code)
  return {
    value: String(value),
    warnings: warnings.map((w) => ({ code: w.code, ...(WARNINGS[w.code] ?? { vi: w.code, en: w.code }) }))
  }
}
