import type { Thresholds } from '../link/decide.ts'
import { moveThresholds } from '../link/apply-thresholds.ts'
import { computeMatch, storeMatch, type MatchParams, type MatchResult } from '../link/match-job.ts'
import { rebuildDiffs } from '../review/diffs.ts'
import type { Workspace } from '../workspace/workspace.ts'
import type { JobContext } from '../base/job-context.ts'

/*
 * The order of the pipeline's steps, in one place. Linkage decides who each row is; the
 * review's diffs are derived from the links, so any step that changes links rebuilds them
 * in the same transaction: a reader never sees links and diffs from two different runs.
 */

/** `vaxrecon match`: compute outside the write lock, then store the run and rebuild the diffs. */
export function matchJob(ws: Workspace, params: MatchParams, ctx: JobContext): MatchResult {
  const run = computeMatch(ws, params, ctx)
  const counts = ws.tx(() => {
    const c = storeMatch(ws, run, ctx)
    ctx.checkCancelled()
    rebuildDiffs(ws, ctx)
    return c
  })
  return { ...counts, seconds: (Date.now() - run.started) / 1000 }
}

/** New thresholds over the last run, then the diffs of the links whose status moved. */
export function applyThresholds(
  ws: Workspace,
  thresholds: Thresholds,
  ctx: JobContext,
  actor: string | null = null
): { changed: number; statuses: Record<string, number> } {
  return ws.tx(() => {
    const moved = moveThresholds(ws.db, thresholds, actor)
    ctx.checkCancelled()
    rebuildDiffs(ws, ctx)
    return moved
  })
}
