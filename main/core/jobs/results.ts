import type { SampleResult } from '../demo/sample-workspace.ts'
import type { ExportResult } from '../export/export-batch.ts'
import type { ImportSummary } from '../import/import-file.ts'
import type { MatchResult } from '../link/match-job.ts'
import type { DecisionResult, UndoEntry } from '../review/schemas.ts'
import type { JobKind } from './requests.ts'
import type { VerifyResult } from './verify-job.ts'

/**
 * What each kind of job returns, in one table: the job table must return it (runJob) and
 * the contract types `job:finished` with it, so the renderer reads results without casts.
 * Results travel from our own worker to our own page, so they are typed at compile time
 * rather than parsed again at run time; the envelope (job id, kind, ok) is parsed.
 */
export interface JobResults {
  verify: VerifyResult
  import: ImportSummary
  match: MatchResult
  'link-thresholds': { changed: number; statuses: Record<string, number> }
  export: ExportResult
  sample: SampleResult
  'review-bulk': DecisionResult
  'review-undo': UndoEntry
}

export type JobResult<K extends JobKind = JobKind> = JobResults[K]

/** A job that finished well: its kind and its result, paired. */
export type JobSuccess = { [K in JobKind]: { jobId: string; kind: K; ok: true; result: JobResults[K] } }[JobKind]

/**
 * Pairs a worker's result with the kind of job that made it. The result crossed a thread
 * as a structured clone, so its type is lost on the way; runJob, typed by JobResults,
 * produced it for exactly this kind. The one place the pairing is asserted.
 */
export function jobSuccess(jobId: string, kind: JobKind, result: unknown): JobSuccess {
  return { jobId, kind, ok: true, result } as JobSuccess
}
