import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { basename } from 'node:path'
import { appendAudit } from '../audit/append.ts'
import { RecordInserter } from '../records/record-inserts.ts'
import { VaxError } from '../base/errors.ts'
import type { JobContext } from '../base/job-context.ts'
import type { Workspace } from '../workspace/workspace.ts'
import { REJECT_REASONS, type RejectReason } from './codes.ts'
import type { Mapping, SourceKind } from './fields.ts'
import { resolveMapping, suggestMapping, type HeaderColumn } from './mapping.ts'
import { districtMentioned } from './normalize/address.ts'
import type { ColumnMap } from './normalize/row.ts'
import { normalizeBatches, type RowPlan } from './normalize-batches.ts'
import type { NormalizedRecord } from './validate.ts'
import { fieldsOfKind } from '../records/fields.ts'
import { removeConversion } from './readers/convert.ts'
import { openSpreadsheet } from './readers/open.ts'
import { headerPositions } from './raw.ts'
import { readInWorker } from './read-worker.ts'
import { fileSite, type FileSite } from './site.ts'
import { chooseLayout } from './source.ts'
import { now as clockNow } from '../base/clock.ts'

export interface ImportOptions {
  kind: SourceKind
  path: string
  sheet?: string
  headerRow?: number
  /** field → header labels; merged over the suggested mapping. `[]` unmaps a suggested field. */
  mapping?: Mapping
  /** The site a site list comes from, for its rows with no site of their own (`--site`, the wizard). */
  site?: string
  /** The name the clerk chose, when `path` is a converted copy of it. */
  originalFileName?: string
}

export interface ImportSummary {
  importId: number
  /** Set when this exact file (same kind, same content) was imported before: nothing was added. */
  duplicateOf: { importId: number; importedAt: string } | null
  kind: SourceKind
  fileName: string
  sheet: string
  headerRow: number
  headerRows: number
  mapping: Mapping
  /** The site given to rows with no site of their own, and where the name came from. */
  site: FileSite | null
  rowsRead: number
  imported: number
  rejected: number
  blankRows: number
  rejectsByReason: Record<string, number>
  warningsByKind: Record<string, number>
}

export async function hashFile(path: string): Promise<string> {
  const h = createHash('sha256')
  for await (const c of createReadStream(path)) h.update(c as Buffer)
  return h.digest('hex')
}

/** The mapping an import uses: the suggestion, overridden field by field by the user's. */
export function effectiveMapping(headers: HeaderColumn[], kind: SourceKind, user?: Mapping): Mapping {
  const merged: Mapping = { ...suggestMapping(headers, kind), ...(user ?? {}) }
  // A user who names the name columns replaces the suggested ones (full vs split name).
  const userNamesName = user !== undefined && ('full_name' in user || 'family_name' in user || 'given_name' in user)
  const nameFields = new Set(['full_name', 'family_name', 'given_name'])
  return Object.fromEntries(
    Object.entries(merged).filter(([k, v]) => v.length > 0 && !(userNamesName && nameFields.has(k) && !(k in (user ?? {}))))
  )
}

function requireName(cols: ColumnMap): void {
  if (!cols.full_name && !cols.family_name && !cols.given_name) {
    throw new VaxError('MAPPING_NO_NAME', {
      vi: 'Chưa có cột nào được ghép với họ tên (full_name, hoặc family_name và given_name). Hãy chọn cột họ tên.',
      en: 'No column is mapped to the name (full_name, or family_name and given_name). Choose the name column.'
    })
  }
}

// The columns each kind can fill: fewer bound values per row is measurably faster on a million rows.
const KIND_COLUMNS: Record<SourceKind, readonly (keyof NormalizedRecord)[]> = {
  site: fieldsOfKind('site'),
  registry: fieldsOfKind('registry'),
  complaint: fieldsOfKind('complaint')
}

/**
 * Files from this size up are read and normalized in a thread of their own. Starting one
 * costs about 0.4 s (measured, running from source), more than it saves on a smaller file.
 */
const THREAD_MIN_BYTES = 1024 * 1024
/**
 * ...unless their shared-string table is larger than this: the thread gets its own copy,
 * so the strings are held twice. Measured on a 1,000,000-row shared-string file (2 million
 * strings), same load: in a thread 715 MB peak and 25.0 CPU-s, in this thread 382 MB and
 * 21.9 CPU-s (the copy, the hand-over of every batch and the thread's own module loading
 * cost more CPU than the overlap saves wall clock: 20.7 s against 23.9 s on 2 busy cores).
 * Excel and LibreOffice always write such a table; inline-string files and CSV have none.
 */
const THREAD_MAX_SHARED_STRINGS = 10_000

/**
 * SQLite page cache during an import, in KiB (negative pragma value): half the
 * workspace's 64 MB. An import appends (the records and three of its four indexes grow at
 * their end), so pages it spills are not read back. Measured on the 1,000,000-row
 * shared-string file, alternated: peak RSS 340-361 MB against 395-396 MB, CPU 16.7-17.5
 * against 17.2-17.9 s; 200,000 rows into a workspace of 1,000,000, three runs each: 3.84-4.09
 * CPU-s either way, 209-220 MB against 244-249 MB.
 */
const IMPORT_CACHE_KIB = -32 * 1024

/**
 * Imports one file into the workspace, in ONE transaction: every data row becomes a record
 * (with its warnings) or a reject (with its reason), the import is recorded with its
 * mapping and counts, and the audit log says so. A cancel, a crash or an error leaves
 * the workspace as it was. The same file (same kind and content) is never imported twice.
 */
export async function importFile(ws: Workspace, opts: ImportOptions, ctx: JobContext, actor: string | null): Promise<ImportSummary> {
  ctx.progress({ done: 0, total: null, stage: 'hash' })
  const source = await openSpreadsheet(opts.path)
  try {
    const fileHash = await hashFile(opts.path)
    const fileName = opts.originalFileName ?? basename(opts.path)
    ctx.checkCancelled()
    const { sheet, layout, head } = await chooseLayout(source, {
      ...(opts.sheet !== undefined && { sheet: opts.sheet }),
      ...(opts.headerRow !== undefined && { headerRow: opts.headerRow }),
      mappingGiven: opts.mapping !== undefined && Object.keys(opts.mapping).length > 0
    })
    const mapping = effectiveMapping(layout.headers, opts.kind, opts.mapping)
    const cols = resolveMapping(mapping, layout.headers)
    requireName(cols)
    const site = fileSite(ws, { ...opts, fileName }, { head, layout, hasSiteColumn: cols.site_name !== undefined })
    const plan: RowPlan = {
      kind: opts.kind,
      sheet,
      dataStart: layout.headerRow + layout.headerRows,
      cols,
      nameCols: [...(cols.full_name ?? []), ...(cols.family_name ?? []), ...(cols.given_name ?? [])],
      columns: KIND_COLUMNS[opts.kind],
      // Title lines often name the site's district: a start for addresses that stop at the ward.
      titleDistricts: head
        .filter((r) => r.row < layout.headerRow)
        .flatMap((r) => r.cells.flatMap((c) => (typeof c === 'string' ? [districtMentioned(c)] : []))),
      siteName: site?.name ?? null
    }

    const summary: ImportSummary = {
      importId: 0,
      duplicateOf: null,
      kind: opts.kind,
      fileName,
      sheet,
      headerRow: layout.headerRow,
      headerRows: layout.headerRows,
      mapping,
      site,
      rowsRead: 0,
      imported: 0,
      rejected: 0,
      blankRows: 0,
      rejectsByReason: {},
      warningsByKind: {}
    }
    const db = ws.db
    const previous = db.prepare('SELECT id, imported_at FROM imports WHERE kind = ? AND file_hash = ?').get(opts.kind, fileHash) as
      { id: number; imported_at: string } | undefined
    if (previous) return { ...summary, importId: previous.id, duplicateOf: { importId: previous.id, importedAt: previous.imported_at } }

    // The reads in between are asynchronous, so the transaction is opened by hand; this
    // connection is the job's own, so nothing else can slip into it. Its page cache is
    // set for the import (IMPORT_CACHE_KIB) and given back afterwards.
    const cacheSize = db.pragma('cache_size', { simple: true }) as number
    db.pragma(`cache_size = ${IMPORT_CACHE_KIB}`)
    // Inside a caller's transaction (the sample job imports several files as one unit) a
    // savepoint keeps this import all-or-nothing within it.
    const nested = db.inTransaction
    // Foreign keys are off for the import's own transaction, so that its multi-row inserts
    // need no statement journal (RecordInserter): every row it writes refers to the import
    // it has just created, and person_id is left NULL. SQLite ignores the pragma inside a
    // transaction, so a caller's transaction keeps them.
    const foreignKeys = !nested && db.pragma('foreign_keys', { simple: true }) === 1
    if (foreignKeys) db.pragma('foreign_keys = OFF')
    db.exec(nested ? 'SAVEPOINT import_file' : 'BEGIN IMMEDIATE')
    try {
      const importId = Number(
        db
          .prepare(
            `INSERT INTO imports (kind, file_name, file_hash, sheet, header_row, header_rows, headers_json, mapping_json, imported_at, imported_by, site_name)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
          )
          .run(
            opts.kind,
            fileName,
            fileHash,
            sheet,
            layout.headerRow,
            layout.headerRows,
            JSON.stringify(headerPositions(layout.headers)),
            JSON.stringify(mapping),
            clockNow().toISOString(),
            actor,
            site?.name ?? null
          ).lastInsertRowid
      )
      summary.importId = importId
      const records = new RecordInserter(db, plan.columns, { importId, kind: opts.kind, sheet })
      const insertReject = db.prepare(
        'INSERT INTO rejects (import_id, source_sheet, source_row, raw_json, reason_code, reason_vi, reason_en) VALUES (?, ?, ?, ?, ?, ?, ?)'
      )
      const reject = (row: number, raw: string, reason: RejectReason): void => {
        const r = REJECT_REASONS[reason]
        insertReject.run(importId, sheet, row, raw, reason, r.vi, r.en)
        summary.rejected++
        summary.rejectsByReason[reason] = (summary.rejectsByReason[reason] ?? 0) + 1
      }

      const threaded = (await stat(opts.path)).size >= THREAD_MIN_BYTES && (source.sharedStrings?.length ?? 0) <= THREAD_MAX_SHARED_STRINGS
      const batches = threaded ? readInWorker(opts.path, plan, source.sharedStrings) : normalizeBatches(source, plan)
      for await (const batch of batches) {
        ctx.checkCancelled()
        summary.imported += records.insertFlat(batch.records)
        for (const r of batch.rejects) reject(r.row, r.raw, r.reason)
        summary.rowsRead += batch.read
        summary.blankRows += batch.blank
        for (const [code, n] of Object.entries(batch.warnings)) summary.warningsByKind[code] = (summary.warningsByKind[code] ?? 0) + n
        const fraction = batch.bytes.total > 0 ? batch.bytes.done / batch.bytes.total : 0
        const read = summary.rowsRead + summary.blankRows
        ctx.progress({ done: read, total: fraction > 0.02 ? Math.max(read, Math.round(read / fraction)) : null, stage: 'rows' })
      }
      ctx.checkCancelled()
      if (summary.imported === 0) {
        throw summary.rejected > 0
          ? new VaxError(
              'IMPORT_NOTHING_VALID',
              {
                vi: `Không có dòng nào hợp lệ: cả ${summary.rejected} dòng đều bị loại (${Object.keys(summary.rejectsByReason).join(', ')}). Có thể chọn sai cột họ tên, sai dòng tiêu đề hoặc sai tệp. Không có gì được nhập.`,
                en: `No row is valid: all ${summary.rejected} rows were rejected (${Object.keys(summary.rejectsByReason).join(', ')}). The name column, the header row or the file may be wrong. Nothing was imported.`
              },
              { rejectsByReason: summary.rejectsByReason }
            )
          : new VaxError('IMPORT_NO_ROWS', {
              vi: 'Không có dòng dữ liệu nào dưới dòng tiêu đề. Không có gì được nhập.',
              en: 'There are no data rows under the header. Nothing was imported.'
            })
      }
      db.prepare(
        'UPDATE imports SET rows_read = ?, rows_imported = ?, rows_rejected = ?, rows_blank = ?, warnings_json = ? WHERE id = ?'
      ).run(summary.rowsRead, summary.imported, summary.rejected, summary.blankRows, JSON.stringify(summary.warningsByKind), importId)
      appendAudit(db, {
        actor,
        action: 'import.file',
        entity: 'import',
        entityId: importId,
        new: {
          kind: opts.kind,
          file_name: fileName,
          file_hash: fileHash,
          sheet,
          site_name: site?.name ?? null,
          rows_read: summary.rowsRead,
          imported: summary.imported,
          rejected: summary.rejected
        }
      })
      db.exec(nested ? 'RELEASE import_file' : 'COMMIT')
    } catch (err) {
      if (nested) db.exec('ROLLBACK TO import_file; RELEASE import_file')
      else if (db.inTransaction) db.exec('ROLLBACK')
      throw err
    } finally {
      db.pragma(`cache_size = ${cacheSize}`)
      if (foreignKeys) db.pragma('foreign_keys = ON')
    }
    ctx.progress({ done: summary.rowsRead + summary.blankRows, total: summary.rowsRead + summary.blankRows, stage: 'done' })
    return summary
  } finally {
    await source.close()
  }
}

/**
 * Imports a copy LibreOffice converted (`opts.path`), under the name of the file the clerk
 * chose, and deletes the copy and its folder afterwards, whether the import worked or not.
 */
export async function importConverted(ws: Workspace, opts: ImportOptions, ctx: JobContext, actor: string | null): Promise<ImportSummary> {
  try {
    return await importFile(ws, opts, ctx, actor)
  } finally {
    removeConversion(opts.path)
  }
}
