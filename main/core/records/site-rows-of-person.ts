import type { Db } from '../base/sqlite-driver.ts'
import { REVIEW_FIELDS } from './fields.ts'
import { selectList, type RowOf } from './select-list.ts'

/**
 * A linked person's site rows, as review's decisions read them. SQL fragments are for
 * queries over other tables that need the person's rows inside them.
 */

const COLUMNS = ['id', ...REVIEW_FIELDS] as const
export type ComparedSiteRow = RowOf<typeof COLUMNS>

/** The compared fields of every site row of a person, by id; prepared once. */
export function siteRowsOfPersonReader(db: Db): (personId: number) => ComparedSiteRow[] {
  const stmt = db.prepare(`SELECT ${selectList(COLUMNS)} FROM records WHERE person_id = ? AND kind = 'site' ORDER BY id`)
  return (personId) => stmt.all(personId) as ComparedSiteRow[]
}

/** A subquery yielding the ids of the site rows of the person bound to its one `?`. */
export const SITE_ROW_IDS_OF_PERSON = "SELECT id FROM records WHERE person_id = ? AND kind = 'site'"

/**
 * `LEFT JOIN records <alias>` on the row that stands for a link's subject: a person's first
 * dose (by date, undated last), a complaint itself. `link` is the alias of the links table.
 */
export const subjectRecordJoin = (link: string, alias: string): string => `LEFT JOIN records ${alias} ON ${alias}.id = (
  CASE WHEN ${link}.subject_kind = 'person'
  THEN (SELECT r.id FROM records r WHERE r.person_id = ${link}.subject_id AND r.kind = 'site'
        ORDER BY r.dose_date IS NULL, r.dose_date, r.id LIMIT 1)
  ELSE ${link}.subject_id END)`
