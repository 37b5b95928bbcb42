import type { Db } from '../base/sqlite-driver.ts'
import { IDENTITY_FIELDS, type RecordField } from './fields.ts'
import { selectList, type RowOf } from './select-list.ts'

/** What review compares of a row: its identity, the ward (an address in another ward is a conflict), its import and person. */
const COLUMNS = ['id', 'import_id', 'person_id', ...IDENTITY_FIELDS, 'ward_code'] as const
export type ComparedRecord = RowOf<typeof COLUMNS>

/** The readers of the diffs' rebuild, prepared once and run per chunk of links; ids go as a JSON array. */
export function comparedRecordReaders(db: Db) {
  const sitesOfPersons = db.prepare(
    // +kind: without statistics SQLite would scan every site row by the kind index, per chunk.
    `SELECT ${selectList(COLUMNS)} FROM records WHERE +kind = 'site' AND person_id IN (SELECT value FROM json_each(?)) ORDER BY id`
  )
  const byIds = db.prepare(`SELECT ${selectList(COLUMNS)} FROM records WHERE id IN (SELECT value FROM json_each(?))`)
  return {
    siteRowsOfPersons: (personIds: number[]): ComparedRecord[] => sitesOfPersons.all(JSON.stringify(personIds)) as ComparedRecord[],
    recordsByIds: (ids: number[]): ComparedRecord[] => byIds.all(JSON.stringify(ids)) as ComparedRecord[]
  }
}
export type ComparedRecordReaders = ReturnType<typeof comparedRecordReaders>

/** Which of these fields each import carries at all (some row has a value): a column nobody filled is not "missing". */
export function fieldsCarriedByImport<F extends RecordField>(db: Db, fields: readonly F[]): Map<number, Set<F>> {
  const counts = fields.map((f) => `count(${f}) AS ${f}`).join(', ')
  const out = new Map<number, Set<F>>()
  const rows = db.prepare(`SELECT import_id, ${counts} FROM records GROUP BY import_id`).all() as ({ import_id: number } & Record<
    F,
    number
  >)[]
  for (const row of rows) out.set(row.import_id, new Set(fields.filter((f) => row[f] > 0)))
  return out
}
