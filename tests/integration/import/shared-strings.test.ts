import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { beforeAll, describe, expect, test } from 'vitest'
import { SharedStringsScanner } from '../../../main/core/import/readers/shared-strings.ts'
import { hasLibreOffice, roundTripXlsx } from '../../helpers/libreoffice.ts'
import { tempDir } from '../../helpers/tmp.ts'
import { viaExceljs, viaExceljsWorkbook, viaOurs } from './dump.ts'

/**
 * Excel and LibreOffice store every text cell in xl/sharedStrings.xml. The table is read
 * in one pass and must give exactly exceljs's values, on a table large enough to span
 * many inflated chunks (so strings are cut at every kind of boundary). The reference is
 * exceljs's whole-workbook reader: its streaming reader garbles a letter cut between two
 * chunks (checked below, so the day it is fixed this test says so).
 */
const GIVEN = ['Văn An', 'Thị Bình', 'Minh Châu', 'Đức', 'Ngọc Ánh', 'Thị Thu Hà']
const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Đặng']

async function writeSharedStringsWorkbook(path: string, rows: number): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true, useStyles: true })
  const ws = wb.addWorksheet('Danh sách')
  ws.addRow(['TRẠM Y TẾ PHƯỜNG BẾN NGHÉ']).commit()
  ws.addRow(['STT', 'Họ và tên', 'Ngày sinh', 'Số CCCD', 'Địa chỉ', 'Ghi chú']).commit()
  for (let i = 1; i <= rows; i++) {
    const row = ws.addRow([
      i,
      `${FAMILY[i % 6] ?? ''} ${GIVEN[(i * 7) % 6] ?? ''} ${i}`,
      new Date(Date.UTC(1950 + (i % 50), i % 12, 1 + (i % 28))),
      String(79_000_000_000 + i).padStart(12, '0'),
      i % 5 === 0 ? `  Số ${i} <Lê Lợi> & "Hai Bà Trưng"  ` : `Ấp ${i % 9}, Xã Tân Phú`,
      i % 97 === 0 ? { richText: [{ text: 'đậm ', font: { bold: true } }, { text: `ghi chú ${i}` }] } : i % 13 === 0 ? '' : null
    ])
    row.getCell(3).numFmt = 'dd/mm/yyyy'
    row.commit()
  }
  ws.commit()
  await wb.commit()
}

describe('shared strings', () => {
  const dir = tempDir('vaxrecon-ss-')
  const excelLike = join(dir, 'site-shared.xlsx')
  beforeAll(() => writeSharedStringsWorkbook(excelLike, 12_000))

  test('as an Excel-like writer stores them: same values as exceljs, in one pass', async () => {
    const [theirs, ours, streamed] = await Promise.all([viaExceljsWorkbook(excelLike), viaOurs(excelLike), viaExceljs(excelLike)])
    expect(ours).toEqual(theirs)
    expect(ours['Danh sách']?.length).toBe(12_002)
    // exceljs's streaming reader: the same but for letters cut between chunks.
    const garbled = (streamed['Danh sách'] ?? []).filter(([, cells]) => cells.some((c) => typeof c === 'string' && c.includes('\ufffd')))
    expect(garbled.length).toBeGreaterThan(0)
    const ourRows = new Map(ours['Danh sách'])
    for (const [row, cells] of garbled)
      expect(cells.map((c, i) => (typeof c === 'string' && c.includes('\ufffd') ? ourRows.get(row)?.[i] : c))).toEqual(ourRows.get(row))
  })

  test.skipIf(!hasLibreOffice)('as LibreOffice writes them (soffice --convert-to xlsx): same values as exceljs', async () => {
    const out = join(dir, 'lo')
    mkdirSync(out)
    const lo = roundTripXlsx(excelLike, out)
    const [theirs, ours] = await Promise.all([viaExceljsWorkbook(lo), viaOurs(lo)])
    expect(ours).toEqual(theirs)
    expect(ours['Danh sách']?.[5]?.[1][1]).toMatch(/^\p{Lu}/u)
  })

  test('a table cut into chunks anywhere reads the same as in one piece', () => {
    const xml = Buffer.from(
      '<?xml version="1.0"?><sst count="5"><si><t>Nguyễn Văn An</t></si><si/><si><r><t>đậm </t></r><r><t xml:space="preserve">chữ &amp; số</t></r></si>' +
        '<si><t></t></si><si><t>Trần</t><rPh sb="0" eb="1"><t>ちん</t></rPh></si></sst>'
    )
    const whole = new SharedStringsScanner()
    whole.push(xml)
    expect(whole.strings).toEqual(['Nguyễn Văn An', null, 'đậm chữ & số', null, 'Trần'])
    for (const size of [1, 2, 3, 5, 7, 64]) {
      const cut = new SharedStringsScanner()
      for (let i = 0; i < xml.length; i += size) cut.push(xml.subarray(i, i + size))
      expect(cut.strings).toEqual(whole.strings)
    }
  })
})
