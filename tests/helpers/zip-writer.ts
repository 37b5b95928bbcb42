import { writeFileSync } from 'node:fs'
import { createDeflateRaw, crc32, deflateRawSync } from 'node:zlib'

/**
 * A minimal ZIP writer for hand-built (and hostile) .xlsx files: each entry is given as
 * bytes, or as a generator of chunks deflated as they come, so a 400 MB part is never
 * held in memory.
 */
export type ZipPart = string | Buffer | (() => Iterable<Buffer>)

interface Packed {
  name: Buffer
  data: Buffer
  crc: number
  size: number
}

async function pack(name: string, part: ZipPart): Promise<Packed> {
  if (typeof part !== 'function') {
    const raw = typeof part === 'string' ? Buffer.from(part) : part
    return { name: Buffer.from(name), data: deflateRawSync(raw), crc: crc32(raw), size: raw.length }
  }
  const deflate = createDeflateRaw({ level: 6 })
  const out: Buffer[] = []
  deflate.on('data', (c: Buffer) => out.push(c))
  const ended = new Promise<void>((resolve, reject) => {
    deflate.on('end', resolve)
    deflate.on('error', reject)
  })
  let crc = 0
  let size = 0
  for (const chunk of part()) {
    crc = crc32(chunk, crc)
    size += chunk.length
    if (!deflate.write(chunk)) await new Promise((r) => deflate.once('drain', r))
  }
  deflate.end()
  await ended
  return { name: Buffer.from(name), data: Buffer.concat(out), crc, size }
}

export async function writeZip(path: string, parts: Record<string, ZipPart>): Promise<void> {
  const locals: Buffer[] = []
  const central: Buffer[] = []
  let offset = 0
  for (const [name, part] of Object.entries(parts)) {
    const p = await pack(name, part)
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4)
    local.writeUInt16LE(8, 8)
    local.writeUInt32LE(p.crc >>> 0, 14)
    local.writeUInt32LE(p.data.length, 18)
    local.writeUInt32LE(p.size >>> 0, 22)
    local.writeUInt16LE(p.name.length, 26)
    const cd = Buffer.alloc(46)
    cd.writeUInt32LE(0x02014b50, 0)
    cd.writeUInt16LE(20, 4)
    cd.writeUInt16LE(20, 6)
    cd.writeUInt16LE(8, 10)
    cd.writeUInt32LE(p.crc >>> 0, 16)
    cd.writeUInt32LE(p.data.length, 20)
    cd.writeUInt32LE(p.size >>> 0, 24)
    cd.writeUInt16LE(p.name.length, 28)
    cd.writeUInt32LE(offset, 42)
    locals.push(local, p.name, p.data)
    central.push(cd, p.name)
    offset += 30 + p.name.length + p.data.length
  }
  const cdBytes = Buffer.concat(central)
  const eocd = Buffer.alloc(22)
  eocd.writeUInt32LE(0x06054b50, 0)
  eocd.writeUInt16LE(Object.keys(parts).length, 8)
  eocd.writeUInt16LE(Object.keys(parts).length, 10)
  eocd.writeUInt32LE(cdBytes.length, 12)
  eocd.writeUInt32LE(offset, 16)
  writeFileSync(path, Buffer.concat([...locals, cdBytes, eocd]))
}

const inline = (ref: string, text: string): string => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`

/**
 * A one-sheet .xlsx: a header row ("Họ và tên", "Ngày sinh"), then the given rows of cell
 * XML, and optionally a sharedStrings part.
 */
export function xlsxParts(rowsXml: string[], sharedStrings?: ZipPart): Record<string, ZipPart> {
  const header = `<row r="1">${inline('A1', 'Họ và tên')}${inline('B1', 'Ngày sinh')}</row>`
  const rows = rowsXml.map((cells, i) => `<row r="${i + 2}">${cells}</row>`).join('')
  return {
    '[Content_Types].xml':
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>',
    'xl/workbook.xml':
      '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Danh sách" sheetId="1" r:id="rId1"/></sheets></workbook>',
    'xl/_rels/workbook.xml.rels':
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    'xl/worksheets/sheet1.xml': `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${header}${rows}</sheetData></worksheet>`,
    ...(sharedStrings !== undefined && { 'xl/sharedStrings.xml': sharedStrings })
  }
}

export { inline as inlineCell }
