import type { CellValue } from '../readers/types.ts'
import { convertLegacy } from './legacy.ts'
import { cleanText } from '../../base/vn-text.ts'
import type { FieldWarning } from './warning.ts'

const titleCache = new Map<string, string>()
// Zero-width characters and text-direction controls: invisible on screen, fatal to matching. (Not the soft
// hyphen U+00AD: in TCVN3 text it is the letter ư.)
const INVISIBLE = /[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/u
const INVISIBLE_ALL = new RegExp(INVISIBLE.source, 'gu')

/** Vietnamese title case: every syllable capitalised ("nguyễn văn AN" → "Nguyễn Văn An"). */
export function titleCase(s: string): string {
  const hit = titleCache.get(s)
  if (hit !== undefined) return hit
  // Vietnamese has no locale-specific case rules, so the plain (fast) mappings are right.
  const out = s.toLowerCase().replace(/(^|[\s\-'’(])(\p{L})/gu, (_m, sep: string, ch: string) => sep + ch.toUpperCase())
  if (titleCache.size > 100_000) titleCache.clear()
  titleCache.set(s, out)
  return out
}

export interface NameResult {
  value: string | null
  warnings: FieldWarning[]
  /** Why the cell cannot be a name at all (the row is then rejected). */
  invalid: 'NAME_NOT_TEXT' | null
}

/** Text cells only; converts TCVN3/VNI text; rejects digits, error codes and symbol soup. */
export function normalizeName(raw: CellValue, field = 'full_name'): NameResult {
  if (raw === null) return { value: null, warnings: [], invalid: null }
  if (typeof raw !== 'string') return { value: null, warnings: [], invalid: 'NAME_NOT_TEXT' }
  const warnings: FieldWarning[] = []
  let text = raw
  if (INVISIBLE.test(text)) {
    // A zero-width space before a capital stood for a space ("Trần\u200bThị"); elsewhere, and bidi controls, nothing.
    text = text.replace(/[\u200b\u2060](?=\p{Lu})/gu, ' ').replace(INVISIBLE_ALL, '')
    warnings.push({ field, code: 'NAME_INVISIBLE_REMOVED' })
  }
  text = cleanText(text)
  if (text === '') return { value: null, warnings, invalid: null }
  const legacy = convertLegacy(text)
  if (legacy) {
    text = cleanText(legacy.text)
    warnings.push({ field, code: legacy.encoding === 'TCVN3' ? 'NAME_FROM_TCVN3' : 'NAME_FROM_VNI' })
  }
  // A name has letters, and nothing that looks like a number, a formula error or a date.
  if (!/\p{L}/u.test(text) || /[0-9#@=<>{}[\]|\\/_*+]/.test(text)) return { value: null, warnings, invalid: 'NAME_NOT_TEXT' }
  return { value: titleCase(text), warnings, invalid: null }
}

/** Joins "Họ và đệm" + "Tên" (family + given) into one full name. */
export function joinName(family: CellValue, given: CellValue): CellValue {
  const parts = [family, given].filter((p) => p !== null && String(p).trim() !== '').map((p) => String(p))
  return parts.length === 0 ? null : parts.join(' ')
}
