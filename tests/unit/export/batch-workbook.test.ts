import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test } from 'vitest'
import { buildBatchWorkbook } from '../../../main/core/export/batch-workbook.ts'
import { hasLibreOffice, parseCsv, xlsxToCsv } from '../../helpers/libreoffice.ts'
import { tempDir } from '../../helpers/tmp.ts'
import { readBack } from '../../helpers/xlsx-readback.ts'
import { sampleRows, SAMPLE_HEADER } from './batch-sample.ts'

// What exceljs read back from the batch its own writer made, before the batch got a writer of its own.
const EXCELJS_READBACK = JSON.parse(readFileSync(new URL('../../fixtures/export/batch-readback.json', import.meta.url), 'utf8')) as unknown

test('the batch reads back, cell by cell (type, value, format, font, fill, alignment), views, filter and widths, as the exceljs-written batch did', async () => {
  const bytes = await buildBatchWorkbook(SAMPLE_HEADER, sampleRows())
  expect(await readBack(bytes)).toEqual(EXCELJS_READBACK)
})

test('the same batch gives the same bytes', async () => {
  const a = await buildBatchWorkbook(SAMPLE_HEADER, sampleRows())
  expect((await buildBatchWorkbook(SAMPLE_HEADER, sampleRows())).equals(a)).toBe(true)
})

test.skipIf(!hasLibreOffice)('LibreOffice converts the batch to the same CSV as it did the exceljs-written batch', async () => {
  const path = join(tempDir(), 'lo.xlsx')
  writeFileSync(path, await buildBatchWorkbook(SAMPLE_HEADER, sampleRows()))
  const golden = parseCsv(readFileSync(new URL('../../fixtures/export/batch-libreoffice.csv', import.meta.url), 'utf8'))
  expect(xlsxToCsv(path)).toEqual(golden)
})
