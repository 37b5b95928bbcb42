import { open } from 'node:fs/promises'
import { CENTRAL_SIGNATURE, LOCAL_SIGNATURE, readCentralDirectory } from '../../base/zip-directory.ts'

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
    const dir = await readCentralDirectory(fh)
    if (typeof dir === 'string') throw new Error(`not a zip file this can restamp: ${dir}`)
    const { entries, offset: cdOffset, bytes: cd } = dir
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
    await fh.write(cd, 0, cd.length, cdOffset)
  } finally {
    await fh.close()
  }
}
