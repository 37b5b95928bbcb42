import { OLD_MOBILE_PREFIX as OLD_PREFIX } from '../../data/mobile-prefixes.ts'
import type { CellValue } from '../readers/types.ts'
import { ok, warn, type Normalized } from './warning.ts'

/** +84 / 84 / 0 forms → the national 0… form; old 11-digit mobiles → their 10-digit numbers. */
export function normalizePhone(raw: CellValue): Normalized<string> {
  if (raw === null || raw === '') return ok(null)
  if (typeof raw === 'boolean' || raw instanceof Date) return warn(null, 'phone', 'PHONE_INVALID')
  const text = typeof raw === 'number' ? raw.toFixed(0) : raw
  const plus = text.trim().startsWith('+')
  let d = text.replace(/\D/g, '')
  if (d === '') return warn(null, 'phone', 'PHONE_INVALID')
  if (plus || (d.startsWith('84') && d.length >= 11)) {
    if (!d.startsWith('84')) return warn(null, 'phone', 'PHONE_INVALID')
    d = '0' + d.slice(2)
  } else if (!d.startsWith('0') && (d.length === 9 || d.length === 10)) {
    // A number cell drops the leading zero.
    d = '0' + d
  }
  const old = d.length === 11 ? OLD_PREFIX[d.slice(0, 4)] : undefined
  if (old) return { value: old + d.slice(4), warnings: [{ field: 'phone', code: 'PHONE_OLD_PREFIX_CONVERTED' }] }
  if (/^0[35789]\d{8}$/.test(d)) return ok(d)
  // Landlines: 02x area codes, 10 or 11 digits.
  if (/^02\d{8,9}$/.test(d)) return ok(d)
  return warn(null, 'phone', 'PHONE_INVALID')
}
