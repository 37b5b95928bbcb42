import { createReadStream } from 'node:fs'
import { open, stat } from 'node:fs/promises'
import { basename, extname } from 'node:path'
import { cellTooLong, MAX_CELL_CHARS, MAX_COLUMNS, tooWide } from './limits.ts'
import type { SheetRow, SpreadsheetSource } from './types.ts'

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1258'

/**
 * Which encoding a text file is in: a BOM says so; UTF-16 without a BOM shows as zero
 * bytes in every other position; valid UTF-8 is UTF-8; anything else is taken as
 * Windows-1258, the Vietnamese code page old Excel versions save CSV in.
 */
export function detectEncoding(sample: Buffer): { encoding: TextEncoding; bom: number } {
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) return { encoding: 'utf-8', bom: 3 }
  if (sample[0] === 0xff && sample[1] === 0xfe) return { encoding: 'utf-16le', bom: 2 }
  if (sample[0] === 0xfe && sample[1] === 0xff) return { encoding: 'utf-16be', bom: 2 }
  let evenZeros = 0
  let oddZeros = 0
  const n = Math.min(sample.length, 4096)
  for (let i = 0; i < n; i++) {
    if (sample[i] !== 0) continue
    if (i % 2 === 0) evenZeros++
    else oddZeros++
  }
  if (oddZeros > n / 8 && evenZeros < oddZeros / 4) return { encoding: 'utf-16le', bom: 0 }
  if (evenZeros > n / 8 && oddZeros < evenZeros / 4) return { encoding: 'utf-16be', bom: 0 }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(sample, { stream: true })
    return { encoding: 'utf-8', bom: 0 }
  } catch {
    return { encoding: 'windows-1258', bom: 0 }
  }
}

/** The delimiter that splits the first lines most consistently (FEBRL's ", " is a comma). */
export function sniffDelimiter(text: string): string {
  const lines = text
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '')
    .slice(0, 20)
  let best = ','
  let bestScore = 0
  for (const d of [',', ';', '\t', '|']) {
    const counts = lines.map((l) => l.split(d).length - 1)
    const first = counts[0] ?? 0
    if (first === 0) continue
    const consistent = counts.filter((c) => c === first).length
    const score = consistent * 100 + first
    if (score > bestScore) {
      best = d
      bestScore = score
    }
  }
  return best
}

/**
 * RFC 4180 with the usual liberties: quoted fields may hold delimiters, quotes ("") and
 * line breaks; unquoted fields are trimmed (FEBRL pads after each comma). `row` is the
 * line on which a record starts, so the header is line 1.
 */
class CsvParser {
  private readonly delimiter: string
  private field = ''
  private fields: string[] = []
  private quoted = false
  private inQuotes = false
  private afterQuote = false
  private line = 1
  private recordLine = 1
  private pendingCr = false

  constructor(delimiter: string) {
    this.delimiter = delimiter
  }

  private endField(): void {
    if (this.fields.length >= MAX_COLUMNS) throw tooWide(this.recordLine)
    if (this.field.length > MAX_CELL_CHARS) throw this.tooLong()
    this.fields.push(this.quoted ? this.field : this.field.trim())
    this.field = ''
    this.quoted = false
    this.afterQuote = false
  }

  private endRecord(out: SheetRow[]): void {
    this.endField()
    const cells = this.fields.map((f) => (f === '' ? null : f))
    while (cells.length > 0 && cells[cells.length - 1] === null) cells.pop()
    if (cells.length > 0) out.push({ row: this.recordLine, cells })
    this.fields = []
  }

  push(text: string, out: SheetRow[]): void {
    const d = this.delimiter
    for (let i = 0; i < text.length; i++) {
      const ch = text[i] as string
      if (this.pendingCr) {
        this.pendingCr = false
        if (ch === '\n') continue
      }
      if (this.inQuotes) {
        if (ch === '"') {
          if (text[i + 1] === '"') {
            this.field += '"'
            i++
          } else if (i + 1 === text.length) {
            // A quote at a chunk's end: decide on the next chunk.
            this.inQuotes = false
            this.afterQuote = true
          } else {
            this.inQuotes = false
            this.afterQuote = true
          }
        } else {
          if (ch === '\n' || ch === '\r') this.line++
          if (ch === '\r' && text[i + 1] === '\n') {
            this.field += '\r\n'
            i++
            continue
          }
          this.field += ch
        }
        continue
      }
      if (ch === '"' && this.afterQuote) {
        // "" split across chunks, or a quote right after a closing quote: a literal quote.
        this.field += '"'
        this.inQuotes = true
        this.afterQuote = false
        continue
      }
      if (ch === '"' && this.field.trim() === '' && !this.quoted) {
        this.field = ''
        this.inQuotes = true
        this.quoted = true
        continue
      }
      if (ch === d) {
        this.endField()
        continue
      }
      if (ch === '\n' || ch === '\r') {
        this.endRecord(out)
        this.line++
        this.recordLine = this.line
        if (ch === '\r') this.pendingCr = true
        continue
      }
      if (this.afterQuote) this.afterQuote = false
      this.field += ch
    }
    // A field still open at a chunk's end may be a stray quote swallowing the file: stop it early.
    if (this.field.length > MAX_CELL_CHARS) throw this.tooLong()
  }

  private tooLong() {
    return cellTooLong(
      this.inQuotes
        ? { vi: `từ dòng ${this.recordLine}, có thể do thiếu dấu " đóng`, en: `from line ${this.recordLine}, perhaps a missing closing "` }
        : { vi: `dòng ${this.recordLine}`, en: `line ${this.recordLine}` }
    )
  }

  finish(out: SheetRow[]): void {
    if (this.field !== '' || this.fields.length > 0) this.endRecord(out)
  }
}

export async function openCsv(path: string): Promise<SpreadsheetSource> {
  const { size } = await stat(path)
  const fh = await open(path, 'r')
  const sample = Buffer.alloc(Math.min(size, 65_536))
  try {
    await fh.read(sample, 0, sample.length, 0)
  } finally {
    await fh.close()
  }
  const { encoding, bom } = detectEncoding(sample)
  const delimiter = sniffDelimiter(new TextDecoder(encoding).decode(sample.subarray(bom)))
  const sheet = basename(path, extname(path))
  let done = 0
  return {
    format: 'csv',
    sheets: [{ name: sheet, hidden: false }],
    async *rows() {
      done = 0
      const decoder = new TextDecoder(encoding)
      const parser = new CsvParser(delimiter)
      const stream = createReadStream(path, { start: bom, highWaterMark: 256 * 1024 })
      try {
        for await (const chunk of stream) {
          done += (chunk as Buffer).length
          const out: SheetRow[] = []
          parser.push(decoder.decode(chunk as Buffer, { stream: true }), out)
          if (out.length > 0) yield out
        }
        const out: SheetRow[] = []
        parser.push(decoder.decode(), out)
        parser.finish(out)
        if (out.length > 0) yield out
      } finally {
        stream.destroy()
      }
    },
    progress: () => ({ done, total: size }),
    close: async () => {}
  }
}
