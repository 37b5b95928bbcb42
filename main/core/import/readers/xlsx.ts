import { VaxError } from '../../errors.ts'
import type { CellValue, SheetInfo, SheetRow, SpreadsheetSource } from './types.ts'
import { attr, decodeXml, startTags, textOf } from './xml.ts'
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
  14: 'mm-dd-yy', 15: 'd-mmm-yy', 16: 'd-mmm', 17: 'mmm-yy', 18: 'h:mm AM/PM', 19: 'h:mm:ss AM/PM', 20: 'h:mm', 21: 'h:mm:ss',
  22: 'm/d/yy "h":mm', 45: 'mm:ss', 46: '[h]:mm:ss', 47: 'mmss.0'
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

/** Shared strings; an empty one reads as an empty cell, as in exceljs. */
async function readSharedStrings(zip: ZipReader): Promise<(string | null)[]> {
  const out: (string | null)[] = []
  if (!zip.entries.has('xl/sharedStrings.xml')) return out
  const decoder = new TextDecoder('utf-8')
  let buf = ''
  for await (const chunk of zip.stream('xl/sharedStrings.xml')) {
    buf += decoder.decode(chunk, { stream: true })
    let i = 0
    for (;;) {
      const s = buf.indexOf('<si', i)
      if (s < 0) break
      const selfClose = buf.indexOf('/>', s)
      const gt = buf.indexOf('>', s)
      if (gt < 0) break
      if (selfClose >= 0 && selfClose + 1 === gt) {
        out.push(null)
        i = gt + 1
        continue
      }
      const e = buf.indexOf('</si>', gt)
      if (e < 0) break
      out.push(textOf(buf.slice(gt + 1, e)) || null)
      i = e + 5
    }
    buf = buf.slice(i)
  }
  return out
}

/** "AB12" → 27 (0-based column index). */
function columnOf(ref: string): number {
  let n = 0
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i)
    if (c < 65 || c > 90) break
    n = n * 26 + (c - 64)
  }
  return n - 1
}

const BATCH = 2000

interface Ctx {
  strings: (string | null)[]
  dateStyles: boolean[]
  date1904: boolean
}

function cellValue(t: string | null, v: string | null, inline: string | null, hasFormula: boolean, isDate: boolean, ctx: Ctx): CellValue {
  if (t === 'inlineStr') return inline === null ? null : textOf(inline)
  if (v === null) return null
  if (hasFormula) return t === 'str' ? decodeXml(v) : parseFloat(v)
  switch (t) {
    case 's':
      return ctx.strings[parseInt(v, 10)] ?? null
    case 'str':
      return decodeXml(v)
    case 'b':
      return parseInt(v, 10) !== 0
    case 'e':
      return decodeXml(v)
    case 'd':
      return new Date(v)
    default: {
      const n = parseFloat(v)
      if (isDate) return new Date(Math.round((n - 25569 + (ctx.date1904 ? 1462 : 0)) * 86_400_000))
      return n
    }
  }
}

/** Parses one <row>…</row> (without the outer tags); `rowTag` is the start tag's text. */
function parseRow(rowTag: string, body: string, fallbackRow: number, ctx: Ctx): SheetRow {
  const r = attr(rowTag, 'r')
  const row = r === null ? fallbackRow : parseInt(r, 10)
  const rowStyle = parseInt(attr(rowTag, 's') ?? '0', 10)
  const cells: CellValue[] = []
  let col = -1
  let i = 0
  for (;;) {
    i = body.indexOf('<c', i)
    if (i < 0) break
    const next = body.charCodeAt(i + 2)
    if (next !== 32 && next !== 62 && next !== 47) {
      i += 2
      continue
    }
    const gt = body.indexOf('>', i)
    const tag = body.slice(i + 1, gt)
    const ref = attr(tag, 'r')
    col = ref === null ? col + 1 : columnOf(ref)
    const selfClosing = body.charCodeAt(gt - 1) === 47
    let content = ''
    if (selfClosing) i = gt + 1
    else {
      const end = body.indexOf('</c>', gt)
      content = body.slice(gt + 1, end)
      i = end + 4
    }
    if (selfClosing || content === '') continue
    const t = attr(tag, 't')
    const s = parseInt(attr(tag, 's') ?? '0', 10) || rowStyle
    let v: string | null = null
    const vi = content.indexOf('<v')
    if (vi >= 0) {
      const vgt = content.indexOf('>', vi)
      if (content.charCodeAt(vgt - 1) !== 47) v = content.slice(vgt + 1, content.indexOf('</v>', vgt))
    }
    const isi = t === 'inlineStr' ? content.indexOf('<is') : -1
    const inline = isi >= 0 ? content.slice(isi, content.lastIndexOf('</is>')) : null
    const value = cellValue(t, v, inline, content.indexOf('<f') >= 0, ctx.dateStyles[s] === true, ctx)
    if (value === null) continue
    while (cells.length < col) cells.push(null)
    cells[col] = value
  }
  return { row, cells }
}

async function* scanSheet(zip: ZipReader, part: string, ctx: Ctx, onRead: (n: number) => void): AsyncGenerator<SheetRow[]> {
  const decoder = new TextDecoder('utf-8')
  let buf = ''
  let batch: SheetRow[] = []
  let lastRow = 0
  let done = false
  for await (const chunk of zip.stream(part, onRead)) {
    buf += decoder.decode(chunk, { stream: true })
    let i = 0
    for (;;) {
      const s = buf.indexOf('<row', i)
      if (s < 0) {
        if (buf.indexOf('</sheetData>', i) >= 0) done = true
        // Keep a possible partial "<ro" at the end of the buffer.
        i = Math.max(i, buf.length - 8)
        break
      }
      const next = buf.charCodeAt(s + 4)
      if (next !== 32 && next !== 62 && next !== 47) {
        i = s + 4
        continue
      }
      const gt = buf.indexOf('>', s)
      if (gt < 0) {
        i = s
        break
      }
      const tag = buf.slice(s + 1, gt)
      if (buf.charCodeAt(gt - 1) === 47) {
        i = gt + 1
        const r = attr(tag, 'r')
        lastRow = r === null ? lastRow + 1 : parseInt(r, 10)
        continue
      }
      const end = buf.indexOf('</row>', gt)
      if (end < 0) {
        i = s
        break
      }
      const row = parseRow(tag, buf.slice(gt + 1, end), lastRow + 1, ctx)
      lastRow = row.row
      if (row.cells.length > 0) batch.push(row)
      i = end + 6
    }
    buf = buf.slice(i)
    if (batch.length >= BATCH) {
      yield batch
      batch = []
    }
    if (done) break
  }
  if (batch.length > 0) yield batch
}

export async function openXlsx(path: string): Promise<SpreadsheetSource> {
  const zip = await ZipReader.open(path)
  try {
    if (!zip.entries.has('xl/workbook.xml')) {
      throw new VaxError('FILE_NOT_SPREADSHEET', {
        vi: 'Tệp nén này không phải là bảng tính Excel (.xlsx). Hãy chọn đúng tệp Excel.',
        en: 'This ZIP file is not an Excel workbook (.xlsx). Choose the Excel file itself.'
      })
    }
    const wb = await readWorkbook(zip)
    const ctx: Ctx = { strings: await readSharedStrings(zip), dateStyles: await readDateStyles(zip), date1904: wb.date1904 }
    let done = 0
    let total = 0
    return {
      format: 'xlsx',
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
