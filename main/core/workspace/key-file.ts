import { existsSync, readFileSync, renameSync, rmSync, writeFileSync, fsyncSync, openSync, closeSync } from 'node:fs'
import { z } from 'zod'
import { VaxError } from '../base/errors.ts'

/**
 * The key file beside an encrypted workspace (`huyen.vaxrecon` → `huyen.vaxrecon.keys`):
 * the workspace key wrapped once per user with that user's password. It holds no personal
 * data (slots are named by user id) and nothing that opens the workspace without a
 * password, except while a new workspace has no supervisor yet (the `setup` slot).
 * SQLite offers no way to keep a readable header in front of an encrypted database, so
 * the slots live here; the office recovery secret opens the workspace without this file.
 */
export const KEY_FILE_SUFFIX = '.keys'
export const keyFilePath = (workspacePath: string): string => workspacePath + KEY_FILE_SUFFIX

const B64 = z.string().regex(/^[A-Za-z0-9+/]+=*$/)

const WrappedSlot = z.object({
  id: z.string().regex(/^user:\d+$/),
  kdf: z.object({ name: z.literal('scrypt'), N: z.number().int(), r: z.number().int(), p: z.number().int(), salt: B64 }),
  iv: B64,
  /** AES-256-GCM of the workspace key, tag appended. */
  wrapped: B64
})
export type WrappedSlot = z.infer<typeof WrappedSlot>

export const KeyFile = z.object({
  format: z.literal('vaxrecon-keys'),
  version: z.literal(1),
  cipher: z.literal('sqlcipher3-4096'),
  /** A new workspace's key in the clear, until its first supervisor is added. */
  setup: B64.nullable(),
  slots: z.array(WrappedSlot)
})
export type KeyFile = z.infer<typeof KeyFile>

export function emptyKeyFile(setupKey: Buffer): KeyFile {
  return { format: 'vaxrecon-keys', version: 1, cipher: 'sqlcipher3-4096', setup: setupKey.toString('base64'), slots: [] }
}

function badKeyFile(path: string): VaxError {
  return new VaxError(
    'WORKSPACE_KEYS_CORRUPT',
    {
      vi: 'Tệp khoá đi kèm không gian làm việc bị hỏng. Hãy mở bằng mã khôi phục của văn phòng. Không tệp nào bị thay đổi.',
      en: "The workspace's key file is damaged. Open it with the office recovery secret. No file was changed."
    },
    { path }
  )
}

/** The key file, or null when there is none. */
export function readKeyFile(workspacePath: string): KeyFile | null {
  const path = keyFilePath(workspacePath)
  if (!existsSync(path)) return null
  let parsed: unknown
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'))
  } catch {
    throw badKeyFile(path)
  }
  const r = KeyFile.safeParse(parsed)
  if (!r.success) throw badKeyFile(path)
  return r.data
}

/** Writes beside, flushes, renames over: a crash leaves the old key file or the new one. */
export function writeKeyFile(workspacePath: string, file: KeyFile): void {
  const path = keyFilePath(workspacePath)
  const tmp = `${path}.tmp`
  writeFileSync(tmp, JSON.stringify(file, null, 2) + '\n', { mode: 0o600 })
  const fd = openSync(tmp, 'r+')
  try {
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
  renameSync(tmp, path)
}

export function removeKeyFile(workspacePath: string): void {
  rmSync(keyFilePath(workspacePath), { force: true })
}
