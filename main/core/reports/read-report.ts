import ExcelJS from 'exceljs'
import { VaxError } from '../base/errors.ts'
import { REPORT_FORMAT, type Counts, type DayRow, type Level, type ReportFile, type RowKind, type UnitRow } from './report-file.ts'
import {
  DAY_COLUMNS,
  DAY_KEY_HEADERS,
  DAYS_SHEET,
  KIND_LABEL,
  SUMMARY_KEYS,
  SUMMARY_SHEET,
  UNIT_COLUMNS,
  UNIT_KEY_HEADERS,
  UNITS_SHEET
} from './report-layout.ts'
import type { DayCounts } from './schema.ts'

/** What merging needs from a report file: its summary, its unit rows and its day rows. */
export type ReadReport = Pick<
  ReportFile,
  'level' | 'districtCode' | 'districtName' | 'provinceCode' | 'provinceName' | 'from' | 'to' | 'units' | 'days'
> & {
  signerName: string
}

const unreadable = (file: string, vi: string, en: string) =>
  new VaxError(
    'REPORT_UNREADABLE',
    { vi: `Tệp ${file} không phải báo cáo VaxRecon đọc được (${vi}).`, en: `${file} is not a readable VaxRecon report (${en}).` },
    { file }
  )

const text = (c: ExcelJS.Cell): string => (c.value === null || c.value === undefined ? '' : String(c.value)).trim()
const KIND_OF = new Map(Object.entries(KIND_LABEL).map(([k, v]) => [v, k as RowKind]))

/** Header label → column number, checked against the layout so a reordered or edited sheet is refused. */
function columns(sheet: ExcelJS.Worksheet, expected: readonly string[], file: string): Map<string, number> {
  const row = sheet.getRow(1)
  const at = new Map<string, number>()
  row.eachCell((c, n) => at.set(text(c), n))
  for (const h of expected)
    if (!at.has(h)) throw unreadable(file, `trang "${sheet.name}" thiếu cột "${h}"`, `sheet "${sheet.name}" lacks column "${h}"`)
  return at
}

function rows<T>(sheet: ExcelJS.Worksheet, read: (r: ExcelJS.Row) => T): T[] {
  const out: T[] = []
  sheet.eachRow((r, n) => {
    if (n > 1) out.push(read(r))
  })
  return out
}

function count(r: ExcelJS.Row, col: number | undefined, file: string): number {
  const v = col === undefined ? null : r.getCell(col).value
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0)
    throw unreadable(file, `ô số không hợp lệ ở dòng ${r.number}`, `bad count in row ${r.number}`)
  return v
}

function kindOf(r: ExcelJS.Row, col: number | undefined, file: string): RowKind {
  const k = col === undefined ? undefined : KIND_OF.get(text(r.getCell(col)))
  if (!k) throw unreadable(file, `cấp không hợp lệ ở dòng ${r.number}`, `bad level in row ${r.number}`)
  return k
}

/** Reads a report file's bytes back (the layout of report-layout.ts). */
export async function readReport(content: Buffer, file: string): Promise<ReadReport> {
  const wb = new ExcelJS.Workbook()
  try {
    await wb.xlsx.load(content as unknown as ArrayBuffer)
  } catch {
    throw unreadable(file, 'không mở được như .xlsx', 'cannot be opened as .xlsx')
  }
  const summary = wb.getWorksheet(SUMMARY_SHEET)
  if (!summary) throw unreadable(file, `thiếu trang "${SUMMARY_SHEET}"`, `no summary sheet`)
  const values = new Map<string, string>()
  summary.eachRow((r) => values.set(text(r.getCell(1)), text(r.getCell(3))))
  const get = (k: keyof typeof SUMMARY_KEYS) => values.get(k) ?? ''
  if (get('format') !== REPORT_FORMAT) throw unreadable(file, `định dạng "${get('format')}"`, `format "${get('format')}"`)
  const level = get('level')
  if (level !== 'district' && level !== 'province') throw unreadable(file, `cấp "${level}"`, `level "${level}"`)

  const unitSheet = wb.getWorksheet(UNITS_SHEET[level as Level])
  const daySheet = wb.getWorksheet(DAYS_SHEET)
  if (!unitSheet || !daySheet) throw unreadable(file, 'thiếu trang số liệu', 'a data sheet is missing')
  const uc = columns(unitSheet, [...UNIT_KEY_HEADERS, ...UNIT_COLUMNS.map((c) => c.header)], file)
  const units = rows(unitSheet, (r): UnitRow => {
    const counts = {} as Counts
    for (const c of UNIT_COLUMNS) if (c.key !== 'linkedShare') counts[c.key] = count(r, uc.get(c.header), file)
    return {
      kind: kindOf(r, uc.get('Cấp'), file),
      code: text(r.getCell(uc.get('Mã huyện') ?? 0)),
      name: text(r.getCell(uc.get('Tên') ?? 0)),
      counts
    }
  })
  const dc = columns(daySheet, [...DAY_KEY_HEADERS, ...DAY_COLUMNS.map((c) => c.header)], file)
  const days = rows(daySheet, (r): DayRow => {
    const counts = {} as DayCounts
    for (const c of DAY_COLUMNS) counts[c.key] = count(r, dc.get(c.header), file)
    return {
      date: text(r.getCell(dc.get('Ngày') ?? 0)),
      kind: kindOf(r, dc.get('Cấp'), file),
      code: text(r.getCell(dc.get('Mã huyện') ?? 0)),
      name: text(r.getCell(dc.get('Tên') ?? 0)),
      counts
    }
  })
  const orNull = (v: string) => (v === '' ? null : v)
  return {
    level,
    districtCode: orNull(get('district_code')),
    districtName: orNull(get('district_name')),
    provinceCode: orNull(get('province_code')),
    provinceName: orNull(get('province_name')),
    from: get('period_from'),
    to: get('period_to'),
    signerName: get('signer'),
    units,
    days
  }
}
