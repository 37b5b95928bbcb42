import type { Db } from '../workspace/workspace.ts'
import { rowsScan, rowWhere } from './filter.ts'
import type { ReviewFilter } from './schemas.ts'

/**
 * The link ids a filter shows, in name order (name_key, then link_id; `desc` reverses both).
 *
 * No index covers the columns a filter reads (status, classes, fields): a decision changes
 * them, and every index holding them moved an entry per recounted row, most of what a bulk
 * decision cost. So the rows are found by one sequential pass over the table, and put in
 * order by one walk of review_rows_name_order, which holds only what decisions leave
 * alone. Asking SQLite for the same order either sorts the whole view (a million rows:
 * 1.5 s) or walks the index and looks every row up (2–3 s); the walk and a bitmap of the
 * found ids take a few hundred milliseconds. Both reads run in one read transaction, so
 * they see the same rows.
 */
export function idsByName(db: Db, filter: ReviewFilter, desc: boolean): Int32Array {
  const where = rowWhere(filter)
  const dir = desc ? 'DESC' : 'ASC'
  return db.transaction((): Int32Array => {
    const found = db
      .prepare(`SELECT link_id FROM ${rowsScan()} WHERE ${where.sql}`)
      .pluck()
      .all(...where.params) as number[]
    if (found.length === 0) return new Int32Array(0)
    let top = 0
    for (const id of found) if (id > top) top = id
    const shown = new Uint8Array(top + 1)
    for (const id of found) shown[id] = 1
    const ordered = db
      .prepare(`SELECT link_id FROM review_rows INDEXED BY review_rows_name_order ORDER BY name_key ${dir}, link_id ${dir}`)
      .pluck()
      .all() as number[]
    const ids = new Int32Array(found.length)
    let n = 0
    for (const id of ordered) if (shown[id] === 1) ids[n++] = id
    return ids
  })()
}
