import { hash32 } from '../base/hash.ts'
import { memoText } from '../base/memo.ts'
import { foldForMatch, lowerNfc, tokens } from '../base/vn-text.ts'
import type { LinkageColumns } from '../records/record-columns.ts'

/** The normalized columns of a `records` row that linkage reads (declared with the records' readers). */
export type RecordRow = LinkageColumns

export interface PreparedName {
  /** Lower-case NFC tokens, in the order written. */
  exact: string[]
  /** The same tokens without diacritics. */
  folded: string[]
  /** Whether the name was typed with diacritics at all (if not, missing marks mean nothing). */
  marked: boolean
  /** The middle names in the written order, joined: exact and folded. */
  middleExact: string
  middleFolded: string
}

export interface PreparedDob {
  y: number
  /** 0 when only the year is known. */
  m: number
  d: number
}

/**
 * A record reduced to what the comparisons and blocking keys need, computed once so
 * that millions of pair comparisons only look values up.
 */
export interface Prepared {
  /** records.id */
  id: number
  importId: number
  kind: RecordRow['kind']
  name: PreparedName | null
  dob: PreparedDob | null
  gender: 'M' | 'F' | null
  nationalId: string | null
  oldNationalId: string | null
  phone: string | null
  province: string | null
  district: string | null
  ward: string | null
  /** Folded address tokens; null when there is no address, or a ward code says where it is. */
  address: string[] | null
  /** The house and street where a ward code gives the rest, hashed (see streetOf); null if unknown. */
  street: number | null
  vaccine: string | null
  doseNumber: number | null
  doseDate: string | null
  complaintType: string | null
}

// Names repeat endlessly (a few hundred family names, a few thousand given names), so each
// distinct token is folded once; the same string objects also make comparisons cheap.
const foldCache = new Map<string, string>()
const interned = new Map<string, string>()
const intern = <T extends string>(s: T): T => {
  const hit = interned.get(s)
  if (hit !== undefined) return hit as T
  if (interned.size > 500_000) interned.clear()
  interned.set(s, s)
  return s
}
const internOrNull = (s: string | null): string | null => (s === null ? null : intern(s))

/**
 * One object per distinct value, shared by every record that has it (records are never
 * changed once prepared). A million records hold a few hundred thousand distinct names and
 * some thirty thousand birth dates: sharing them roughly halves the records' memory, and
 * a structured clone to the comparison threads keeps the sharing.
 */
function shared<T>(derive: (s: string) => T): (s: string | null) => T | null {
  const memo = memoText(derive, 500_000)
  return (s) => (s ? memo(s) : null)
}
function foldToken(t: string): string {
  let f = foldCache.get(t)
  if (f === undefined) {
    f = intern(foldForMatch(t))
    if (foldCache.size > 500_000) foldCache.clear()
    foldCache.set(t, f)
  }
  return f
}

function prepareName(full: string | null): PreparedName | null {
  if (!full) return null
  // Names split on spaces only: "Graham-Jones" is one family name.
  const exact = lowerNfc(full)
    .split(/[\s,]+/)
    .filter((t) => t.length > 0)
    .map(intern)
  if (exact.length === 0) return null
  const folded = exact.map(foldToken)
  return {
    exact,
    folded,
    marked: exact.some((t, i) => t !== folded[i]),
    middleExact: exact.length > 2 ? exact.slice(1, -1).join(' ') : '',
    middleFolded: folded.length > 2 ? folded.slice(1, -1).join(' ') : ''
  }
}

export function parseDob(s: string | null): PreparedDob | null {
  if (!s) return null
  const full = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s)
  if (full) return { y: Number(full[1]), m: Number(full[2]), d: Number(full[3]) }
  const year = /^(\d{4})$/.exec(s)
  return year ? { y: Number(year[1]), m: 0, d: 0 } : null
}

const digitsOnly = (s: string | null): string | null => {
  const d = s?.replace(/\D/g, '') ?? ''
  return d.length > 0 ? d : null
}

const blankToNull = (s: string | null): string | null => (s && s.trim() !== '' ? s.trim() : null)

/**
 * The part of a coded address before its first comma: the house and street ("Số 12 ngõ 3
 * Trường Chinh"), the rest naming the ward, district and province the codes already give.
 * Folded and hashed (a number per record, not a string); two records at one house share it.
 */
export function streetOf(address: string | null, ward: string | null): number | null {
  if (!address || !ward) return null
  const cut = address.indexOf(',')
  if (cut <= 0) return null
  const t = tokens(foldForMatch(address.slice(0, cut)))
  return t.length > 0 ? hash32(t.join(' ')) : null
}

const sharedName = shared(prepareName)
const sharedDob = shared(parseDob)

export function prepare(r: RecordRow): Prepared {
  // Free-text address words stand in for the ward only where there is no ward code
  // (FEBRL's Australian addresses); folding every Vietnamese address would be wasted work.
  const addr = r.address && !r.ward_code ? tokens(foldForMatch(r.address)) : []
  return {
    id: r.id,
    importId: r.import_id,
    kind: intern(r.kind),
    name: sharedName(r.full_name),
    dob: sharedDob(r.dob),
    gender: r.gender === 'M' || r.gender === 'F' ? r.gender : null,
    nationalId: blankToNull(r.national_id),
    oldNationalId: blankToNull(r.old_national_id),
    phone: digitsOnly(r.phone),
    province: internOrNull(blankToNull(r.province_code)),
    district: internOrNull(blankToNull(r.district_code)),
    ward: internOrNull(blankToNull(r.ward_code)),
    address: addr.length > 0 ? addr : null,
    street: streetOf(r.address, blankToNull(r.ward_code)),
    vaccine: internOrNull(blankToNull(r.vaccine)),
    doseNumber: r.dose_number,
    doseDate: internOrNull(blankToNull(r.dose_date)),
    complaintType: internOrNull(blankToNull(r.complaint_type))
  }
}

/** The name's parts in Vietnamese order: family name first, given name last. */
export function family(n: PreparedName): string {
  return n.folded[0] ?? ''
}
export function given(n: PreparedName): string {
  return n.folded[n.folded.length - 1] ?? ''
}

/** A birth date as written in the workspace: YYYY-MM-DD, or YYYY when only the year is known. */
export const dobString = (d: PreparedDob | null): string | null =>
  d ? (d.m === 0 ? String(d.y) : `${d.y}-${String(d.m).padStart(2, '0')}-${String(d.d).padStart(2, '0')}`) : null
