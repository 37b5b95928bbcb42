import { z } from 'zod'

const FilesState = z.enum(['complete', 'incomplete', 'modified', 'unreachable'])

export const BatchItem = z.object({
  id: z.number(),
  batchNo: z.string(),
  path: z.string(),
  sha256: z.string(),
  corrections: z.number(),
  signer: z.string(),
  keyFingerprint: z.string(),
  createdAt: z.string(),
  files: FilesState
})

/** The export itself runs as a job: job:start { kind: 'export', outDir, signer, password }. */
export const exportChannels = {
  /** Every batch, newest first; an interrupted export's missing files are written first. */
  'export:batches': {
    request: z.object({}),
    response: z.object({ batches: z.array(BatchItem), completed: z.array(z.string()), pending: z.number() })
  },
  'export:verify': {
    request: z.object({ batchId: z.number().int().positive() }),
    response: z.object({
      ok: z.boolean(),
      sha256: z.string(),
      keyId: z.string(),
      fingerprint: z.string(),
      trustedComment: z.string().nullable(),
      problems: z.array(z.string()),
      files: FilesState
    })
  },
  'dialog:chooseExportDir': { request: z.object({}), response: z.object({ path: z.string().nullable() }) }
} as const
