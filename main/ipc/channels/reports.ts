import { z } from 'zod'
import { ProgressReport } from '../../core/reports/schema.ts'

export const reportChannels = {
  'reports:get': { request: z.object({}), response: ProgressReport },
  /** Asks where to save, then writes the report .xlsx there. */
  'reports:save': { request: z.object({}), response: z.object({ path: z.string().nullable() }) }
} as const
