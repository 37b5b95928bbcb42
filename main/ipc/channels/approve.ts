import { z } from 'zod'
import { DecideRequest, DecideResult, ProposalFilter, ProposalPage, Selection, Verdict } from '../../core/approve/schema.ts'

export const approveChannels = {
  'approve:list': {
    request: z.object({
      filter: ProposalFilter,
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(500).default(100)
    }),
    response: ProposalPage
  },
  /** What a decision would touch, shown before a bulk decision is applied. */
  'approve:preview': { request: z.object({ verdict: Verdict, selection: Selection }), response: DecideResult },
  'approve:decide': { request: DecideRequest, response: DecideResult }
} as const
