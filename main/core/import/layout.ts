import { headerScore, type HeaderColumn } from './mapping.ts'
import { detectLegacy, fromTcvn3, fromVni } from './normalize/legacy.ts'
import { foldToKey } from '../base/vn-text.ts'
import type { CellValue, SheetRow } from './readers/types.ts'

/** Where the header is and where the data starts, as found (or as the user said). */
export interface Layout {
  /** The (first) header row, as Excel numbers it. */
  headerRow: number
  headerRows: 1 | 2
  headers: HeaderColumn[]
  score: number
}

/** How many rows at the top of a sheet are searched for the header. */
export const HEADER_SCAN_ROWS = 40

const text = (v: CellValue | undefined): string => {
  if (v === null || v === undefined) return ''
  if (v instanceof Date) return v.toISOString().slice(0, 10)
  return String(v).replace(/\s+/g, ' ').trim()
}

/**
 * Header labels as shown. A row typed in TCVN3 or VNI is converted as a whole: one label
 * ("Sè CMND") may be too short to tell, the row ("Hä vµ tªn", "Ngµy sinh"...) is not.
 */
function labels(cells: CellValue[]): string[] {
  const texts = cells.map(text)
  // Labels already in Unicode Vietnamese (a column added later) stay as they are.
  const legacy = (t: string) => !/[\u0100-\u024f\u1e00-\u1eff]/.test(t)
  const encoding = detectLegacy(texts.filter(legacy).join(' '))
  if (!encoding) return texts
  return texts.map((t) => (!legacy(t) ? t : encoding === 'TCVN3' ? fromTcvn3(t) : fromVni(t)))
}

function singleHeader(row: SheetRow): HeaderColumn[] {
  return labels(row.cells).flatMap((label, index) => (label === '' ? [] : [{ index, label, parent: null, child: null }]))
}

/**
 * A header over two rows: group labels ("Địa chỉ", merged across its columns so only the
 * first cell holds text) above sub-labels ("Xã", "Huyện", "Tỉnh"). The group label is
 * carried right over the blank cells of its span.
 */
function doubleHeader(top: SheetRow, bottom: SheetRow): HeaderColumn[] {
  const width = Math.max(top.cells.length, bottom.cells.length)
  const tops = labels(top.cells)
  const bottoms = labels(bottom.cells)
  const out: HeaderColumn[] = []
  let carried = ''
  for (let i = 0; i < width; i++) {
    const t = tops[i] ?? ''
    const b = bottoms[i] ?? ''
    if (t !== '') carried = t
    const parent = t !== '' ? t : b !== '' ? carried : ''
    if (t === '' && b === '') {
      carried = ''
      continue
    }
    out.push({ index: i, label: parent && b && parent !== b ? `${parent} ${b}` : parent || b, parent: parent || null, child: b || null })
  }
  return out
}

/** Two columns with the same label ("Ngày") get "(2)", "(3)": a label names one column. */
function uniqueLabels(headers: HeaderColumn[]): HeaderColumn[] {
  const seen = new Map<string, number>()
  return headers.map((h) => {
    const n = (seen.get(h.label) ?? 0) + 1
    seen.set(h.label, n)
    return n === 1 ? h : { ...h, label: `${h.label} (${n})` }
  })
}

/**
 * Finds the header among the first rows: title lines, merged banners and blank rows come
 * first in real files. The best-scoring row wins (most cells that are known header words,
 * one of them identifying a person); a second header row is taken when it adds matches.
 */
export function detectLayout(rows: SheetRow[], forcedHeaderRow?: number): Layout | null {
  let best: Layout | null = null
  const candidates = forcedHeaderRow !== undefined ? rows.filter((r) => r.row === forcedHeaderRow) : rows.slice(0, HEADER_SCAN_ROWS)
  for (const row of candidates) {
    const single = uniqueLabels(singleHeader(row))
    const s1 = headerScore(single)
    let layout: Layout = { headerRow: row.row, headerRows: 1, headers: single, score: s1.identifying ? s1.score : s1.score / 2 }
    const next = rows.find((r) => r.row === row.row + 1)
    // A banner above the header ("(Từ ngày … đến ngày …)", one merged cell) is not a header row:
    // the top row must have labels of its own, and the pair must beat the lower row alone.
    if (next && !looksLikeData(next) && single.length >= 2) {
      const double = uniqueLabels(doubleHeader(row, next))
      const s2 = headerScore(double)
      const score2 = s2.identifying ? s2.score : s2.score / 2
      const sNext = headerScore(uniqueLabels(singleHeader(next)))
      const scoreNext = sNext.identifying ? sNext.score : sNext.score / 2
      if (score2 > layout.score && score2 > scoreNext) layout = { headerRow: row.row, headerRows: 2, headers: double, score: score2 }
    }
    if (forcedHeaderRow !== undefined) return layout.headers.length > 0 ? layout : null
    if (layout.score >= 2 && (!best || layout.score > best.score)) best = layout
  }
  return best
}

/** A data row has numbers or dates or long text; a header row has short labels. */
function looksLikeData(row: SheetRow): boolean {
  return row.cells.some((c) => typeof c === 'number' || c instanceof Date) && !isColumnNumberRow(row)
}

/** The "(1) (2) (3)…" or "A B C…" row printed under many official forms' headers. */
export function isColumnNumberRow(row: SheetRow): boolean {
  const cells = row.cells.map(text).filter((t) => t !== '')
  return cells.length >= 3 && cells.every((t) => /^\(?\d{1,2}\)?$/.test(t) || /^\(?[A-Z]\)?$/.test(t) || /^\(\d{1,2}\)\s*=/.test(t))
}

const FOOTER_START = [
  'nguoi lap bieu',
  'nguoi lap',
  'thu truong don vi',
  'thu truong',
  'ke toan truong',
  'truong tram',
  'giam doc',
  'tong cong',
  'xac nhan cua',
  'nguoi tong hop'
]
const FOOTER_DATE = /(^| )ngay( \d{1,2}| *)? thang( \d{1,2})? nam( \d{2,4})?$/

/**
 * The signature block under a table ("Người lập biểu", "Thủ trưởng đơn vị",
 * "…, ngày .. tháng .. năm ..") ends the data. A row only counts as one when it has
 * few cells or nothing in the name column, so a complaint that quotes a date is data.
 */
export function isFooterRow(row: SheetRow, nameColumns: number[]): boolean {
  // Checked on every row, so the common case (a filled data row) is decided without any text work.
  const empty = (v: CellValue | undefined) => v === null || v === undefined || v === ''
  let filled = 0
  for (const v of row.cells) if (!empty(v)) filled++
  if (filled > 3 && !nameColumns.every((i) => empty(row.cells[i]))) return false
  return row.cells.map(text).some((t) => {
    if (t === '') return false
    const f = foldToKey(t)
    return FOOTER_START.some((s) => f === s || f.startsWith(s + ' ')) || FOOTER_DATE.test(f) || f === 'cong'
  })
}

const NOTES = [
  'ghi chu',
  'huong dan',
  'chu thich',
  'note',
  'notes',
  'readme',
  'instruction',
  'instructions',
  'danh muc',
  'thong tin chung',
  'bia'
]

/** Sheets of notes, instructions or code lists, skipped when choosing a sheet. */
export const isNotesSheet = (name: string): boolean => {
  const f = foldToKey(name)
  return NOTES.some((n) => f === n || f.startsWith(n + ' '))
}
