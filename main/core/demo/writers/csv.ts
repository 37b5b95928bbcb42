import { createWriteStream, type WriteStream } from 'node:fs'
import { once } from 'node:events'

export type CsvValue = string | number | null

/** RFC 4180 quoting: only fields with a comma, quote or line break are quoted. */
export function csvLine(values: readonly CsvValue[]): string {
  return (
    values
      .map((v) => {
        const s = v === null ? '' : String(v)
        return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
      })
      .join(',') + '\n'
  )
}

/** A UTF-8 CSV file written in 64 KB chunks, waiting for the disk when it falls behind. */
export class CsvFile {
  private readonly out: WriteStream
  private buffer = ''

  constructor(path: string, header: readonly string[]) {
    this.out = createWriteStream(path, { encoding: 'utf8' })
    this.buffer = csvLine(header)
  }

  row(values: readonly CsvValue[]): void {
    this.buffer += csvLine(values)
    if (this.buffer.length > 65_536) this.flush()
  }

  async drain(): Promise<void> {
    if (this.out.writableNeedDrain) await once(this.out, 'drain')
  }

  async close(): Promise<void> {
    this.flush()
    const closed = once(this.out, 'close')
    this.out.end()
    await closed
  }

  private flush(): void {
    if (this.buffer !== '') this.out.write(this.buffer)
    this.buffer = ''
  }
}
