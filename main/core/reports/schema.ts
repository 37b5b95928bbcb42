import { z } from 'zod'

/** The progress report's shapes; zod only, as the IPC contract is built from it. */
export const SiteProgress = z.object({
  /** The site's name as imported; '' for rows without one. */
  site: z.string(),
  records: z.number().int(),
  linked: z.number().int(),
  inReview: z.number().int(),
  proposed: z.number().int(),
  awaiting: z.number().int(),
  approved: z.number().int(),
  rejected: z.number().int(),
  exported: z.number().int(),
  duplicateDoses: z.number().int(),
  complaints: z.number().int(),
  complaintsInTime: z.number().int(),
  complaintsLate: z.number().int(),
  complaintsOverdue: z.number().int(),
  complaintsOpen: z.number().int()
})
export type SiteProgress = z.infer<typeof SiteProgress>

export const ProgressReport = z.object({
  generatedAt: z.string(),
  district: z.object({ code: z.string().nullable(), name: z.string().nullable(), province: z.string().nullable() }),
  sites: z.array(SiteProgress),
  total: SiteProgress,
  batches: z.array(
    z.object({ batchNo: z.string(), createdAt: z.string(), corrections: z.number().int(), signer: z.string(), sha256: z.string() })
  )
})
export type ProgressReport = z.infer<typeof ProgressReport>

/**
 * What happened on one Vietnamese day (midnight to midnight, UTC+7): events dated that
 * day, except complaintsOverdue, which is a level: complaints past their 48 hours and
 * still unresolved at the end of the day (at the report's time, for today).
 */
export const DayCounts = z.object({
  imported: z.number().int(),
  linked: z.number().int(),
  proposed: z.number().int(),
  approved: z.number().int(),
  exported: z.number().int(),
  complaintsReceived: z.number().int(),
  complaintsInTime: z.number().int(),
  complaintsLate: z.number().int(),
  complaintsOverdue: z.number().int()
})
export type DayCounts = z.infer<typeof DayCounts>

/** The daily series from `from` to `to` (yyyy-mm-dd, inclusive): `days[i]` is the date of every `[i]`. */
export const DailySeries = z.object({
  generatedAt: z.string(),
  from: z.string(),
  to: z.string(),
  days: z.array(z.string()),
  district: z.array(DayCounts),
  /** Per site ('' for rows without one), sorted as the snapshot sorts them. */
  sites: z.array(z.object({ site: z.string(), days: z.array(DayCounts) }))
})
export type DailySeries = z.infer<typeof DailySeries>
