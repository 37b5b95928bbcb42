import { VaxError } from '../../base/errors.ts'
import { openCsv } from './csv.ts'
import { findLibreOffice } from './convert.ts'
import { sniffFile } from './sniff.ts'
import type { OpenOptions, SpreadsheetSource } from './types.ts'
import { openXlsx } from './xlsx.ts'

const NEEDS_CONVERSION: Record<'xls' | 'html' | 'xml2003' | 'ods', { code: string; vi: string; en: string }> = {
  xls: {
    code: 'FILE_XLS_BINARY',
    vi: 'Đây là tệp Excel 97-2003 (.xls) cũ, VaxRecon chỉ đọc .xlsx và .csv. Hãy mở tệp trong Excel rồi chọn Tệp → Lưu thành → Sổ làm việc Excel (*.xlsx).',
    en: 'This is an old Excel 97-2003 file (.xls); VaxRecon reads .xlsx and .csv. Open it in Excel and choose File → Save As → Excel Workbook (*.xlsx).'
  },
  html: {
    code: 'FILE_HTML_TABLE',
    vi: 'Tệp này là một bảng HTML (trang web) mang đuôi .xls, như các cổng thông tin thường xuất. Hãy mở tệp trong Excel rồi Lưu thành Sổ làm việc Excel (*.xlsx).',
    en: 'This file is an HTML table (a web page) named .xls, as portals often export. Open it in Excel and Save As Excel Workbook (*.xlsx).'
  },
  xml2003: {
    code: 'FILE_XML_2003',
    vi: 'Đây là tệp Bảng tính XML 2003. Hãy mở tệp trong Excel rồi Lưu thành Sổ làm việc Excel (*.xlsx).',
    en: 'This is an XML Spreadsheet 2003 file. Open it in Excel and Save As Excel Workbook (*.xlsx).'
  },
  ods: {
    code: 'FILE_ODS',
    vi: 'Đây là tệp OpenDocument (.ods). Hãy mở tệp trong LibreOffice hoặc Excel rồi lưu thành .xlsx.',
    en: 'This is an OpenDocument spreadsheet (.ods). Open it in LibreOffice or Excel and save it as .xlsx.'
  }
}

/** Opens any supported spreadsheet for streaming, or explains in both languages why not. */
export async function openSpreadsheet(path: string, opts: OpenOptions = {}): Promise<SpreadsheetSource> {
  const kind = await sniffFile(path)
  if (kind.kind === 'xlsx') return openXlsx(path, opts)
  if (kind.kind === 'csv') return openCsv(path)
  const m = NEEDS_CONVERSION[kind.format]
  const canConvert = findLibreOffice() !== null
  throw new VaxError(
    m.code,
    {
      vi: m.vi + (canConvert ? ' Hoặc để VaxRecon tự chuyển đổi bằng LibreOffice đã cài trên máy.' : ''),
      en: m.en + (canConvert ? ' Or let VaxRecon convert it with the LibreOffice installed on this computer.' : '')
    },
    { convertible: canConvert, format: kind.format }
  )
}
