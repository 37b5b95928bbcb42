import type { RecordCell } from '../records/record-inserts.ts'
import type { RejectReason } from './codes.ts'
import type { SourceKind } from './fields.ts'
import { isColumnNumberRow, isFooterRow } from './layout.ts'
import { AddressContext, RowNormalizer, type ColumnMap } from './normalize/row.ts'
import { encodeRaw } from './raw.ts'
import type { SpreadsheetSource } from './readers/types.ts'
import type { NormalizedRecord } from './validate.ts'

/** Everything the row loop needs to know, decided before it starts; plain data, so it crosses to a worker. */
export interface RowPlan {
  kind: SourceKind
  sheet: string
  /** The first row under the header. */
  dataStart: number
  cols: ColumnMap
  nameCols: number[]
  /** The record columns written, in order. */
  columns: readonly (keyof NormalizedRecord)[]
  /** Districts named in the title lines above the header: a start for addresses that stop at the ward. */
  titleDistricts: (string | null)[]
  /** The file's site, for rows with none of their own (null: the rows name theirs, or not a site list). */
  siteName: string | null
}

/**
 * A run of normalized rows in compact form: records flat as `RecordInserter` takes them
 * (`RECORD_HEAD` values, one per plan column, the warnings JSON), so a batch is a few
 * arrays of plain values, cheap to post from the reading thread.
 */
export interface RowBatch {
  records: RecordCell[]
  rejects: { row: number; raw: string; reason: RejectReason }[]
  /** Rows read (records and rejects) and blank rows skipped, in this batch. */
  read: number
  blank: number
  warnings: Record<string, number>
  /** Bytes of the file read so far, for the progress estimate. */
  bytes: { done: number; total: number }
}

/**
 * Rows per batch: the unit of progress, cancellation and hand-over between threads. Small
 * batches die young: at 1,000 rows they outlived the reader's young generation and
 * garbage collection took 20-28% of its time; at 200, 9-17%.
 */
const BATCH_ROWS = 200

/**
 * Streams a sheet's data rows as normalized batches: the column-number row under the
 * header and blank rows are skipped (and counted), the footer ends the data, every other
 * row is a record with its warnings or a reject with its reason.
 */
export async function* normalizeBatches(source: SpreadsheetSource, plan: RowPlan): AsyncGenerator<RowBatch> {
  const places = new AddressContext()
  for (const d of plan.titleDistricts) places.observe(d)
  const normalizer = new RowNormalizer(plan.cols, plan.kind, places, source.format === 'csv')
  const fresh = (): RowBatch => ({ records: [], rejects: [], read: 0, blank: 0, warnings: {}, bytes: source.progress() })
  let out = fresh()
  let afterHeader = true
  for await (const rows of source.rows(plan.sheet)) {
    for (const { row, cells } of rows) {
      if (out.read + out.blank >= BATCH_ROWS) {
        out.bytes = source.progress()
        yield out
        out = fresh()
      }
      if (row < plan.dataStart) continue
      if (afterHeader) {
        afterHeader = false
        if (isColumnNumberRow({ row, cells })) continue
      }
      if (isFooterRow({ row, cells }, plan.nameCols)) {
        out.bytes = source.progress()
        yield out
        return
      }
      const outcome = normalizer.row(cells)
      if (outcome.status === 'blank') {
        out.blank++
        continue
      }
      out.read++
      if (outcome.status === 'rejected') {
        out.rejects.push({ row, raw: encodeRaw(cells), reason: outcome.reason })
        continue
      }
      const rec = outcome.record
      if (plan.siteName !== null && rec.site_name === null) rec.site_name = plan.siteName
      out.records.push(row, encodeRaw(cells))
      for (const c of plan.columns) out.records.push(rec[c])
      for (const w of outcome.warnings) out.warnings[w.code] = (out.warnings[w.code] ?? 0) + 1
      out.records.push(outcome.warnings.length === 0 ? '[]' : JSON.stringify(outcome.warnings))
    }
  }
  out.bytes = source.progress()
  yield out
}
