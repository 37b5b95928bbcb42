import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs'
import { VaxError } from '../base/errors.ts'
import { keyFilePath } from './key-file.ts'

const SQLITE_MAGIC = 'SQLite format 3\u0000'
const PAGE = 4096

/**
 * What a file is, from its first bytes and its key file alone, without opening it:
 * `plain` is SQLite as before; `encrypted` is a SQLCipher file (random bytes from the first
 * one, whole pages) or any file with a key file beside it; anything else is `foreign`.
 */
export type FileKind = 'plain' | 'encrypted' | 'foreign'

export function fileKind(path: string): FileKind {
  if (!existsSync(path) || !statSync(path).isFile()) {
    throw new VaxError(
      'WORKSPACE_NOT_FOUND',
      { vi: 'Không tìm thấy tệp không gian làm việc.', en: 'The workspace file was not found.' },
      { path }
    )
  }
  const header = Buffer.alloc(16)
  const fd = openSync(path, 'r')
  let read: number
  try {
    read = readSync(fd, header, 0, 16, 0)
  } finally {
    closeSync(fd)
  }
  if (read === 16 && header.toString('latin1') === SQLITE_MAGIC) return 'plain'
  if (existsSync(keyFilePath(path))) return 'encrypted'
  const size = statSync(path).size
  return size >= PAGE && size % PAGE === 0 ? 'encrypted' : 'foreign'
}

export function notAWorkspace(path: string): VaxError {
  return new VaxError(
    'WORKSPACE_FOREIGN',
    {
      vi: 'Tệp này không phải là không gian làm việc VaxRecon. Tệp không bị thay đổi.',
      en: 'This file is not a VaxRecon workspace. The file was not changed.'
    },
    { path }
  )
}

export function lockedWorkspace(path: string): VaxError {
  return new VaxError(
    'WORKSPACE_LOCKED',
    {
      vi: 'Không gian làm việc này được mã hoá: cần mật khẩu của một người dùng hoặc mã khôi phục của văn phòng.',
      en: "This workspace is encrypted: a user's password or the office recovery secret is needed."
    },
    { path }
  )
}

export function unreadableWorkspace(path: string): VaxError {
  return new VaxError(
    'WORKSPACE_CORRUPT',
    {
      vi: 'Không gian làm việc được mã hoá này bị hỏng hoặc bị cắt cụt, hoặc tệp khoá thuộc về tệp khác. Hãy dùng bản sao lưu. Tệp không bị thay đổi.',
      en: 'This encrypted workspace is damaged or truncated, or its key file belongs to another file. Use a backup. The file was not changed.'
    },
    { path }
  )
}
