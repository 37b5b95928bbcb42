import { z } from 'zod'

/** The overview screen's figures. Pure zod: the IPC contract is built from it. */
const Counts = z.record(z.string(), z.number().int())
const n = z.number().int()

export const Overview = z.object({
  stages: z.object({
    imported: z.object({ site: n, registry: n, complaint: n, rejects: n }),
    linked: z.object({ persons: n, siteRowsLinked: n, byStatus: Counts }),
    reviewed: z.object({ rows: Counts, openRowsByClass: Counts }),
    proposed: Counts,
    complaints: z.object({ open: n, overdue: n, resolved: n, resolvedLate: n })
  }),
  workLeft: z.object({
    candidates: n,
    reviewRows: n,
    deferredRows: n,
    complaintsOpen: n,
    complaintsOverdue: n,
    awaitingApproval: n,
    awaitingExport: n,
    doseIssues: n
  })
})
export type Overview = z.infer<typeof Overview>
