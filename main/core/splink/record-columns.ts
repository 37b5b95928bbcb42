import { cccdEmbedded } from '../link/compare/cccd.ts'
import { soundKey } from '../link/block.ts'
import type { Prepared, PreparedName } from '../link/prepare.ts'

/**
 * The columns `vaxrecon records export` writes and the exported Splink settings read.
 * Everything pairwise logic needs from one record is precomputed here (folded tokens,
 * each way of reading a name, CCCD-embedded year and sex, sound keys), so the settings'
 * SQL only compares columns. Strings and integers only: the same file works as CSV.
 */
export const RECORD_COLUMNS = [
  // Identity and provenance.
  ['unique_id', 'BIGINT'],
  ['source_dataset', 'VARCHAR'],
  ['record_kind', 'VARCHAR'],
  ['import_id', 'BIGINT'],
  ['source_file', 'VARCHAR'],
  ['source_sheet', 'VARCHAR'],
  ['source_row', 'BIGINT'],
  ['full_name', 'VARCHAR'],
  // The name: tokens in lower-case NFC (e_) and without diacritics (t_).
  ['name_n', 'INTEGER'],
  ['name_marked', 'BOOLEAN'],
  ['name_folded', 'VARCHAR'],
  ['name_sorted', 'VARCHAR'],
  ['t_first', 'VARCHAR'],
  ['t_second', 'VARCHAR'],
  ['t_penult', 'VARCHAR'],
  ['t_last', 'VARCHAR'],
  ['e_first', 'VARCHAR'],
  ['e_second', 'VARCHAR'],
  ['e_penult', 'VARCHAR'],
  ['e_last', 'VARCHAR'],
  // Middle names under each reading: written order (s), given name first (g), family name last (w).
  ['mid_s', 'VARCHAR'],
  ['mid_g', 'VARCHAR'],
  ['mid_w', 'VARCHAR'],
  ['emid_s', 'VARCHAR'],
  ['emid_g', 'VARCHAR'],
  ['emid_w', 'VARCHAR'],
  // Term-frequency columns: the family and given name of names with at least two words.
  ['surname_tf', 'VARCHAR'],
  ['given_name_tf', 'VARCHAR'],
  ['sound_pair', 'VARCHAR'],
  // Birth date: the date as imported (YYYY-MM-DD or YYYY) and its parts; month 0 = year only.
  ['dob', 'VARCHAR'],
  ['dob_year', 'INTEGER'],
  ['dob_month', 'INTEGER'],
  ['dob_dom', 'INTEGER'],
  ['dob_full', 'VARCHAR'],
  ['dob_ymd', 'VARCHAR'],
  ['dob_md', 'VARCHAR'],
  ['gender', 'VARCHAR'],
  ['national_id', 'VARCHAR'],
  ['old_national_id', 'VARCHAR'],
  ['nid_cccd_gender', 'VARCHAR'],
  ['nid_cccd_year', 'INTEGER'],
  ['old_cccd_gender', 'VARCHAR'],
  ['old_cccd_year', 'INTEGER'],
  ['phone', 'VARCHAR'],
  ['province_code', 'VARCHAR'],
  ['district_code', 'VARCHAR'],
  ['ward_code', 'VARCHAR'],
  // The hash of the house and street (link/prepare.ts streetOf), as text.
  ['street_key', 'VARCHAR'],
  ['address_folded', 'VARCHAR']
] as const

export type RecordColumn = (typeof RECORD_COLUMNS)[number][0]
export type ExportValue = string | number | boolean | null
export type ExportRow = Record<RecordColumn, ExportValue>

export interface Provenance {
  sourceDataset: 'site' | 'registry'
  sourceFile: string
  sourceSheet: string
  sourceRow: number
  fullName: string | null
}

const joinOrNull = (ts: readonly string[]): string | null => (ts.length > 0 ? ts.join(' ') : null)

function nameColumns(n: PreparedName | null): Partial<ExportRow> {
  if (!n) return {}
  const k = n.folded.length
  const t = n.folded
  const e = n.exact
  const at = (xs: readonly string[], i: number): string | null => (i >= 0 && i < k ? (xs[i] as string) : null)
  const two = k >= 2
  return {
    name_n: k,
    name_marked: n.marked,
    name_folded: t.join(' '),
    name_sorted: [...t].sort().join(' '),
    t_first: at(t, 0),
    t_second: at(t, 1),
    t_penult: at(t, k - 2),
    t_last: at(t, k - 1),
    e_first: at(e, 0),
    e_second: at(e, 1),
    e_penult: at(e, k - 2),
    e_last: at(e, k - 1),
    mid_s: joinOrNull(t.slice(1, -1)),
    mid_g: joinOrNull(t.slice(2)),
    mid_w: joinOrNull(t.slice(0, -2)),
    emid_s: joinOrNull(e.slice(1, -1)),
    emid_g: joinOrNull(e.slice(2)),
    emid_w: joinOrNull(e.slice(0, -2)),
    surname_tf: two ? at(t, 0) : null,
    given_name_tf: two ? at(t, k - 1) : null,
    sound_pair: k === 1 ? soundKey(t[0] as string) : [soundKey(t[0] as string), soundKey(t[k - 1] as string)].sort().join(' ')
  }
}

const pad = (x: number, w: number): string => String(x).padStart(w, '0')

/** One record as the export writes it. */
export function exportRow(r: Prepared, p: Provenance): ExportRow {
  const row = Object.fromEntries(RECORD_COLUMNS.map(([c]) => [c, null])) as ExportRow
  const nid = r.nationalId ? cccdEmbedded(r.nationalId) : null
  const old = r.oldNationalId ? cccdEmbedded(r.oldNationalId) : null
  const d = r.dob
  const full = d !== null && d.m > 0
  Object.assign(row, nameColumns(r.name), {
    unique_id: r.id,
    source_dataset: p.sourceDataset,
    record_kind: r.kind,
    import_id: r.importId,
    source_file: p.sourceFile,
    source_sheet: p.sourceSheet,
    source_row: p.sourceRow,
    full_name: p.fullName,
    dob: d ? (full ? `${d.y}-${pad(d.m, 2)}-${pad(d.d, 2)}` : String(d.y)) : null,
    dob_year: d ? d.y : null,
    dob_month: d ? d.m : null,
    dob_dom: d ? d.d : null,
    dob_full: full ? `${d.y}-${pad(d.m, 2)}-${pad(d.d, 2)}` : null,
    dob_ymd: full ? `${d.y}${pad(d.m, 2)}${pad(d.d, 2)}` : null,
    dob_md: full ? `${pad(d.m, 2)}-${pad(d.d, 2)}` : null,
    gender: r.gender,
    national_id: r.nationalId,
    old_national_id: r.oldNationalId,
    nid_cccd_gender: nid?.gender ?? null,
    nid_cccd_year: nid?.year ?? null,
    old_cccd_gender: old?.gender ?? null,
    old_cccd_year: old?.year ?? null,
    phone: r.phone,
    province_code: r.province,
    district_code: r.district,
    ward_code: r.ward,
    street_key: r.street === null ? null : String(r.street),
    address_folded: r.address ? r.address.join(' ') : null
  } satisfies Partial<ExportRow>)
  return row
}
