import { VaxError } from '../../base/errors.ts'
import { SheetScanner, type ScanContext } from './sheet-scan.ts'
import { stat } from 'node:fs/promises'
import type { OpenOptions, SheetInfo, SheetRow, SpreadsheetSource } from './types.ts'
import { readSharedStrings } from './shared-strings.ts'
import { attr, startTags } from './xml.ts'
import { damaged, ZipReader } from './zip.ts'

/**
 * Streams the rows of an .xlsx without loading it: the sheet's XML is inflated and
 * scanned chunk by chunk. Values follow exceljs's streaming reader exactly (a test runs
 * both over the whole fixture corpus): shared strings as text, date-formatted numbers as
 * Dates, formulas as their cached result, booleans, errors as their code ("#N/A").
 */

// exceljs's isDateFmt: any of y m d h s b outside quotes and [brackets].
export function isDateFormat(code: string): boolean {
  return /[ymdhMsb]+/.test(code.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''))
}
// The built-in number formats exceljs knows, by id; the rest have no format.
const BUILTIN_FORMATS: Record<number, string> = {
  14: 'mm-dd-yy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'm/d/yy "h":mm',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0'
}

interface Workbook {
  sheets: (SheetInfo & { part: string })[]
  date1904: boolean
}

function resolveTarget(target: string): string {
  if (target.startsWith('/')) return target.slice(1)
  const parts = `xl/${target}`.split('/')
  const out: string[] = []
  for (const p of parts) {
    if (p === '..') out.pop()
    else if (p !== '.') out.push(p)
  }
  return out.join('/')
}

async function readWorkbook(zip: ZipReader): Promise<Workbook> {
  const wb = await zip.text('xl/workbook.xml')
  const rels = await zip.text('xl/_rels/workbook.xml.rels')
  if (wb === null || rels === null) throw damaged('no workbook part')
  const targets = new Map<string, string>()
  for (const tag of startTags(rels, 'Relationship')) {
    const id = attr(tag, 'Id')
    const target = attr(tag, 'Target')
    if (id && target) targets.set(id, resolveTarget(target))
  }
  const sheets: Workbook['sheets'] = []
  for (const tag of startTags(wb, 'sheet')) {
    const name = attr(tag, 'name')
    const part = targets.get(attr(tag, 'r:id') ?? '')
    if (name !== null && part && zip.entries.has(part)) sheets.push({ name, part, hidden: (attr(tag, 'state') ?? 'visible') !== 'visible' })
  }
  const pr = startTags(wb, 'workbookPr')[0]
  const d1904 = pr ? attr(pr, 'date1904') : null
  return { sheets, date1904: d1904 === '1' || d1904 === 'true' }
}

/** For each cellXfs index: is it a date format? */
async function readDateStyles(zip: ZipReader): Promise<boolean[]> {
  const xml = await zip.text('xl/styles.xml')
  if (xml === null) return []
  const custom = new Map<number, string>()
  for (const tag of startTags(xml, 'numFmt')) custom.set(Number(attr(tag, 'numFmtId')), attr(tag, 'formatCode') ?? '')
  const start = xml.indexOf('<cellXfs')
  const end = xml.indexOf('</cellXfs>', start)
  if (start < 0 || end < 0) return []
  return startTags(xml.slice(start, end), 'xf').map((tag) => {
    const id = Number(attr(tag, 'numFmtId') ?? '0')
    if (!id) return false
    const code = custom.get(id) ?? BUILTIN_FORMATS[id]
    return code !== undefined && isDateFormat(code)
  })
}

const BATCH = 200

async function* scanSheet(zip: ZipReader, part: string, ctx: ScanContext, onRead: (n: number) => void): AsyncGenerator<SheetRow[]> {
  const scanner = new SheetScanner(ctx)
  let batch: SheetRow[] = []
  for await (const chunk of zip.stream(part, onRead)) {
    scanner.push(chunk, batch)
    if (batch.length >= BATCH) {
      yield batch
      batch = []
    }
    if (scanner.done) break
  }
  if (batch.length > 0) yield batch
}

/** `opts.sharedStrings`: the table another thread already read from this very file, so it is read once. */
export async function openXlsx(path: string, opts: OpenOptions = {}): Promise<SpreadsheetSource> {
  const zip = await ZipReader.open(path)
  try {
    if (!zip.entries.has('xl/workbook.xml')) {
      throw new VaxError('FILE_NOT_SPREADSHEET', {
        vi: 'Tệp nén này không phải là bảng tính Excel (.xlsx). Hãy chọn đúng tệp Excel.',
        en: 'This ZIP file is not an Excel workbook (.xlsx). Choose the Excel file itself.'
      })
    }
    const wb = await readWorkbook(zip)
    const sheetBytes = wb.sheets.reduce((n, s) => n + (zip.entries.get(s.part)?.size ?? 0), 0)
    const strings = opts.sharedStrings ?? (await readSharedStrings(zip, { fileBytes: (await stat(path)).size, sheetBytes }))
    const ctx: ScanContext = { strings, dateStyles: await readDateStyles(zip), date1904: wb.date1904 }
    let done = 0
    let total = 0
    return {
      format: 'xlsx',
      sharedStrings: strings,
      sheets: wb.sheets.map(({ name, hidden }) => ({ name, hidden })),
      rows(sheet: string) {
        const info = wb.sheets.find((s) => s.name === sheet)
        if (!info) throw new Error(`no sheet ${sheet}`)
        done = 0
        total = zip.entries.get(info.part)?.compressedSize ?? 0
        return scanSheet(zip, info.part, ctx, (n) => (done += n))
      },
      progress: () => ({ done, total }),
      close: () => zip.close()
    }
  } catch (err) {
    await zip.close()
    throw err
  }
}
