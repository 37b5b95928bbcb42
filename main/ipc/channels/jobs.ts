import { z } from 'zod'
import { JobRequest } from '../../core/jobs/requests.ts'

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
  'job:finished': z.discriminatedUnion('ok', [
    z.object({ jobId: z.string(), kind: z.string(), ok: z.literal(true), result: z.unknown() }),
    z.object({ jobId: z.string(), kind: z.string(), ok: z.literal(false), error: SerializedError })
  ])
} as const

export { SerializedError }
