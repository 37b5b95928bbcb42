import { z } from 'zod'
import { DailySeries, ProgressReport } from '../../core/reports/schema.ts'

export const reportChannels = {
  'reports:get': { request: z.object({}), response: ProgressReport },
  /** Progress day by day (Vietnamese days), per site and for the district, from the first event to today. */
  'reports:daily': { request: z.object({}), response: DailySeries },
  /**
   * Asks where to save, then writes the district report .xlsx there; with the signed-in
   * supervisor's password it is signed (NAME.xlsx.minisig and NAME.pub beside it).
   */
  'reports:save': {
    request: z.object({ password: z.string().min(1).max(1024).optional() }),
    response: z.object({ path: z.string().nullable(), signature: z.string().nullable() })
  }
} as const
