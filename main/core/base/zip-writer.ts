import { crc32, deflateRawSync } from 'node:zlib'
import { CENTRAL_SIGNATURE, EOCD_SIGNATURE, LOCAL_SIGNATURE } from './zip-directory.ts'

const DEFLATE = 8
/** General purpose flag bit 11: names are UTF-8. */
const UTF8_NAMES = 0x0800
const VERSION = 20

/** One member, already deflated (raw deflate), with the CRC-32 and size of its uncompressed bytes. */
export interface ZipMember {
  name: string
  deflated: Buffer
  crc: number
  size: number
}

/** A small member deflated in one call. */
export function deflatedMember(name: string, content: string | Buffer): ZipMember {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content
  return { name, deflated: deflateRawSync(bytes), crc: crc32(bytes), size: bytes.length }
}

/** MS-DOS date and time, as zip headers hold them (local wall clock of the date given; 2-second steps). */
function dosDateTime(d: Date): { time: number; date: number } {
  const year = Math.max(1980, d.getUTCFullYear())
  return {
    time: (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | Math.floor(d.getUTCSeconds() / 2),
    date: ((year - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate()
  }
}

/**
 * A zip archive of deflated members, sizes and CRCs known up front (no data descriptors,
 * no zip64: a batch stays far below 4 GB). The time stamp is given, not read from the
 * clock, so the same content gives the same bytes.
 */
export function zipArchive(members: readonly ZipMember[], stamp: Date): Buffer {
  const { time, date } = dosDateTime(stamp)
  const parts: Buffer[] = []
  const central: Buffer[] = []
  let offset = 0
  for (const m of members) {
    const name = Buffer.from(m.name, 'utf8')
    const local = Buffer.alloc(30)
    local.writeUInt32LE(LOCAL_SIGNATURE, 0)
    local.writeUInt16LE(VERSION, 4)
    local.writeUInt16LE(UTF8_NAMES, 6)
    local.writeUInt16LE(DEFLATE, 8)
    local.writeUInt16LE(time, 10)
    local.writeUInt16LE(date, 12)
    local.writeUInt32LE(m.crc >>> 0, 14)
    local.writeUInt32LE(m.deflated.length, 18)
    local.writeUInt32LE(m.size, 22)
    local.writeUInt16LE(name.length, 26)
    local.writeUInt16LE(0, 28)
    const entry = Buffer.alloc(46)
    entry.writeUInt32LE(CENTRAL_SIGNATURE, 0)
    entry.writeUInt16LE(VERSION, 4)
    entry.writeUInt16LE(VERSION, 6)
    local.copy(entry, 8, 6, 28) // flags, method, time, date, crc, sizes, name length
    entry.writeUInt32LE(offset, 42)
    central.push(entry, name)
    parts.push(local, name, m.deflated)
    offset += local.length + name.length + m.deflated.length
  }
  const centralBytes = Buffer.concat(central)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(EOCD_SIGNATURE, 0)
  end.writeUInt16LE(members.length, 8)
  end.writeUInt16LE(members.length, 10)
  end.writeUInt32LE(centralBytes.length, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...parts, centralBytes, end])
}
