import { rebuildDiffs } from '../review/diffs.ts'
import { preparePredictions, type PredictionsImport } from '../splink/predictions-import.ts'
import type { Workspace } from '../workspace/workspace.ts'
import type { JobContext } from '../base/job-context.ts'

// A pipeline step like those in pipeline.ts, kept apart because it reads Parquet through
// DuckDB, which only the CLI loads: the app's worker bundle (jobs/table.ts) never imports it.

/** `vaxrecon links import`: Splink's predictions checked outside the write lock, then stored and the diffs rebuilt. */
export async function linksImportJob(
  ws: Workspace,
  path: string,
  ctx: JobContext,
  actor: string | null = null
): Promise<PredictionsImport> {
  const store = await preparePredictions(ws, path, actor)
  return ws.tx(() => {
    const imported = store()
    ctx.checkCancelled()
    rebuildDiffs(ws, ctx)
    return imported
  })
}
