import type { Db } from '../workspace/workspace.ts'
import { CURRENT_LINKS } from '../records/link-reads.ts'

/**
 * Subjects by the status of their current link (CURRENT_LINKS), site persons and
 * complaints apart: the one definition the Link page and the Overview both show.
 */
export interface LinkStatusCounts {
  person: Record<string, number>
  complaint: Record<string, number>
}

export function linkStatusCounts(db: Db): LinkStatusCounts {
  const out: LinkStatusCounts = { person: {}, complaint: {} }
  for (const r of db.prepare(`SELECT subject_kind AS kind, status, count(*) AS n FROM (${CURRENT_LINKS}) GROUP BY 1, 2`).all() as {
    kind: keyof LinkStatusCounts
    status: string
    n: number
  }[]) {
    out[r.kind][r.status] = r.n
  }
  return out
}

/** The reason a subject waits for review when its weight alone would not auto-link it. */
export const BELOW_AUTO = 'below_auto'

/**
 * Why each subject waiting for review was not linked automatically: its hold, when its
 * weight reached the auto threshold; else BELOW_AUTO (its weight lies between the two
 * thresholds, whatever hold it also has). The reasons add up to the review count.
 */
export function reviewReasons(db: Db, auto: number): Record<string, number> {
  const out: Record<string, number> = {}
  for (const r of db
    .prepare(
      `SELECT CASE WHEN match_weight >= ? AND hold_reason IS NOT NULL THEN hold_reason ELSE '${BELOW_AUTO}' END AS k, count(*) AS n
       FROM (${CURRENT_LINKS}) WHERE status = 'review' GROUP BY 1`
    )
    .all(auto) as { k: string; n: number }[]) {
    out[r.k] = r.n
  }
  return out
}
