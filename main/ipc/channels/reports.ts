import { z } from 'zod'
import { DailySeries, ProgressReport } from '../../core/reports/schema.ts'

export const reportChannels = {
  'reports:get': { request: z.object({}), response: ProgressReport },
  /** Progress day by day (Vietnamese days), per site and for the district, from the first event to today. */
  'reports:daily': { request: z.object({}), response: DailySeries },
  /** Asks where to save, then writes the report .xlsx there. */
  'reports:save': { request: z.object({}), response: z.object({ path: z.string().nullable() }) }
} as const
