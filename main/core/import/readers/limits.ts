import { VaxError } from '../../base/errors.ts'

/**
 * What a spreadsheet may ask of the reader before it is refused. A real sheet is far
 * inside every one of these; a hostile or broken one (a cell reference ZZZZZZ2, a 400 MB
 * string zipped into 400 KB) would otherwise cost minutes and gigabytes before failing.
 */

/** Excel's last column is XFD: 16,384 columns. */
export const MAX_COLUMNS = 16_384
/** Excel's limit on the characters of one cell. */
export const MAX_CELL_CHARS = 32_767
/** Raw XML of one shared string or one row, before it is decoded: generous for rich text runs. */
export const MAX_STRING_XML_BYTES = 4 * 1024 * 1024
export const MAX_ROW_XML_BYTES = 16 * 1024 * 1024
/**
 * The shared-string table, inflated, may be this many times the file's size (beyond the
 * floor): real tables (names, addresses, IDs) come to 2-5 times the .xlsx, since the sheet
 * part takes half the file; a table that inflates far beyond that is a zip bomb.
 */
export const SHARED_STRINGS_RATIO = 20
export const SHARED_STRINGS_FLOOR_BYTES = 32 * 1024 * 1024
/**
 * Every shared string is used by at least one cell, and the shortest cell that can use
 * one (<c t="s"><v>0</v></c>) is 20 bytes of sheet XML: a table with more strings than
 * the sheets have room for cells holds nothing the import could read.
 */
export const MIN_CELL_XML_BYTES = 20
export const SHARED_STRINGS_FLOOR_COUNT = 50_000

const NOTHING = { vi: 'Không có gì được nhập.', en: 'Nothing was imported.' }

/** `row`: the sheet row (or CSV line) where it was found. */
export function tooWide(row: number): VaxError {
  return new VaxError(
    'FILE_TOO_WIDE',
    {
      vi: `Tệp có ô nằm ngoài cột cuối cùng Excel cho phép (XFD, cột thứ ${MAX_COLUMNS.toLocaleString('vi-VN')}) ở dòng ${row}: tệp bị hỏng hoặc không phải danh sách thông thường. ${NOTHING.vi}`,
      en: `The file has a cell beyond Excel's last column (XFD, column ${MAX_COLUMNS.toLocaleString('en-US')}) in row ${row}: it is damaged or not an ordinary list. ${NOTHING.en}`
    },
    { maxColumns: MAX_COLUMNS, row }
  )
}

export function cellTooLong(hint?: { vi: string; en: string }): VaxError {
  return new VaxError(
    'FILE_CELL_TOO_LONG',
    {
      vi: `Tệp có một ô dài hơn ${MAX_CELL_CHARS.toLocaleString('vi-VN')} ký tự, giới hạn của Excel${hint ? ` (${hint.vi})` : ''}: tệp bị hỏng hoặc không phải danh sách thông thường. ${NOTHING.vi}`,
      en: `The file has a cell longer than ${MAX_CELL_CHARS.toLocaleString('en-US')} characters, Excel's limit${hint ? ` (${hint.en})` : ''}: it is damaged or not an ordinary list. ${NOTHING.en}`
    },
    { maxChars: MAX_CELL_CHARS }
  )
}

export function stringsTooLarge(why: 'bytes' | 'count', details: { fileBytes: number; sheetBytes: number }): VaxError {
  return new VaxError(
    'FILE_STRINGS_TOO_LARGE',
    {
      vi: `Bảng chữ dùng chung của tệp Excel lớn bất thường (${why === 'bytes' ? `giải nén ra lớn gấp hơn ${SHARED_STRINGS_RATIO} lần chính tệp` : 'nhiều chữ hơn số ô các trang tính có thể chứa'}): tệp bị hỏng hoặc được tạo để làm treo máy. ${NOTHING.vi}`,
      en: `The Excel file's shared-string table is abnormally large (${why === 'bytes' ? `it inflates to more than ${SHARED_STRINGS_RATIO} times the file itself` : 'more strings than its sheets have room for cells'}): it is damaged or built to exhaust the computer. ${NOTHING.en}`
    },
    { why, ...details }
  )
}
