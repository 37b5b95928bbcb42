import { z } from 'zod'
import { OUTCOME_REASONS } from './complaint-reasons.ts'
import { REVIEW_FIELDS } from './fields.ts'

/**
 * The shapes of the complaints queue. Pure zod: the IPC contract is built from it.
 */
const Id = z.number().int().positive()

export const ComplaintOutcome = z.enum(['approved', 'deferred', 'rejected'])
export type ComplaintOutcome = z.infer<typeof ComplaintOutcome>

export const ReasonCode = z.enum([...new Set(Object.values(OUTCOME_REASONS).flat())] as [string, ...string[]])
export type ReasonCode = z.infer<typeof ReasonCode>

export const ClaimKind = z.enum(['missing_dose', 'wrong_date', 'wrong_vaccine', 'wrong_info', 'other'])
export type ClaimKind = z.infer<typeof ClaimKind>

export const QueueView = z.enum(['open', 'resolved', 'all'])
/** Open ones are in time or overdue; a decided one is approved or rejected; deferred is both open and decided. */
export const ComplaintState = z.enum(['in_time', 'overdue', 'deferred', 'approved', 'rejected'])
export type ComplaintState = z.infer<typeof ComplaintState>
export const ComplaintQueueRequest = z.object({
  view: QueueView.default('open'),
  /** A name (accents and case ignored), an ID number or a complaint code, or part of one. */
  search: z.string().max(200).default(''),
  claims: z.array(ClaimKind).max(10).default([]),
  /** Site names as imported; '' for complaints that name no site. */
  sites: z.array(z.string().max(300)).max(500).default([]),
  states: z.array(ComplaintState).max(10).default([]),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(100)
})
export type ComplaintQueueRequest = z.output<typeof ComplaintQueueRequest>

const LastOutcome = z.object({
  outcome: ComplaintOutcome,
  reasonCode: z.string(),
  note: z.string().nullable(),
  decidedAt: z.string(),
  decidedBy: z.string()
})

export const ComplaintItem = z.object({
  recordId: Id,
  complaintId: z.string().nullable(),
  submittedAt: z.string().nullable(),
  /** ISO instant, 48 hours after submission (Vietnam time when the portal gave none). */
  deadline: z.string().nullable(),
  type: z.string().nullable(),
  claim: ClaimKind,
  fullName: z.string().nullable(),
  nationalId: z.string().nullable(),
  siteName: z.string().nullable(),
  outcome: LastOutcome.nullable(),
  overdue: z.boolean(),
  /** For a resolved complaint: decided before its deadline. */
  resolvedInTime: z.boolean().nullable(),
  linked: z.boolean()
})
export type ComplaintItem = z.infer<typeof ComplaintItem>

export const ComplaintQueue = z.object({
  now: z.string(),
  total: z.number().int(),
  counts: z.object({ open: z.number().int(), overdue: z.number().int(), resolved: z.number().int(), resolvedLate: z.number().int() }),
  /** Every site complaints name, for the site filter. */
  sites: z.array(z.string()),
  items: z.array(ComplaintItem)
})
export type ComplaintQueue = z.infer<typeof ComplaintQueue>

export const CorrectionDraft = z.discriminatedUnion('action', [
  z.object({
    action: z.literal('add_dose'),
    vaccine: z.string().max(100),
    doseDate: z.string().max(40),
    doseNumber: z.number().int().min(1).max(10).nullable(),
    lot: z.string().max(100).default(''),
    siteName: z.string().max(300)
  }),
  z.object({ action: z.literal('fix_date'), recordId: Id, value: z.string().max(40) }),
  z.object({ action: z.literal('fix_vaccine'), recordId: Id, value: z.string().max(100) }),
  z.object({ action: z.literal('fix_field'), recordId: Id, field: z.enum(REVIEW_FIELDS), value: z.string().max(500) })
])
export type CorrectionDraft = z.output<typeof CorrectionDraft>
export type CorrectionDraftInput = z.input<typeof CorrectionDraft>

const Range = z.tuple([z.number().int(), z.number().int()])

export const ComplaintEvidence = z.object({
  item: ComplaintItem,
  description: z.string().nullable(),
  source: z.string(),
  identity: z.object({
    full_name: z.string().nullable(),
    dob: z.string().nullable(),
    gender: z.string().nullable(),
    national_id: z.string().nullable(),
    phone: z.string().nullable()
  }),
  claimDose: z.object({
    vaccine: z.string().nullable(),
    doseNumber: z.number().int().nullable(),
    doseDate: z.string().nullable(),
    lot: z.string().nullable(),
    siteName: z.string().nullable()
  }),
  registry: z
    .object({
      recordId: Id,
      linkStatus: z.string(),
      fullName: z.string().nullable(),
      dob: z.string().nullable(),
      gender: z.string().nullable(),
      nationalId: z.string().nullable(),
      address: z.string().nullable()
    })
    .nullable(),
  /** The claimed identity against the registry, field by field. */
  identityDiffs: z.array(
    z.object({
      field: z.string(),
      claimed: z.string().nullable(),
      registry: z.string().nullable(),
      class: z.string(),
      detail: z.string(),
      highlight: z.object({ site: z.array(Range), registry: z.array(Range) })
    })
  ),
  siteRows: z.array(
    z.object({
      recordId: Id,
      siteName: z.string().nullable(),
      fullName: z.string().nullable(),
      dob: z.string().nullable(),
      nationalId: z.string().nullable(),
      vaccine: z.string().nullable(),
      doseNumber: z.number().int().nullable(),
      doseDate: z.string().nullable(),
      lot: z.string().nullable(),
      source: z.string(),
      relation: z.enum(['supports', 'contradicts', 'related']),
      reasons: z.array(z.string())
    })
  ),
  /** Reason codes the evidence points to, for the clerk to confirm (never applied silently). */
  hints: z.array(ReasonCode),
  /** The corrections approving would propose; the clerk may change them. */
  suggestions: z.array(CorrectionDraft),
  history: z.array(LastOutcome)
})
export type ComplaintEvidence = z.infer<typeof ComplaintEvidence>

export const ResolveRequest = z.object({
  recordId: Id,
  outcome: ComplaintOutcome,
  reasonCode: ReasonCode,
  note: z.string().max(2000).default(''),
  corrections: z.array(CorrectionDraft).max(20).default([])
})
export type ResolveRequest = z.output<typeof ResolveRequest>
