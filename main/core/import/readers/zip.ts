import { createReadStream } from 'node:fs'
import { open, type FileHandle } from 'node:fs/promises'
import { createInflateRaw } from 'node:zlib'
import { VaxError } from '../../base/errors.ts'
import { CENTRAL_SIGNATURE, LOCAL_SIGNATURE, readCentralDirectory } from '../../base/zip-directory.ts'

/**
 * A minimal ZIP reader over random file access: the central directory is read from the
 * end of the file, and one entry at a time is inflated as a stream. Nothing is ever
 * loaded whole, so a 200 MB sheet costs a few buffers of memory.
 */
export interface ZipEntry {
  name: string
  method: number
  compressedSize: number
  size: number
  localHeaderOffset: number
}

export const damaged = (why: string): VaxError =>
  new VaxError(
    'FILE_DAMAGED',
    {
      vi: 'Tệp Excel bị hỏng hoặc không đầy đủ (có thể tải xuống hay sao chép bị gián đoạn). Hãy xin lại tệp gốc. Không có gì được nhập.',
      en: 'The Excel file is damaged or incomplete (perhaps a download or copy was interrupted). Ask for the original file again. Nothing was imported.'
    },
    { why }
  )

export class ZipReader {
  readonly path: string
  readonly entries: Map<string, ZipEntry>
  private readonly fh: FileHandle

  private constructor(path: string, fh: FileHandle, entries: Map<string, ZipEntry>) {
    this.path = path
    this.fh = fh
    this.entries = entries
  }

  static async open(path: string): Promise<ZipReader> {
    const fh = await open(path, 'r')
    try {
      return new ZipReader(path, fh, await readDirectory(fh))
    } catch (err) {
      await fh.close()
      throw err
    }
  }

  async close(): Promise<void> {
    await this.fh.close()
  }

  /** The entry's bytes as a stream of chunks; `onRead` counts compressed bytes for progress. */
  async *stream(name: string, onRead?: (bytes: number) => void): AsyncGenerator<Buffer> {
    const e = this.entries.get(name)
    if (!e) throw damaged(`missing entry ${name}`)
    const header = Buffer.alloc(30)
    await this.fh.read(header, 0, 30, e.localHeaderOffset)
    if (header.readUInt32LE(0) !== LOCAL_SIGNATURE) throw damaged('bad local header')
    const start = e.localHeaderOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28)
    if (e.compressedSize === 0) return
    const raw = createReadStream(this.path, { start, end: start + e.compressedSize - 1, highWaterMark: 256 * 1024 })
    if (e.method === 0) {
      for await (const c of raw) {
        onRead?.((c as Buffer).length)
        yield c as Buffer
      }
      return
    }
    if (e.method !== 8) throw damaged(`compression method ${e.method}`)
    const inflate = createInflateRaw({ chunkSize: 256 * 1024 })
    raw.on('data', (c: string | Buffer) => onRead?.(c.length))
    raw.on('error', (err) => inflate.destroy(err))
    raw.pipe(inflate)
    try {
      for await (const c of inflate) yield c as Buffer
    } catch (err) {
      if (err instanceof VaxError) throw err
      throw damaged('inflate failed')
    } finally {
      raw.unpipe(inflate)
      raw.destroy()
      inflate.destroy()
    }
  }

  /** Small entries (workbook.xml, styles.xml): read whole, as text. */
  async text(name: string): Promise<string | null> {
    if (!this.entries.has(name)) return null
    const chunks: Buffer[] = []
    for await (const c of this.stream(name)) chunks.push(c)
    return Buffer.concat(chunks).toString('utf8')
  }
}

async function readDirectory(fh: FileHandle): Promise<Map<string, ZipEntry>> {
  const dir = await readCentralDirectory(fh)
  if (typeof dir === 'string') throw damaged(dir === 'zip64' ? 'central directory out of range' : dir)
  const { entries: count, bytes: cd, fileSize: size } = dir
  const entries = new Map<string, ZipEntry>()
  let p = 0
  for (let i = 0; i < count; i++) {
    if (p + 46 > cd.length || cd.readUInt32LE(p) !== CENTRAL_SIGNATURE) throw damaged('bad central directory')
    const nameLen = cd.readUInt16LE(p + 28)
    const extraLen = cd.readUInt16LE(p + 30)
    const commentLen = cd.readUInt16LE(p + 32)
    const name = cd.toString('utf8', p + 46, p + 46 + nameLen)
    const entry: ZipEntry = {
      name,
      method: cd.readUInt16LE(p + 10),
      compressedSize: cd.readUInt32LE(p + 20),
      size: cd.readUInt32LE(p + 24),
      localHeaderOffset: cd.readUInt32LE(p + 42)
    }
    if (entry.localHeaderOffset + 30 + entry.compressedSize > size) throw damaged('entry out of range')
    entries.set(name.replace(/^\//, ''), entry)
    p += 46 + nameLen + extraLen + commentLen
  }
  return entries
}
