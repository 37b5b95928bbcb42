import { VaxError } from '../base/errors.ts'
import { mappableFieldsOfKind } from '../records/fields.ts'
import { HEADER_SYNONYMS, IGNORED_HEADERS } from '../records/header-synonyms.ts'
import type { Mapping, MappableField, SourceKind } from './fields.ts'
import { foldToKey } from '../base/vn-text.ts'

/** One column of the header: its label as shown, and for two-row headers its two halves. */
export interface HeaderColumn {
  index: number
  label: string
  parent: string | null
  child: string | null
}

const lookup = new Map<string, MappableField>()
for (const [field, words] of Object.entries(HEADER_SYNONYMS) as [MappableField, string[]][])
  for (const w of words) if (!lookup.has(w)) lookup.set(w, field)
const ignored = new Set(IGNORED_HEADERS)

/** "Ngày sinh (dd/mm/yyyy)" → "ngay sinh"; the note in brackets is dropped. */
export const headerKey = (label: string): string => foldToKey(label.replace(/\([^)]*\)|\[[^\]]*]/g, ' '))

// Address parts come in endless combinations ("Số nhà, đường/thôn", "Thôn/Tổ dân phố"):
// a header made only of these words, naming at least one place, is part of the address.
const ADDRESS_WORDS = new Set([
  'so',
  'nha',
  'duong',
  'pho',
  'thon',
  'xom',
  'ap',
  'to',
  'dan',
  'khu',
  'ban',
  'lang',
  'xa',
  'phuong',
  'thi',
  'tran',
  'huyen',
  'quan',
  'tinh',
  'thanh',
  'tp',
  'tx',
  'dia',
  'chi',
  'ngo',
  'hem',
  'ngach',
  'kiet'
])
const PLACE_WORDS = new Set([
  'nha',
  'duong',
  'pho',
  'thon',
  'xom',
  'ap',
  'khu',
  'ban',
  'lang',
  'xa',
  'phuong',
  'huyen',
  'quan',
  'tinh',
  'tp'
])
const isAddressPart = (key: string): boolean => {
  const words = key.split(' ')
  return words.every((w) => ADDRESS_WORDS.has(w)) && words.some((w) => PLACE_WORDS.has(w))
}

/** The field a header names, 'ignored' for known non-data headers (STT, Ghi chú), or null. */
export function matchHeader(label: string): MappableField | 'ignored' | null {
  for (const key of [headerKey(label), foldToKey(label)]) {
    if (key === '') continue
    const f = lookup.get(key)
    if (f) return f
    if (ignored.has(key)) return 'ignored'
  }
  const key = headerKey(label)
  if (isAddressPart(key)) return 'address'
  // Any header naming an identity document ("Số định danh cá nhân/CMND", "CCCD hoặc hộ chiếu"),
  // but not its date or place of issue.
  if (/\b(cccd|cmnd|cmt|dinh danh|ho chieu|can cuoc)\b/.test(key) && !/\b(ngay|noi|cap)\b/.test(key)) {
    return /\bcu\b/.test(key) ? 'old_national_id' : 'national_id'
  }
  return null
}

/** A two-row header is matched on "parent child", then the child, then the parent. */
function matchColumn(h: HeaderColumn): MappableField | 'ignored' | null {
  if (h.parent && h.child) {
    const pk = headerKey(h.parent)
    const ck = headerKey(h.child)
    // "Ngày sinh" over "Nam" | "Nữ": the column the date sits in gives the gender.
    if (lookup.get(pk) === 'dob' && (ck === 'nam' || ck === 'nu')) return ck === 'nam' ? 'dob_male' : 'dob_female'
    return matchHeader(`${h.parent} ${h.child}`) ?? matchHeader(h.child) ?? matchHeader(h.parent)
  }
  return matchHeader(h.label)
}

/** How many columns look like header words: the header row is the row that scores best. */
export function headerScore(headers: HeaderColumn[]): { score: number; identifying: boolean } {
  let score = 0
  let identifying = false
  for (const h of headers) {
    const m = matchColumn(h)
    if (m === null) continue
    score++
    if (m === 'full_name' || m === 'family_name' || m === 'national_id' || m === 'complaint_id') identifying = true
  }
  return { score, identifying }
}

/**
 * The mapping VaxRecon proposes for a header: synonyms per column, then the rules a clerk
 * would apply — "Họ và đệm" + "Tên" is a split name, a second ID column headed CMND is the
 * old ID, several address columns are joined in order.
 */
export function suggestMapping(headers: HeaderColumn[], kind: SourceKind): Mapping {
  const allowed = new Set<MappableField>(mappableFieldsOfKind(kind))
  const cols = new Map<MappableField, HeaderColumn[]>()
  for (const h of headers) {
    const m = matchColumn(h)
    if (m === null || m === 'ignored') continue
    const same = cols.get(m)
    if (same) same.push(h)
    else cols.set(m, [h])
  }
  // "Tên" alone is a full name; next to "Họ" / "Họ và đệm" it is the given name.
  const given = cols.get('given_name')
  if (given && !cols.has('family_name') && !cols.has('full_name') && given.some((h) => headerKey(h.child ?? h.label) === 'ten')) {
    cols.set('full_name', given)
    cols.delete('given_name')
  }
  const ids = cols.get('national_id') ?? []
  if (ids.length > 1 && !cols.has('old_national_id')) {
    const isOld = (h: HeaderColumn) => /cmnd|cmt/.test(headerKey(h.label)) && !/cccd|dinh danh|ho chieu/.test(headerKey(h.label))
    const old = ids.find(isOld)
    if (old) {
      cols.set('old_national_id', [old])
      cols.set(
        'national_id',
        ids.filter((h) => h !== old)
      )
    }
  }
  const mapping: Mapping = {}
  for (const [field, hs] of cols) {
    if (!allowed.has(field)) continue
    // Only the address is made of several columns; for any other field the first one wins.
    mapping[field] = (field === 'address' ? hs : hs.slice(0, 1)).map((h) => h.label)
  }
  return mapping
}

/** Turns a mapping by header labels into column indexes; a label that is not in the header is an error. */
export function resolveMapping(mapping: Mapping, headers: HeaderColumn[]): Partial<Record<MappableField, number[]>> {
  const out: Partial<Record<MappableField, number[]>> = {}
  for (const [field, labels] of Object.entries(mapping)) {
    if (labels.length === 0) continue
    out[field as MappableField] = labels.map((label) => {
      const k = foldToKey(label)
      const h =
        headers.find((c) => c.label === label) ??
        headers.find((c) => foldToKey(c.label) === k) ??
        headers.find((c) => c.child !== null && foldToKey(c.child) === k) ??
        headers.find((c) => headerKey(c.label) === headerKey(label) && headerKey(label) !== '')
      if (!h) {
        throw new VaxError(
          'MAPPING_HEADER_NOT_FOUND',
          {
            vi: `Không có cột nào tên "${label}" trong dòng tiêu đề (trường ${field}). Các cột có: ${headers.map((c) => c.label).join(', ')}.`,
            en: `No column is headed "${label}" (field ${field}). The columns are: ${headers.map((c) => c.label).join(', ')}.`
          },
          { field, label }
        )
      }
      return h.index
    })
  }
  return out
}

/** A file's shape, for finding a saved template: its header labels, folded, in order. */
export const headerSignature = (headers: HeaderColumn[]): string => headers.map((h) => foldToKey(h.label)).join('|')
