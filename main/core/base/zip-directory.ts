import type { FileHandle } from 'node:fs/promises'

export const EOCD_SIGNATURE = 0x06054b50
/** The end record is 22 bytes and may be followed by a comment of up to 65,535 bytes. */
const EOCD_SIZE = 22
const MAX_TAIL = EOCD_SIZE + 0xffff

export const CENTRAL_SIGNATURE = 0x02014b50
export const LOCAL_SIGNATURE = 0x04034b50

export interface CentralDirectory {
  /** The entries the end record announces. */
  entries: number
  /** Where the central directory starts in the file, and its bytes. */
  offset: number
  bytes: Buffer
  fileSize: number
}

/** Why a file has no central directory we can read. */
export type ZipDirectoryProblem = 'no end of central directory' | 'zip64' | 'central directory out of range'

/**
 * Reads a zip file's central directory: the end record is searched from the end of the
 * file (it is last, before an optional comment), and names where the directory is. Every
 * .xlsx is a zip; the import reads its entries from here and the demo restamps them.
 */
export async function readCentralDirectory(fh: FileHandle): Promise<CentralDirectory | ZipDirectoryProblem> {
  const { size } = await fh.stat()
  const tailLength = Math.min(size, MAX_TAIL)
  const tail = Buffer.alloc(tailLength)
  await fh.read(tail, 0, tailLength, size - tailLength)
  let eocd = -1
  for (let i = tailLength - EOCD_SIZE; i >= 0; i--) {
    if (tail.readUInt32LE(i) === EOCD_SIGNATURE) {
      eocd = i
      break
    }
  }
  if (eocd < 0) return 'no end of central directory'
  const entries = tail.readUInt16LE(eocd + 10)
  const cdSize = tail.readUInt32LE(eocd + 12)
  const offset = tail.readUInt32LE(eocd + 16)
  if (entries === 0xffff || offset === 0xffffffff) return 'zip64'
  if (offset + cdSize > size) return 'central directory out of range'
  const bytes = Buffer.alloc(cdSize)
  await fh.read(bytes, 0, cdSize, offset)
  return { entries, offset, bytes, fileSize: size }
}
