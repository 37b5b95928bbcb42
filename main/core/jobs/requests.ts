import { z } from 'zod'
import { BulkRequest } from '../review/schemas.ts'

/**
 * The parameters of every long job, one schema per kind. This file imports only zod
 * schemas: the IPC contract (and so the sandboxed preload bundle) is built from it.
 */
export const JobRequest = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('verify') }),
  // Import (main/core/import): one spreadsheet into the workspace; `source` is the kind of file.
  z.object({
    kind: z.literal('import'),
    source: z.enum(['site', 'registry', 'complaint']),
    path: z.string().min(1).max(4096),
    sheet: z.string().max(255).optional(),
    headerRow: z.number().int().min(1).max(1_048_576).optional(),
    mapping: z.record(z.string(), z.array(z.string().max(500)).max(20)).optional(),
    // The site of a site list, as the clerk confirmed it in the wizard.
    site: z.string().max(300).optional(),
    // The file the clerk chose, when `path` is a converted copy of it (deleted after the import).
    originalFileName: z.string().max(1000).optional(),
    actor: z.string().max(200).nullable().optional()
  }),
  // Linkage (main/core/link): a full match run, or moving the two thresholds over the last run.
  z.object({
    kind: z.literal('match'),
    thresholds: z.object({ auto: z.number().finite(), review: z.number().finite() }).optional(),
    duplicateWindowDays: z.number().int().min(0).max(60).optional()
  }),
  z.object({ kind: z.literal('link-thresholds'), thresholds: z.object({ auto: z.number().finite(), review: z.number().finite() }) }),
  // The signer's password opens their signing key in the worker; it is never stored or echoed.
  z.object({
    kind: z.literal('export'),
    outDir: z.string().min(1).max(4096),
    signer: z.string().min(1).max(200),
    password: z.string().min(1).max(1024)
  }),
  // Sample data (main/core/demo): generate the sample set next to the workspace and import it.
  z.object({ kind: z.literal('sample') }),
  // A bulk review decision (main/core/review/bulk.ts): a hundred thousand differences must
  // not hold the main process. `userId` is the signed-in user, set by main, never the renderer.
  z.object({ kind: z.literal('review-bulk'), bulk: BulkRequest, userId: z.number().int().optional() }),
  // Taking back a bulk decision is as big as making it (main starts it for review:undo).
  z.object({ kind: z.literal('review-undo'), userId: z.number().int().optional() })
])
export type JobRequest = z.infer<typeof JobRequest>
export type JobKind = JobRequest['kind']
