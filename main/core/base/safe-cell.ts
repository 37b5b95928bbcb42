import type ExcelJS from 'exceljs'

/**
 * Values from imported spreadsheets go back out to Excel. A value such as
 * `=HYPERLINK("http://evil","Bấm vào đây")` (or anything starting with + - @, a tab or a
 * CR) must arrive as the text it is, never as a formula (OWASP "CSV injection"). Every
 * data cell is therefore a string cell with the Text number format ('@'): Excel and
 * LibreOffice show it literally, and editing the cell (F2, Enter) keeps it text. The
 * value itself is never altered, because the national platform must receive exactly
 * what was approved.
 */
export const TEXT_FORMAT = '@'

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

/** Writes a value as literal text; lone surrogates (invalid in XML) become U+FFFD. */
export function setText(cell: ExcelJS.Cell, value: string | null | undefined): void {
  cell.numFmt = TEXT_FORMAT
  cell.value = value === null || value === undefined ? '' : value.replace(LONE_SURROGATE, '\uFFFD')
}
