import { z } from 'zod'

/**
 * The shapes of approval requests. This file imports nothing but zod: the IPC contract
 * (and so the sandboxed preload bundle) is built from it.
 */

export const ProposalStatus = z.enum(['proposed', 'approved', 'rejected', 'withdrawn', 'exported', 'superseded'])
export type ProposalStatus = z.infer<typeof ProposalStatus>

/** A diff class, or 'manual' for a correction not tied to a diff (a dose change, a hand edit). */
export const CorrectionKind = z.enum(['formatting', 'minor', 'conflict', 'missing', 'manual'])
export type CorrectionKind = z.infer<typeof CorrectionKind>

const Id = z.number().int().positive()

/** What a supervisor narrows the queue to; the same filter drives the list and bulk decisions. */
export const ProposalFilter = z.object({
  status: z.array(ProposalStatus).min(1).default(['proposed']),
  fields: z.array(z.string().max(64)).max(64).optional(),
  kinds: z.array(CorrectionKind).optional(),
  site: z.string().max(500).optional(),
  proposedBy: Id.optional(),
  /** Leave out the viewer's own proposals: the queue of what they may approve. */
  excludeMine: z.boolean().default(false)
})
export type ProposalFilter = z.output<typeof ProposalFilter>
export type ProposalFilterInput = z.input<typeof ProposalFilter>

export const Verdict = z.enum(['approve', 'reject', 'withdraw'])
export type Verdict = z.infer<typeof Verdict>

export const Selection = z.union([z.object({ ids: z.array(Id).min(1).max(100_000) }), z.object({ filter: ProposalFilter })])
export type Selection = z.output<typeof Selection>

export const DecideRequest = z.object({
  verdict: Verdict,
  selection: Selection,
  comment: z.string().max(2000).default('')
})
export type DecideRequest = z.output<typeof DecideRequest>
export type DecideRequestInput = z.input<typeof DecideRequest>

export const DecideResult = z.object({
  verdict: Verdict,
  applied: z.number().int(),
  /** Proposals the filter matched but the actor may not approve because they proposed them. */
  skippedOwn: z.number().int()
})
export type DecideResult = z.infer<typeof DecideResult>

export const ProposalRow = z.object({
  id: z.number(),
  /** What the correction applies to: 'site' (the vaccination record), 'registry', or 'dose'. */
  target: z.string(),
  field: z.string(),
  /** The field's Vietnamese name, as the batch file shows it. */
  fieldLabel: z.string(),
  oldValue: z.string().nullable(),
  newValue: z.string().nullable(),
  reason: z.string().nullable(),
  kind: CorrectionKind,
  status: ProposalStatus,
  nationalId: z.string().nullable(),
  fullName: z.string().nullable(),
  siteName: z.string().nullable(),
  evidence: z.string(),
  proposedBy: z.object({ id: z.number(), name: z.string() }),
  proposedAt: z.string(),
  decision: z
    .object({ verdict: z.enum(['approved', 'rejected', 'withdrawn']), by: z.string(), at: z.string(), comment: z.string().nullable() })
    .nullable(),
  batchNo: z.string().nullable()
})
export type ProposalRow = z.infer<typeof ProposalRow>

export const ProposalPage = z.object({
  rows: z.array(ProposalRow),
  total: z.number().int(),
  counts: z.object({
    byStatus: z.record(z.string(), z.number()),
    byKind: z.record(z.string(), z.number()),
    byField: z.record(z.string(), z.number())
  })
})
export type ProposalPage = z.infer<typeof ProposalPage>
