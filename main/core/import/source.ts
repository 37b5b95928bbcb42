import { VaxError } from '../base/errors.ts'
import { detectLayout, HEADER_SCAN_ROWS, isNotesSheet, type Layout } from './layout.ts'
import type { SheetRow, SpreadsheetSource } from './readers/types.ts'

/** The first rows of a sheet (enough to find the header), without reading the rest. */
export async function readHead(source: SpreadsheetSource, sheet: string, n = HEADER_SCAN_ROWS + 25): Promise<SheetRow[]> {
  const out: SheetRow[] = []
  for await (const batch of source.rows(sheet)) {
    out.push(...batch)
    if (out.length >= n) break
  }
  return out.slice(0, n)
}

export interface SheetSummary {
  name: string
  hidden: boolean
  notes: boolean
  /** The header row found in this sheet, if any. */
  headerRow: number | null
}

export async function summarizeSheets(
  source: SpreadsheetSource
): Promise<{ sheets: SheetSummary[]; layouts: Map<string, { head: SheetRow[]; layout: Layout | null }> }> {
  const layouts = new Map<string, { head: SheetRow[]; layout: Layout | null }>()
  const sheets: SheetSummary[] = []
  for (const s of source.sheets) {
    const head = await readHead(source, s.name)
    const layout = detectLayout(head)
    layouts.set(s.name, { head, layout })
    sheets.push({ name: s.name, hidden: s.hidden, notes: isNotesSheet(s.name), headerRow: layout?.headerRow ?? null })
  }
  return { sheets, layouts }
}

/** The sheet to use by default: the first visible, non-notes sheet with a header, best score first. */
export function defaultSheet(sheets: SheetSummary[], layouts: Map<string, { layout: Layout | null }>): string | null {
  const usable = sheets.filter((s) => !s.hidden && !s.notes && s.headerRow !== null)
  if (usable.length === 0) return null
  let best = usable[0] as SheetSummary
  for (const s of usable) if ((layouts.get(s.name)?.layout?.score ?? 0) > (layouts.get(best.name)?.layout?.score ?? 0)) best = s
  return best.name
}

export function sheetNotFound(sheet: string, names: string[]): VaxError {
  return new VaxError(
    'SHEET_NOT_FOUND',
    {
      vi: `Không có trang tính "${sheet}" trong tệp. Các trang tính có: ${names.join(', ')}.`,
      en: `There is no sheet "${sheet}" in the file. Its sheets are: ${names.join(', ')}.`
    },
    { sheet, sheets: names }
  )
}

export function noHeader(sheet: string | null, headerRow?: number): VaxError {
  const where = sheet ? ` (${sheet})` : ''
  return new VaxError(
    'NO_HEADER',
    headerRow !== undefined
      ? {
          vi: `Dòng ${headerRow}${where} không có tiêu đề cột nào. Hãy chọn đúng dòng tiêu đề.`,
          en: `Row ${headerRow}${where} holds no column headers. Choose the header row.`
        }
      : {
          vi: `Không tìm thấy dòng tiêu đề cột (như "Họ và tên", "Ngày sinh", "Số CCCD")${where}. Hãy kiểm tra đúng tệp và đúng trang tính, hoặc chỉ ra dòng tiêu đề.`,
          en: `No header row was found (such as "Họ và tên", "Ngày sinh", "Số CCCD")${where}. Check that this is the right file and sheet, or say which row is the header.`
        },
    { sheet, headerRow }
  )
}

/** The sheet and layout an import will use: as the user chose, or as detected. */
export async function chooseLayout(
  source: SpreadsheetSource,
  opts: { sheet?: string; headerRow?: number; mappingGiven?: boolean }
): Promise<{ sheet: string; layout: Layout; head: SheetRow[] }> {
  let sheet = opts.sheet
  if (sheet !== undefined && !source.sheets.some((s) => s.name === sheet)) {
    // A CSV has one "sheet", named after the file; any name given for it is fine.
    if (source.format === 'csv') sheet = source.sheets[0]?.name
    else
      throw sheetNotFound(
        sheet,
        source.sheets.map((s) => s.name)
      )
  }
  if (sheet === undefined) {
    const { sheets, layouts } = await summarizeSheets(source)
    const chosen =
      opts.headerRow !== undefined ? (sheets.find((s) => !s.hidden && !s.notes) ?? sheets[0])?.name : defaultSheet(sheets, layouts)
    if (!chosen) throw noHeader(null)
    sheet = chosen
  }
  const head = await readHead(source, sheet, Math.max(HEADER_SCAN_ROWS + 25, (opts.headerRow ?? 0) + 25))
  const layout = detectLayout(head, opts.headerRow)
  // A chosen row with no header word at all is a data row, unless the user maps its columns by hand.
  if (!layout || (layout.score === 0 && !opts.mappingGiven)) throw noHeader(sheet, opts.headerRow)
  return { sheet, layout, head }
}
