import { z } from 'zod'
import { JobRequest, type JobKind } from '../../core/jobs/requests.ts'
import type { JobResults } from '../../core/jobs/results.ts'

/** A finished job of one kind, its result typed by the job table (core/jobs/results.ts). */
const finished = <K extends JobKind>(kind: K) =>
  z.object({ jobId: z.string(), kind: z.literal(kind), ok: z.literal(true), result: z.custom<JobResults[K]>(() => true) })

const SerializedError = z.object({ code: z.string(), vi: z.string(), en: z.string(), details: z.unknown().optional() })

export const jobChannels = {
  'job:start': { request: JobRequest, response: z.object({ jobId: z.string() }) },
  'job:cancel': { request: z.object({ jobId: z.string() }), response: z.object({ cancelled: z.boolean() }) }
} as const

export const jobEvents = {
  'job:progress': z.object({
    jobId: z.string(),
    kind: z.string(),
    progress: z.object({ done: z.number(), total: z.number().nullable(), stage: z.string() }),
    rowsPerSecond: z.number().nullable(),
    etaSeconds: z.number().nullable()
  }),
  'job:finished': z.union([
    finished('verify'),
    finished('import'),
    finished('match'),
    finished('link-thresholds'),
    finished('export'),
    finished('sample'),
    finished('review-bulk'),
    finished('review-undo'),
    z.object({ jobId: z.string(), kind: z.string(), ok: z.literal(false), error: SerializedError })
  ])
} as const

export { SerializedError }
