import type { Db } from '../base/sqlite-driver.ts'

/** Aggregate counts over the records table, as the status line and the overview show them. */

/** Rows per kind (site, registry, complaint); a kind with no rows is absent. */
export function recordsPerKind(db: Db): Record<string, number> {
  const rows = db.prepare('SELECT kind AS k, count(*) AS n FROM records GROUP BY kind').all() as { k: string; n: number }[]
  return Object.fromEntries(rows.map((r) => [r.k, r.n]))
}

/** Site rows whose person is linked to a registry row (auto or confirmed). */
export function linkedSiteRows(db: Db): number {
  return (
    db
      .prepare(
        `SELECT count(*) AS n FROM records r WHERE r.kind = 'site' AND EXISTS (SELECT 1 FROM links l WHERE l.subject_kind = 'person'
           AND l.subject_id = r.person_id AND l.status IN ('auto', 'confirmed') AND l.registry_record_id IS NOT NULL)`
      )
      .get() as { n: number }
  ).n
}
