import type { Db } from '../base/sqlite-driver.ts'

/**
 * What a bulk "keep the site value" reads of the records table: the compared fields of
 * each of a person's site rows, to count the rows whose value the decision would correct.
 */

/** The six compared fields of one site row, as stored (a cell left empty may be ''). */
export interface SiteRowValues {
  full_name: string | null
  dob: string | null
  gender: string | null
  national_id: string | null
  phone: string | null
  address: string | null
}

/** The compared fields of every site row of a person; prepared once, run per cell. */
export function siteRowValuesReader(db: Db): (personId: number) => SiteRowValues[] {
  const stmt = db.prepare("SELECT full_name, dob, gender, national_id, phone, address FROM records WHERE person_id = ? AND kind = 'site'")
  return (personId) => stmt.all(personId) as SiteRowValues[]
}
