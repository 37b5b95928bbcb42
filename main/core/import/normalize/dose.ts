import type { CellValue } from '../readers/types.ts'
import { foldToKey } from '../../base/vn-text.ts'
import { ok, warn, type Normalized } from './warning.ts'

const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4, v: 5 }

/** "1", 1, "Mũi 2", "mũi thứ 3", "M2", "II" → the dose number; "nhắc lại" alone is not a number. */
export function normalizeDoseNumber(raw: CellValue): Normalized<number> {
  if (raw === null || raw === '') return ok(null)
  if (typeof raw === 'number')
    return Number.isInteger(raw) && raw >= 1 && raw <= 10 ? ok(raw) : warn(null, 'dose_number', 'DOSE_NUMBER_INVALID')
  const s = foldToKey(String(raw))
  if (s === '') return ok(null)
  const digits = s.match(/^(?:mui|m|lieu|dose|lan)?\s*(?:thu\s*)?(\d{1,2})(?:\s.*)?$/)
  if (digits) {
    const n = Number(digits[1])
    return n >= 1 && n <= 10 ? ok(n) : warn(null, 'dose_number', 'DOSE_NUMBER_INVALID')
  }
  const roman = s.match(/^(?:mui\s*)?(i|ii|iii|iv|v)$/)
  if (roman) return ok(ROMAN[roman[1] ?? ''] ?? null)
  return warn(null, 'dose_number', 'DOSE_NUMBER_INVALID')
}
