import { z } from 'zod'
import { Overview } from '../../core/review/overview-schema.ts'
import {
  BulkAction,
  BulkPreview,
  CandidateQueue,
  CandidatesPanel,
  DecideRequest,
  DecisionResult,
  DoseProposalRequest,
  Facets,
  GridPage,
  GridPageRequest,
  NotInRegistryRequest,
  NotInRegistryResult,
  PersonPanel,
  PickRequest,
  QueueRequest,
  ReviewFilter,
  SubjectRef,
  UndoEntry
} from '../../core/review/schemas.ts'

const Id = z.number().int().positive()

/** The review grid, its panels and decisions; every decision is made as the signed-in user. */
export const reviewChannels = {
  /** One block of the grid's infinite row model: sorted and filtered in SQL. */
  'review:page': { request: GridPageRequest, response: GridPage },
  'review:facets': { request: z.object({ filter: ReviewFilter }), response: Facets },
  'review:decide': { request: DecideRequest, response: DecisionResult },
  /** What a bulk rule would decide, shown before it is applied. */
  'review:bulkPreview': { request: z.object({ filter: ReviewFilter, action: BulkAction }), response: BulkPreview },
  'review:undo': { request: z.object({}), response: UndoEntry },
  'review:undoStack': { request: z.object({}), response: z.object({ entries: z.array(UndoEntry) }) },
  /** "Not the same person": the link is rejected and the subject goes back to the candidates. */
  'review:unlink': { request: z.object({ linkId: Id, note: z.string().max(1000).default('') }), response: DecisionResult },
  'review:candidateQueue': { request: QueueRequest, response: CandidateQueue },
  'review:candidates': { request: SubjectRef, response: CandidatesPanel },
  'review:pick': { request: PickRequest, response: DecisionResult },
  /** "Không có trong CSDL dân cư" for every waiting subject without a link whose best candidate weighs less than the clerk's weight (or a dry run: how many). */
  'review:notInRegistry': { request: NotInRegistryRequest, response: NotInRegistryResult },
  'review:person': { request: z.object({ personId: Id }), response: PersonPanel },
  'review:dose': { request: DoseProposalRequest, response: DecisionResult },
  /** Counts by workflow stage and the work left, for the overview screen. */
  'review:overview': { request: z.object({}), response: Overview }
} as const
