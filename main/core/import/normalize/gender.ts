import type { CellValue } from '../readers/types.ts'
import { fromTcvn3, fromVni } from './legacy.ts'
import { memoText } from '../../base/memo.ts'
import { foldToKey } from '../../base/vn-text.ts'
import { ok, warn, type Normalized } from './warning.ts'

const MALE = new Set(['nam', 'm', 'male', '1', 'trai', 'gioi tinh nam', 'ong'])
const FEMALE = new Set(['nu', 'f', 'female', '0', 'gai', 'gioi tinh nu', 'ba', 'w'])

const fromKey = (key: string): Normalized<'M' | 'F'> => {
  if (key === '') return ok(null)
  if (MALE.has(key)) return ok('M')
  if (FEMALE.has(key)) return ok('F')
  return warn(null, 'gender', 'GENDER_UNKNOWN')
}
/**
 * "N÷" (TCVN3) and "Nöõ" (VNI) are "Nữ": too short for the encoding detector, so an
 * unknown gender is tried in each legacy encoding.
 */
function fromLegacy(s: string): Normalized<'M' | 'F'> | null {
  for (const convert of [fromTcvn3, fromVni]) {
    const key = foldToKey(convert(s))
    if (MALE.has(key) || FEMALE.has(key))
      return { value: MALE.has(key) ? 'M' : 'F', warnings: [{ field: 'gender', code: 'GENDER_FROM_LEGACY' }] }
  }
  return null
}

// Text that folds to nothing ("?", "-") is not a gender either.
const fromText = memoText((s) => {
  if (s.trim() !== '' && foldToKey(s) === '') return warn<'M' | 'F'>(null, 'gender', 'GENDER_UNKNOWN')
  const plain = fromKey(foldToKey(s))
  return plain.value === null && plain.warnings.length > 0 ? (fromLegacy(s) ?? plain) : plain
})

/** Nam/Nữ/M/F/1/0 in any case (and with or without diacritics) → M or F. */
export function normalizeGender(raw: CellValue): Normalized<'M' | 'F'> {
  if (raw === null || raw === '') return ok(null)
  if (typeof raw === 'string') return fromText(raw)
  return fromKey(typeof raw === 'number' || typeof raw === 'boolean' ? String(Number(raw)) : '')
}
