import type { Db } from '../base/sqlite-driver.ts'
import type { DoseColumns, RecordKind } from './record-columns.ts'
import { SOURCE_SQL } from './review-subject-reads.ts'

/** The person panel's reads: a person's doses across sites, one site dose, and the doses proposed for the person. */

export interface PersonDoseRow extends DoseColumns {
  id: number
  source: string
}

/** Every site dose of a person: dated ones by date, then undated. */
export function personDoses(db: Db, personId: number): PersonDoseRow[] {
  return db
    .prepare(
      `SELECT r.id, r.site_name, r.vaccine, r.dose_number, r.dose_date, r.lot, ${SOURCE_SQL} AS source
       FROM records r WHERE r.person_id = ? AND r.kind = 'site' ORDER BY r.dose_date IS NULL, r.dose_date, r.dose_number, r.id`
    )
    .all(personId) as PersonDoseRow[]
}

export interface AddedDoseRow {
  id: number
  new_value: string | null
  status: string
}

/** Live proposals to add a dose to any of the person's rows. */
export function addedDoseProposals(db: Db, personId: number): AddedDoseRow[] {
  return db
    .prepare(
      `SELECT id, new_value, status FROM proposals WHERE target = 'dose' AND old_value IS NULL AND status IN ('proposed', 'approved', 'exported')
       AND record_id IN (SELECT id FROM records WHERE person_id = ?) ORDER BY id`
    )
    .all(personId) as AddedDoseRow[]
}

export interface SiteDoseRow extends DoseColumns {
  id: number
  person_id: number | null
  kind: RecordKind
}

/** One record's dose columns (any kind: the caller checks `kind`). */
export function siteDoseRow(db: Db, recordId: number): SiteDoseRow | undefined {
  return db
    .prepare('SELECT id, person_id, kind, site_name, vaccine, dose_number, dose_date, lot FROM records WHERE id = ?')
    .get(recordId) as SiteDoseRow | undefined
}

/** The person's first site row by dose date: the row an added dose hangs on. */
export function firstSiteRecordId(db: Db, personId: number): number | undefined {
  return db.prepare("SELECT id FROM records WHERE person_id = ? AND kind = 'site' ORDER BY dose_date, id LIMIT 1").pluck().get(personId) as
    number | undefined
}
