import type { Db } from '../base/sqlite-driver.ts'

/* The `records` writes of the linkage: which person each row belongs to. */

/**
 * Detaches every row from its person except the site rows of the persons kept (a clerk
 * decided them), before a run assigns persons afresh.
 */
export function detachPersonsExcept(db: Db, keptPersonIds: readonly number[]): void {
  db.prepare(
    `UPDATE records SET person_id = NULL
     WHERE person_id IS NOT NULL AND (kind <> 'site' OR person_id NOT IN (SELECT value FROM json_each(?)))`
  ).run(JSON.stringify(keptPersonIds))
}

/** A writer of a row's person (one statement for many rows). */
export function personAssigner(db: Db): (personId: number, recordId: number) => void {
  const stmt = db.prepare('UPDATE records SET person_id = ? WHERE id = ?')
  return (personId, recordId) => void stmt.run(personId, recordId)
}
