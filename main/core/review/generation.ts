import type { Db } from '../workspace/workspace.ts'

/**
 * A token that changes whenever review data may have changed: our own decisions bump a
 * counter, and SQLite's data_version moves when another connection (a job worker, the
 * CLI) commits. Counts cached under an old token are stale.
 */
const counters = new WeakMap<Db, number>()

export function bumpGeneration(db: Db): void {
  counters.set(db, (counters.get(db) ?? 0) + 1)
}

export function generation(db: Db): string {
  return `${counters.get(db) ?? 0}:${String(db.pragma('data_version', { simple: true }))}`
}
