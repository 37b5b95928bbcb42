import { z } from 'zod'
import { ComplaintEvidence, ComplaintQueue, ComplaintQueueRequest, ResolveRequest } from '../../core/review/complaint-schemas.ts'

/** The 48-hour complaints queue. */
export const complaintChannels = {
  'complaints:queue': { request: ComplaintQueueRequest, response: ComplaintQueue },
  'complaints:evidence': { request: z.object({ recordId: z.number().int().positive() }), response: ComplaintEvidence },
  'complaints:resolve': { request: ResolveRequest, response: z.object({ decisionId: z.number().int(), proposals: z.number().int() }) }
} as const
