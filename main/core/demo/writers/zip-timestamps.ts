import { open } from 'node:fs/promises'

const EOCD_SIGNATURE = 0x06054b50
const CENTRAL_SIGNATURE = 0x02014b50
const LOCAL_SIGNATURE = 0x04034b50

/** MS-DOS time and date words, as zip stores them (no time zone: the UTC fields are used). */
function dosDateTime(d: Date): { time: number; date: number } {
  return {
    time: (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | Math.floor(d.getUTCSeconds() / 2),
    date: ((d.getUTCFullYear() - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate()
  }
}

/**
 * Sets every entry's modification time in a zip file (an .xlsx) to one fixed instant, in
 * place. exceljs's zip writer stamps entries with the time they were added, so two runs
 * with the same seed would differ by those bytes alone; no checksum covers them.
 */
export async function pinZipTimestamps(path: string, when: Date): Promise<void> {
  const { time, date } = dosDateTime(when)
  const fh = await open(path, 'r+')
  try {
    const { size } = await fh.stat()
    const tailLength = Math.min(size, 22 + 0xffff)
    const tail = Buffer.alloc(tailLength)
    await fh.read(tail, 0, tailLength, size - tailLength)
    let eocd = -1
    for (let i = tailLength - 22; i >= 0; i--) {
      if (tail.readUInt32LE(i) === EOCD_SIGNATURE) {
        eocd = i
        break
      }
    }
    if (eocd < 0) throw new Error('not a zip file: no end of central directory')
    const entries = tail.readUInt16LE(eocd + 10)
    const cdSize = tail.readUInt32LE(eocd + 12)
    const cdOffset = tail.readUInt32LE(eocd + 16)
    if (cdOffset === 0xffffffff || entries === 0xffff) throw new Error('zip64 archives are not supported')

    const cd = Buffer.alloc(cdSize)
    await fh.read(cd, 0, cdSize, cdOffset)
    const stamp = Buffer.alloc(4)
    stamp.writeUInt16LE(time, 0)
    stamp.writeUInt16LE(date, 2)
    const local = Buffer.alloc(4)
    let p = 0
    for (let e = 0; e < entries; e++) {
      if (cd.readUInt32LE(p) !== CENTRAL_SIGNATURE) throw new Error('corrupt central directory')
      stamp.copy(cd, p + 12)
      const localOffset = cd.readUInt32LE(p + 42)
      await fh.read(local, 0, 4, localOffset)
      if (local.readUInt32LE(0) !== LOCAL_SIGNATURE) throw new Error('corrupt local header')
      await fh.write(stamp, 0, 4, localOffset + 10)
      p += 46 + cd.readUInt16LE(p + 28) + cd.readUInt16LE(p + 30) + cd.readUInt16LE(p + 32)
    }
    await fh.write(cd, 0, cdSize, cdOffset)
  } finally {
    await fh.close()
  }
}
