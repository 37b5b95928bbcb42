import { spawnSync } from 'node:child_process'
import { readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test } from 'vitest'
import { sniffFile } from '../../../main/core/import/readers/sniff.ts'
import { hasLibreOffice } from '../../helpers/libreoffice.ts'
import { tempDir } from '../../helpers/tmp.ts'

const BIN = new URL('../../../bin/vaxrecon.js', import.meta.url).pathname

/**
 * "XML Spreadsheet 2003" as Excel (and LibreOffice's XSLT export) writes it: its rows sit
 * in <Table> elements, which once made it look like an HTML table, so --convert ran the
 * HTML filter. (Debian's LibreOffice without its XSLT filters cannot write this format,
 * only read it, so the file is written here as Excel writes it.)
 */
const SPREADSHEET_ML = `<?xml version="1.0"?>
<?mso-application progid="Excel.Sheet"?>
<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:o="urn:schemas-microsoft-com:office:office"
 xmlns:x="urn:schemas-microsoft-com:office:excel" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet" xmlns:html="http://www.w3.org/TR/REC-html40">
 <Worksheet ss:Name="Danh sách">
  <Table>
   <Row><Cell><Data ss:Type="String">Họ và tên</Data></Cell><Cell><Data ss:Type="String">Ngày sinh</Data></Cell><Cell><Data ss:Type="String">Số CCCD</Data></Cell></Row>
   <Row><Cell><Data ss:Type="String">Nguyễn Văn An</Data></Cell><Cell><Data ss:Type="String">21/02/1960</Data></Cell><Cell><Data ss:Type="String">079060001234</Data></Cell></Row>
   <Row><Cell><Data ss:Type="String">Trần Thị Bình</Data></Cell><Cell><Data ss:Type="String">21/03/1970</Data></Cell><Cell><Data ss:Type="String">079170001234</Data></Cell></Row>
  </Table>
 </Worksheet>
</Workbook>
`

test('SpreadsheetML 2003 is sniffed as such, not as an HTML table', async () => {
  const xml = join(tempDir('vaxrecon-xml2003-'), 'danh-sach.xml')
  writeFileSync(xml, SPREADSHEET_ML)
  expect(await sniffFile(xml)).toEqual({ kind: 'convertible', format: 'xml2003' })
})

test.skipIf(!hasLibreOffice)('SpreadsheetML 2003: --convert imports it under its own name and deletes the converted copy', () => {
  const dir = tempDir('vaxrecon-xml2003-')
  const xml = join(dir, 'danh-sach.xml')
  writeFileSync(xml, SPREADSHEET_ML)

  const ws = join(dir, 'w.vaxrecon')
  expect(spawnSync(process.execPath, [BIN, 'init', ws, '--plain']).status).toBe(0)
  // A temp folder of its own, so what is left in it is this import's.
  const tmp = tempDir('vaxrecon-xml2003-tmp-')
  const r = spawnSync(process.execPath, [BIN, 'import', ws, '--kind', 'site', xml, '--convert', '--json'], {
    encoding: 'utf8',
    env: { ...process.env, TMPDIR: tmp }
  })
  expect(r.status, r.stderr).toBe(0)
  expect(JSON.parse(r.stdout)).toMatchObject({ fileName: 'danh-sach.xml', imported: 2, rejected: 0 })
  // No converted copy is left behind.
  expect(readdirSync(tmp)).toEqual([])
})
