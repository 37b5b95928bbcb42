import { z } from 'zod'

/**
 * The parameters of every long job, one schema per kind. This file imports nothing but
 * zod: the IPC contract (and so the sandboxed preload bundle) is built from it.
 */
export const JobRequest = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('verify') })
])
export type JobRequest = z.infer<typeof JobRequest>
export type JobKind = JobRequest['kind']
