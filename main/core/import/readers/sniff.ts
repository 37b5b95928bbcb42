import { open, stat } from 'node:fs/promises'
import { extname } from 'node:path'
import { VaxError } from '../../base/errors.ts'
import { damaged } from './zip.ts'

/**
 * What a file really is, from its first bytes rather than its name: clerks rename files,
 * and government portals save HTML tables as ".xls".
 */
export type FileKind =
  | { kind: 'xlsx' }
  | { kind: 'csv' }
  /** A format LibreOffice can turn into .xlsx: old binary .xls, HTML table, SpreadsheetML 2003, .ods. */
  | { kind: 'convertible'; format: 'xls' | 'html' | 'xml2003' | 'ods' }

const utf16 = (s: string): Buffer => Buffer.from(s, 'utf16le')

function notSpreadsheet(what: { vi: string; en: string }): VaxError {
  return new VaxError('FILE_NOT_SPREADSHEET', {
    vi: `Tệp này không phải là bảng tính (${what.vi}), dù tên tệp có thể là .xlsx. Hãy chọn tệp Excel hoặc CSV. Không có gì được nhập.`,
    en: `This file is not a spreadsheet (${what.en}), whatever its name says. Choose an Excel or CSV file. Nothing was imported.`
  })
}

export async function sniffFile(path: string): Promise<FileKind> {
  let size: number
  try {
    const st = await stat(path)
    if (!st.isFile()) throw new Error('not a file')
    size = st.size
  } catch {
    throw new VaxError('FILE_NOT_FOUND', { vi: 'Không tìm thấy tệp cần nhập.', en: 'The file to import was not found.' }, { path })
  }
  if (size === 0) {
    throw new VaxError('FILE_EMPTY', {
      vi: 'Tệp rỗng (0 byte): không có dữ liệu để nhập. Có thể tệp chưa được lưu hoặc sao chép hết.',
      en: 'The file is empty (0 bytes): there is nothing to import. It may not have been saved or copied completely.'
    })
  }
  const fh = await open(path, 'r')
  const head = Buffer.alloc(Math.min(size, 1 << 20))
  try {
    await fh.read(head, 0, head.length, 0)
  } finally {
    await fh.close()
  }
  const ascii = head.toString('latin1', 0, Math.min(head.length, 4096))

  if (ascii.startsWith('PK\u0003\u0004') || ascii.startsWith('PK\u0005\u0006')) {
    if (ascii.includes('mimetypeapplication/vnd.oasis.opendocument.spreadsheet')) return { kind: 'convertible', format: 'ods' }
    return { kind: 'xlsx' }
  }
  if (head.readUInt32BE(0) === 0xd0cf11e0) {
    // An OLE compound file: Excel 97-2003, or an encrypted .xlsx wrapped in one.
    if (head.includes(utf16('EncryptionInfo')) || head.includes(utf16('EncryptedPackage'))) {
      throw new VaxError('FILE_ENCRYPTED', {
        vi: 'Tệp được đặt mật khẩu nên không đọc được. Hãy mở tệp trong Excel, bỏ mật khẩu (Tệp → Thông tin → Bảo vệ sổ làm việc → Mã hoá bằng mật khẩu, xoá mật khẩu), lưu lại rồi nhập lại.',
        en: 'The file is password-protected, so it cannot be read. Open it in Excel, remove the password (File → Info → Protect Workbook → Encrypt with Password, clear it), save, and import again.'
      })
    }
    if (head.includes(utf16('Workbook')) || head.includes(utf16('Book'))) return { kind: 'convertible', format: 'xls' }
    throw notSpreadsheet({ vi: 'tài liệu Office cũ không phải Excel', en: 'an old Office document that is not Excel' })
  }
  if (ascii.startsWith('%PDF')) throw notSpreadsheet({ vi: 'tệp PDF', en: 'a PDF document' })
  if (ascii.startsWith('\u0089PNG') || ascii.startsWith('\u00ff\u00d8\u00ff') || ascii.startsWith('GIF8'))
    throw notSpreadsheet({ vi: 'tệp ảnh', en: 'an image' })
  if (ascii.startsWith('PK')) throw notSpreadsheet({ vi: 'tệp nén', en: 'an archive' })

  const text = ascii
    .replace(/^\u00ef\u00bb\u00bf/, '')
    .replace(/^\u00ff\u00fe|^\u00fe\u00ff/, '')
    .replaceAll('\u0000', '')
    .trimStart()
    .toLowerCase()
  if (text.startsWith('<')) {
    // SpreadsheetML 2003 (as Excel and LibreOffice write it) holds <Table> elements too: its root is <Workbook>.
    const xml2003 =
      text.includes('urn:schemas-microsoft-com:office:spreadsheet') &&
      (text.includes('progid="excel.sheet"') || /<(ss:)?workbook[\s>]/.test(text))
    if (xml2003 && !/<(html|!doctype html)/.test(text)) return { kind: 'convertible', format: 'xml2003' }
    if (/<(html|table|!doctype html|meta)/.test(text)) return { kind: 'convertible', format: 'html' }
  }
  // Text: control characters other than tab/CR/LF (in 8-bit text) mean binary data.
  const sample = head.subarray(0, Math.min(head.length, 8192))
  const zeros = sample.filter((b) => b === 0).length
  const controls = sample.filter((b) => b < 9 || (b > 13 && b < 32 && b !== 27)).length
  if (zeros > sample.length / 8 || controls - zeros <= sample.length / 100) {
    // Text named .xlsx is not a workbook, whatever it holds; saying "no header" would mislead.
    if (['.xlsx', '.xlsm'].includes(extname(path).toLowerCase())) {
      throw new VaxError('FILE_NOT_EXCEL', {
        vi: 'Tệp này không phải là tệp Excel (.xlsx): bên trong là văn bản thuần, có thể là tệp CSV bị đổi tên. Nếu đúng là CSV, hãy đổi đuôi tệp thành .csv rồi nhập lại; nếu không, hãy chọn đúng tệp Excel. Không có gì được nhập.',
        en: 'This file is not an Excel file (.xlsx): it holds plain text, perhaps a CSV file renamed. If it is a CSV, rename it to .csv and import it again; otherwise choose the Excel file itself. Nothing was imported.'
      })
    }
    return { kind: 'csv' }
  }
  if (['.xlsx', '.xlsm', '.xls'].includes(extname(path).toLowerCase())) throw damaged('binary data that is not a zip')
  throw notSpreadsheet({ vi: 'dữ liệu nhị phân không rõ loại', en: 'unrecognised binary data' })
}
