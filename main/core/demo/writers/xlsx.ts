import { createWriteStream, type WriteStream } from 'node:fs'
import { once } from 'node:events'
import ExcelJS from 'exceljs'
import { pinZipTimestamps } from './zip-timestamps.ts'

/** The instant every demo file claims it was made: the files describe the end of 2021. */
export const FILE_TIME = new Date(Date.UTC(2021, 11, 31, 8, 0, 0))

/** Backlog per sheet before the generator waits for the zip stream to catch up. */
const MAX_BACKLOG_BYTES = 1 << 20

type Sheet = ExcelJS.Worksheet

/** What we read of exceljs's WorksheetWriter internals; see drain(). */
interface SheetStreamInternals {
  stream?: { pipes?: { _writableState?: { length?: number } }[] }
}

/**
 * One streaming .xlsx file, byte-for-byte reproducible: fixed document properties, fixed
 * zip timestamps (pinned after the file is closed), no shared strings (which would grow
 * with the file), styles on.
 */
export class XlsxFile {
  readonly path: string
  readonly book: ExcelJS.stream.xlsx.WorkbookWriter
  private readonly out: WriteStream
  private readonly open: Sheet[] = []

  constructor(path: string) {
    this.path = path
    this.out = createWriteStream(path)
    this.book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: this.out, useStyles: true, useSharedStrings: false })
    this.book.creator = 'VaxRecon demo'
    this.book.lastModifiedBy = 'VaxRecon demo'
    this.book.created = FILE_TIME
    this.book.modified = FILE_TIME
  }

  addSheet(name: string, options?: Partial<ExcelJS.AddWorksheetOptions>): Sheet {
    const sheet = this.book.addWorksheet(name, options)
    this.open.push(sheet)
    return sheet
  }

  /**
   * exceljs's streaming writer never pushes back: committed rows pile up in memory when
   * they come faster than zlib compresses them. We wait while a sheet's compressor has
   * more than MAX_BACKLOG_BYTES queued. If a future exceljs hides that queue, this
   * degrades to no waiting (correct files, more memory), never to a hang.
   */
  async drain(): Promise<void> {
    for (const sheet of this.open) {
      const pipe = (sheet as unknown as SheetStreamInternals).stream?.pipes?.[0]
      while ((pipe?._writableState?.length ?? 0) > MAX_BACKLOG_BYTES) await new Promise((r) => setTimeout(r, 1))
    }
  }

  commitSheet(sheet: Sheet): void {
    sheet.commit()
    const i = this.open.indexOf(sheet)
    if (i >= 0) this.open.splice(i, 1)
  }

  async close(): Promise<void> {
    const closed = once(this.out, 'close')
    await this.book.commit()
    await closed
    await pinZipTimestamps(this.path, FILE_TIME)
  }
}
