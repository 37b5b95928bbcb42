import { writeFileSync } from 'node:fs'
import { createDeflateRaw, crc32 } from 'node:zlib'
import { deflatedMember, zipArchive, type ZipMember } from '../../main/core/base/zip-writer.ts'

/**
 * Hand-built (and hostile) .xlsx files, zipped by the app's own writer: each entry is given as
 * bytes, or as a generator of chunks deflated as they come, so a 400 MB part is never
 * held in memory.
 */
export type ZipPart = string | Buffer | (() => Iterable<Buffer>)

async function pack(name: string, part: ZipPart): Promise<ZipMember> {
  if (typeof part !== 'function') return deflatedMember(name, part)
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
  return { name, deflated: Buffer.concat(out), crc, size }
}

/** The archive through the app's own zip writer (base/zip-writer.ts); the members' time is fixed. */
export async function writeZip(path: string, parts: Record<string, ZipPart>): Promise<void> {
  const members: ZipMember[] = []
  for (const [name, part] of Object.entries(parts)) members.push(await pack(name, part))
  writeFileSync(path, zipArchive(members, new Date(Date.UTC(1980, 0, 1))))
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
