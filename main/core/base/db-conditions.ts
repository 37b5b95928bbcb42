/**
 * SQLite's conditions a user can meet (another program writing, a full USB stick, a
 * read-only file or folder, a damaged file) as clear bilingual errors. Read from the
 * error's `code` alone (SQLITE_BUSY, SQLITE_FULL, …), which every SQLite driver for Node
 * sets, so swapping the driver keeps the messages.
 */
const UNCHANGED = { vi: 'Không gian làm việc không bị thay đổi.', en: 'The workspace was not changed.' }

const MESSAGES: [RegExp, string, { vi: string; en: string }][] = [
  [
    /^SQLITE_(BUSY|LOCKED)/,
    'WORKSPACE_BUSY',
    {
      vi: 'Không gian làm việc đang bận: một cửa sổ hoặc tác vụ khác (ví dụ một lần nhập dài) đang ghi vào tệp. Hãy thử lại khi việc đó xong.',
      en: 'The workspace is busy: another window or job (a long import, say) is writing to it. Try again when it has finished.'
    }
  ],
  [
    /^SQLITE_FULL/,
    'DISK_FULL',
    {
      vi: 'Ổ đĩa (hoặc USB) đã đầy. Hãy giải phóng chỗ trống rồi thử lại.',
      en: 'The disk (or USB stick) is full. Free some space and try again.'
    }
  ],
  [
    /^SQLITE_READONLY/,
    'WORKSPACE_READ_ONLY',
    {
      vi: 'Tệp không gian làm việc hoặc thư mục chứa nó chỉ cho phép đọc (hoặc USB bị khoá ghi). Hãy chép tệp sang một thư mục ghi được, hoặc bỏ thuộc tính chỉ đọc.',
      en: 'The workspace file or its folder is read-only (or the USB stick is write-protected). Copy the file to a folder you can write to, or clear the read-only flag.'
    }
  ],
  [
    /^SQLITE_CANTOPEN/,
    'WORKSPACE_CANNOT_OPEN',
    {
      vi: 'Không mở được tệp để ghi: thư mục chứa nó có thể chỉ cho phép đọc. Hãy chép tệp sang một thư mục ghi được.',
      en: 'The file cannot be opened for writing: its folder may be read-only. Copy the file to a folder you can write to.'
    }
  ],
  [
    /^SQLITE_(CORRUPT|NOTADB)/,
    'WORKSPACE_CORRUPT',
    {
      vi: 'Tệp không gian làm việc bị hỏng (có thể do rút USB khi đang ghi). Hãy dùng bản sao gần nhất.',
      en: 'The workspace file is damaged (perhaps a USB stick was pulled out mid-write). Use your latest copy.'
    }
  ],
  [/^SQLITE_IOERR/, 'DISK_ERROR', { vi: 'Lỗi đọc/ghi ổ đĩa.', en: 'The disk could not be read or written.' }]
]

export function sqliteCode(err: unknown): string | null {
  const code = err instanceof Error && 'code' in err ? (err as { code: unknown }).code : null
  return typeof code === 'string' && code.startsWith('SQLITE_') ? code : null
}

/** The user-facing code and message for a SQLite condition, or null for anything else. */
export function databaseCondition(err: unknown): { code: string; vi: string; en: string; sqlite: string } | null {
  const sqlite = sqliteCode(err)
  return sqlite ? conditionOf(sqlite) : null
}

/** The same for a condition found before SQLite meets it (a file or folder we may not write). */
export function conditionOf(sqlite: string): { code: string; vi: string; en: string; sqlite: string } | null {
  const hit = MESSAGES.find(([re]) => re.test(sqlite))
  if (!hit) return null
  const [, code, msg] = hit
  return { code, vi: `${msg.vi} ${UNCHANGED.vi}`, en: `${msg.en} ${UNCHANGED.en}`, sqlite }
}
