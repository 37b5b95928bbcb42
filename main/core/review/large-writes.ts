import type { Db } from '../workspace/workspace.ts'

/** At most this much page cache for one bulk write (SQLite takes it only as pages are touched). */
const MAX_CACHE_KIB = 1024 * 1024

/**
 * Runs fn, a bulk decision or its undo, with what a write over a third of a million-row
 * workspace needs, and gives the connection back as it was:
 * - a page cache as big as the file (up to 1 GiB): 100,000 differences spread over every
 *   site dirty nearly every page of diffs, review_rows and its index (about 300 MB); in the
 *   usual 64 MB SQLite spills dirty pages to the WAL mid-transaction and reads them back,
 *   which doubled the time;
 * - no automatic WAL checkpoint inside the commit: copying those pages into the file and
 *   syncing it is left to the caller, off the clerk's clock: the job worker runs it once it
 *   has replied (jobs/worker.ts), the CLI when it closes the workspace;
 * - with `keysByConstruction`, no foreign key checks: for a writer whose every key is
 *   copied from a row it just read or made in the same transaction, and that deletes
 *   nothing (so no ON DELETE action is due). Checking them was a parent lookup per key
 *   (four per proposal): a tenth of a bulk decision at 1,000,000 rows. SQLite takes this
 *   setting only outside a transaction, hence here.
 */
export function withLargeWrite<T>(db: Db, fn: () => T, opts: { keysByConstruction?: boolean } = {}): T {
  const cache = db.pragma('cache_size', { simple: true }) as number
  const autoCheckpoint = db.pragma('wal_autocheckpoint', { simple: true }) as number
  const foreignKeys = db.pragma('foreign_keys', { simple: true }) as number
  const pageSize = db.pragma('page_size', { simple: true }) as number
  const fileKib = ((db.pragma('page_count', { simple: true }) as number) * pageSize) / 1024
  const cacheKib = cache < 0 ? -cache : (cache * pageSize) / 1024
  const want = Math.min(MAX_CACHE_KIB, Math.ceil(fileKib))
  if (want > cacheKib) db.pragma(`cache_size = -${want}`)
  db.pragma('wal_autocheckpoint = 0')
  if (opts.keysByConstruction === true) db.pragma('foreign_keys = OFF')
  try {
    return fn()
  } finally {
    db.pragma(`cache_size = ${cache}`)
    db.pragma(`wal_autocheckpoint = ${autoCheckpoint}`)
    db.pragma(`foreign_keys = ${foreignKeys}`)
  }
}
