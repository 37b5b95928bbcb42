import { readdirSync } from 'node:fs'
import { expect, test } from 'vitest'
import { viaExceljs, viaOurs } from './dump.ts'
import { fixture, FIXTURES } from './helpers.ts'

/**
 * Our lean sheet scan must give exactly the values exceljs's own streaming reader gives,
 * on every .xlsx of the corpus (LibreOffice- and exceljs-written, good and bad-but-readable).
 */
const files = [
  ...readdirSync(FIXTURES).filter((f) => f.endsWith('.xlsx')),
  ...readdirSync(fixture('bad'))
    .filter((f) => ['bad-no-header.xlsx', 'bad-garbage-cells.xlsx'].includes(f))
    .map((f) => `bad/${f}`)
]

test('the corpus has both LibreOffice- and exceljs-written workbooks', () => {
  expect(files.filter((f) => f.startsWith('lo-')).length).toBeGreaterThanOrEqual(4)
  expect(files.length).toBeGreaterThanOrEqual(20)
})

for (const f of files) {
  test(`${f}: same values as exceljs's streaming reader`, async () => {
    const [theirs, ours] = await Promise.all([viaExceljs(fixture(f)), viaOurs(fixture(f))])
    expect(Object.keys(ours).sort()).toEqual(Object.keys(theirs).sort())
    expect(ours).toEqual(theirs)
    // Not vacuous: every workbook has values.
    expect(Object.values(ours).flat().length).toBeGreaterThan(0)
  })
}
