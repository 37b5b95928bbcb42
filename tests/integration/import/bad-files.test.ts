import { join } from 'node:path'
import { expect, test } from 'vitest'
import { VaxError } from '../../../main/core/base/errors.ts'
import type { ImportOptions } from '../../../main/core/import/import-file.ts'
import { openWorkspace } from '../../../main/core/workspace/index.ts'
import { FIXTURES, fixture, freshWorkspace, importFixture, snapshot } from './helpers.ts'

interface BadCase {
  file: string
  code: string
  /** A phrase each language's message must contain. */
  vi: string
  en: string
  opts?: Partial<ImportOptions>
}

const BAD: BadCase[] = [
  { file: 'bad/bad-corrupt-zip.xlsx', code: 'FILE_DAMAGED', vi: 'bị hỏng', en: 'damaged' },
  { file: 'bad/bad-truncated.xlsx', code: 'FILE_DAMAGED', vi: 'không đầy đủ', en: 'incomplete' },
  { file: 'bad/bad-encrypted.xlsx', code: 'FILE_ENCRYPTED', vi: 'mật khẩu', en: 'password' },
  { file: 'bad/bad-old-binary.xls', code: 'FILE_XLS_BINARY', vi: 'Lưu thành', en: 'Save As' },
  { file: 'bad/bad-html-table.xls', code: 'FILE_HTML_TABLE', vi: 'bảng HTML', en: 'HTML table' },
  { file: 'bad/bad-opendocument.ods', code: 'FILE_ODS', vi: 'OpenDocument', en: 'OpenDocument' },
  { file: 'bad/bad-pdf-renamed.xlsx', code: 'FILE_NOT_SPREADSHEET', vi: 'PDF', en: 'PDF' },
  { file: 'bad/bad-png-renamed.xlsx', code: 'FILE_NOT_SPREADSHEET', vi: 'ảnh', en: 'image' },
  { file: 'bad/bad-not-a-workbook.xlsx', code: 'FILE_NOT_SPREADSHEET', vi: 'không phải là bảng tính', en: 'not an Excel workbook' },
  { file: 'bad/bad-binary.csv', code: 'FILE_NOT_SPREADSHEET', vi: 'nhị phân', en: 'binary' },
  { file: 'bad/bad-empty.xlsx', code: 'FILE_EMPTY', vi: 'Tệp rỗng', en: 'empty' },
  { file: 'bad/bad-no-header.xlsx', code: 'NO_HEADER', vi: 'Không tìm thấy dòng tiêu đề', en: 'No header row' },
  { file: 'bad/bad-garbage-cells.xlsx', code: 'IMPORT_NOTHING_VALID', vi: 'Không có dòng nào hợp lệ', en: 'No row is valid' },
  {
    file: 'site-basic.xlsx',
    code: 'SHEET_NOT_FOUND',
    vi: 'Không có trang tính "Tháng 13"',
    en: 'no sheet "Tháng 13"',
    opts: { sheet: 'Tháng 13' }
  },
  { file: 'site-basic.xlsx', code: 'NO_HEADER', vi: 'Dòng 5', en: 'Row 5', opts: { headerRow: 5, sheet: 'Danh sách' } },
  {
    file: 'site-basic.xlsx',
    code: 'MAPPING_HEADER_NOT_FOUND',
    vi: 'Không có cột nào tên "Số hộ chiếu"',
    en: 'No column is headed "Số hộ chiếu"',
    opts: { mapping: { national_id: ['Số hộ chiếu'] } }
  },
  { file: 'site-basic.xlsx', code: 'MAPPING_NO_NAME', vi: 'họ tên', en: 'name', opts: { mapping: { full_name: [] } } }
]

for (const c of BAD) {
  test(`${c.file}${c.opts ? ` ${JSON.stringify(c.opts)}` : ''}: ${c.code}, in both languages, workspace unchanged`, async () => {
    // A workspace that already holds an import, so "unchanged" means something.
    const ws = freshWorkspace()
    await importFixture(ws, 'site-split-names.xlsx', 'site')
    const path = ws.path
    ws.close()
    const before = snapshot(path)

    const again = openWorkspace(path)
    const err = await importFixture(again, c.file, 'site', c.opts).then(
      () => null,
      (e: unknown) => e
    )
    again.close()
    expect(err).toBeInstanceOf(VaxError)
    const e = err as VaxError
    expect(e.code).toBe(c.code)
    expect(e.vi).toContain(c.vi)
    expect(e.en).toContain(c.en)
    expect(snapshot(path)).toEqual(before)
  })
}

test('an old .xls says LibreOffice can convert it, and the conversion imports', async () => {
  const { convertToXlsx, findLibreOffice } = await import('../../../main/core/import/readers/convert.ts')
  if (!findLibreOffice()) return
  const err = (await importFixture(freshWorkspace(), 'bad/bad-old-binary.xls', 'site').catch((e: unknown) => e)) as VaxError
  expect(err.details).toMatchObject({ convertible: true, format: 'xls' })
  expect(err.vi).toContain('LibreOffice')
  const converted = await convertToXlsx(join(FIXTURES, 'bad/bad-old-binary.xls'), 'xls')
  const ws = freshWorkspace()
  const { importFile } = await import('../../../main/core/import/import-file.ts')
  const { inlineContext } = await import('../../../main/core/base/job-context.ts')
  const s = await importFile(ws, { kind: 'site', path: converted }, inlineContext(), null)
  expect(s.imported).toBe(10)
  // HTML saved as .xls converts too.
  const html = await convertToXlsx(fixture('bad/bad-html-table.xls'), 'html')
  expect((await importFile(ws, { kind: 'registry', path: html }, inlineContext(), null)).imported).toBe(10)
  ws.close()
})
