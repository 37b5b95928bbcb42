import type { Db } from '../base/sqlite-driver.ts'
import type { LinkageColumns, RecordKind } from './record-columns.ts'

/** What the Splink bridge reads of the records: the rows it exports, and the ids its predictions name. */

/** A record as `vaxrecon records export` writes it: the columns linkage reads, and where the row came from. */
export interface SplinkExportRow extends LinkageColumns {
  source_sheet: string
  source_row: number
  file_name: string
}

/** Every record of the given kinds, by id, one at a time. */
export function splinkExportRows(db: Db, kinds: readonly RecordKind[]): IterableIterator<SplinkExportRow> {
  return db
    .prepare(
      `SELECT r.id, r.import_id, r.kind, r.full_name, r.dob, r.gender, r.national_id, r.old_national_id, r.phone, r.address,
              r.province_code, r.district_code, r.ward_code, r.vaccine, r.dose_number, r.dose_date, r.complaint_type,
              r.source_sheet, r.source_row, i.file_name
       FROM records r JOIN imports i ON i.id = r.import_id
       WHERE r.kind IN (SELECT value FROM json_each(?))
       ORDER BY r.id`
    )
    .iterate(JSON.stringify(kinds)) as IterableIterator<SplinkExportRow>
}

export interface RecordKindRow {
  id: number
  kind: RecordKind
  person_id: number | null
}

/** Every record's kind and person, by id: what a prediction's unique_id may name. */
export function recordKinds(db: Db): Map<number, RecordKindRow> {
  const rows = db.prepare('SELECT id, kind, person_id FROM records').all() as RecordKindRow[]
  return new Map(rows.map((r) => [r.id, r]))
}

/** The complaints' record ids, in order. */
export function complaintRecordIds(db: Db): number[] {
  return db.prepare(`SELECT id FROM records WHERE kind = 'complaint' ORDER BY id`).pluck().all() as number[]
}
