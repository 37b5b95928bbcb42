import { z } from 'zod'
import { DIFF_CLASSES, REVIEW_FIELDS } from './fields.ts'
import { IDENTITY_FIELDS } from '../records/fields.ts'
import { camelShape } from '../records/wire-shapes.ts'

/**
 * The shapes of review requests and answers. This file imports nothing but zod and the
 * field lists and shapes of records/: the IPC contract (and so the sandboxed preload bundle) is built from it.
 */

const Id = z.number().int().positive()
export const ReviewField = z.enum(REVIEW_FIELDS)
export const DiffClass = z.enum(DIFF_CLASSES)
export const RowStatus = z.enum(['open', 'deferred', 'done', 'unlinked'])
export type RowStatus = z.infer<typeof RowStatus>
/** The link's status is the row's match band. */
export const Band = z.enum(['auto', 'review', 'confirmed', 'rejected'])
export type Band = z.infer<typeof Band>
export const SubjectKind = z.enum(['person', 'complaint'])
export type SubjectKind = z.infer<typeof SubjectKind>
/** resolved: settled by a complaint's outcome, not in the grid. */
export const DiffStatus = z.enum(['open', 'accepted', 'kept', 'edited', 'deferred', 'unlinked', 'resolved'])

const list = <T extends z.ZodType>(t: T) => z.array(t).max(500).default([])

/** Facets narrow the grid; an empty list means "any". */
export const ReviewFilter = z.object({
  classes: list(DiffClass),
  fields: list(ReviewField),
  sites: list(z.string().max(300)),
  statuses: list(RowStatus),
  bands: list(Band),
  kinds: list(SubjectKind),
  /** Part of a name, with or without diacritics. */
  search: z.string().max(100).default('')
})
export type ReviewFilter = z.output<typeof ReviewFilter>
export type ReviewFilterInput = z.input<typeof ReviewFilter>

export const SortColumn = z.enum(['name', 'site', 'weight', 'status', 'open'])
export const GridSort = z.object({ column: SortColumn, dir: z.enum(['asc', 'desc']) })
export type GridSort = z.infer<typeof GridSort>

export const GridPageRequest = z.object({
  filter: ReviewFilter,
  sort: GridSort.nullable().default(null),
  /** The client's view number: a new number takes a fresh snapshot of the filtered, sorted rows. */
  view: z.number().int().min(0).default(0),
  startRow: z.number().int().min(0),
  endRow: z.number().int().min(1)
})
export type GridPageRequest = z.output<typeof GridPageRequest>

const Range = z.tuple([z.number().int(), z.number().int()])

/** One distinct site value of a field, with the rows that carry it. */
export const CellVariant = z.object({
  diffIds: z.array(Id),
  site: z.string().nullable(),
  rows: z.number().int(),
  class: DiffClass,
  detail: z.string(),
  status: DiffStatus,
  note: z.string().nullable(),
  /** The value a live proposal would write into the site rows, once decided. */
  proposed: z.string().nullable(),
  highlight: z.object({ site: z.array(Range), registry: z.array(Range) })
})
export type CellVariant = z.infer<typeof CellVariant>

export const GridCell = z.object({
  registry: z.string().nullable(),
  /** Empty when the field agrees: registry then holds the shared value. */
  variants: z.array(CellVariant)
})
export type GridCell = z.infer<typeof GridCell>

export const GridRow = z.object({
  linkId: Id,
  subjectKind: SubjectKind,
  subjectId: Id,
  fullName: z.string(),
  siteName: z.string(),
  band: Band,
  matchWeight: z.number(),
  status: RowStatus,
  openDiffs: z.number().int(),
  cells: z.record(ReviewField, GridCell)
})
export type GridRow = z.infer<typeof GridRow>

export const GridPage = z.object({ rows: z.array(GridRow), rowCount: z.number().int() })
export type GridPage = z.infer<typeof GridPage>

const Counts = z.record(z.string(), z.number().int())
export const Facets = z.object({
  total: z.number().int(),
  classes: Counts,
  fields: Counts,
  sites: Counts,
  statuses: Counts,
  bands: Counts,
  kinds: Counts
})
export type Facets = z.infer<typeof Facets>

export const ValueAction = z.enum(['accept_registry', 'keep_site', 'edit', 'defer'])
export type ValueAction = z.infer<typeof ValueAction>

/** A decision on one cell (field given) or on every undecided cell of a row. */
export const DecideRequest = z.object({
  linkId: Id,
  field: ReviewField.optional(),
  action: ValueAction,
  /** edit: the value typed; keep_site: which site value to keep when the rows disagree. */
  value: z.string().max(500).optional(),
  note: z.string().max(1000).default('')
})
export type DecideRequest = z.output<typeof DecideRequest>

export const BulkAction = z.enum(['accept_registry', 'keep_site', 'defer'])
export type BulkAction = z.infer<typeof BulkAction>

export const BulkRequest = z.object({
  filter: ReviewFilter,
  action: BulkAction,
  note: z.string().max(1000).default(''),
  /** The count the clerk was shown; the apply is refused if the selection changed since. */
  expected: z.number().int().min(0).optional()
})
export type BulkRequest = z.output<typeof BulkRequest>

export const BulkPreview = z.object({
  diffs: z.number().int(),
  rows: z.number().int(),
  proposals: z.number().int(),
  byClass: Counts,
  byField: Counts,
  /** Differences the filter matched that this action cannot decide, and why. */
  skipped: Counts
})
export type BulkPreview = z.infer<typeof BulkPreview>

export const DecisionResult = z.object({
  decisionId: Id,
  diffs: z.number().int(),
  proposals: z.number().int(),
  warnings: z.array(z.object({ code: z.string(), vi: z.string(), en: z.string() })).default([])
})
export type DecisionResult = z.infer<typeof DecisionResult>

export const UndoEntry = z.object({
  decisionId: Id,
  kind: z.string(),
  scope: z.string(),
  decidedAt: z.string(),
  summary: z.string()
})
export type UndoEntry = z.infer<typeof UndoEntry>

export const SubjectRef = z.object({ kind: SubjectKind, id: Id })
export type SubjectRef = z.infer<typeof SubjectRef>

/** One step of a match's waterfall, as linkage writes it (main/core/link/model/score.ts). */
export const Contribution = z.object({
  comparison: z.string(),
  level: z.string().nullable(),
  weight: z.number(),
  frequency: z.number().optional(),
  swapped: z.boolean().optional()
})
export type Contribution = z.infer<typeof Contribution>

const Identity = z.object({ recordId: Id, ...camelShape(IDENTITY_FIELDS) })
export type Identity = z.infer<typeof Identity>

export const CandidatesPanel = z.object({
  subject: SubjectRef,
  /** The subject's rows: a person's site rows, or the complaint. */
  rows: z.array(Identity.extend({ siteName: z.string().nullable(), source: z.string() })),
  current: z.object({ linkId: Id, status: z.string(), registryRecordId: Id.nullable() }).nullable(),
  /** Why linkage held the link for a clerk (tie, twin, namesake, …), if it did. */
  hold: z.string().nullable(),
  candidates: z.array(
    Identity.extend({
      /** Null for a twin or namesake the engine did not score (found by birth date behind a hold). */
      matchWeight: z.number().nullable(),
      contributions: z.array(Contribution),
      current: z.boolean(),
      rejected: z.boolean(),
      /** How this registry person relates to the best candidate: same name and birth date, or a twin. */
      relation: z.enum(['namesake', 'twin']).nullable()
    })
  )
})
export type CandidatesPanel = z.infer<typeof CandidatesPanel>

export const PickRequest = z.object({
  subject: SubjectRef,
  /** The registry row chosen, or null: none of them is this person. */
  registryRecordId: Id.nullable(),
  note: z.string().max(1000).default('')
})
export type PickRequest = z.output<typeof PickRequest>

export const QueueRequest = z.object({
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(100),
  /** Part of the subject's name, accents and case ignored. */
  search: z.string().max(200).default(''),
  /** review: held in the review band; none: no link; rejected: unlinked by a clerk. */
  statuses: z
    .array(z.enum(['review', 'none', 'rejected']))
    .max(3)
    .default([]),
  sites: z.array(z.string().max(300)).max(500).default([]),
  /** Only subjects whose best candidate weighs less than this (or that have none). */
  belowWeight: z.number().finite().nullable().default(null)
})
export type QueueRequest = z.input<typeof QueueRequest>

/** "Not in the population registry" for every waiting subject without a link whose best candidate weighs less than belowWeight. */
export const NotInRegistryRequest = z.object({
  belowWeight: z.number().finite(),
  note: z.string().max(1000).default(''),
  dryRun: z.boolean().default(false)
})
export type NotInRegistryRequest = z.input<typeof NotInRegistryRequest>
export const NotInRegistryResult = z.object({ subjects: z.number().int(), decisionId: z.number().int().nullable() })
export const CandidateQueue = z.object({
  total: z.number().int(),
  items: z.array(
    z.object({
      subject: SubjectRef,
      fullName: z.string(),
      dob: z.string().nullable(),
      siteName: z.string(),
      status: z.string(),
      topWeight: z.number().nullable(),
      candidates: z.number().int()
    })
  )
})
export type CandidateQueue = z.infer<typeof CandidateQueue>

export const Dose = z.object({
  recordId: Id,
  siteName: z.string().nullable(),
  vaccine: z.string().nullable(),
  doseNumber: z.number().int().nullable(),
  doseDate: z.string().nullable(),
  lot: z.string().nullable(),
  source: z.string(),
  /** Live dose proposals on this row (remove, or a fixed date or vaccine). */
  proposals: z.array(z.object({ id: Id, field: z.string(), newValue: z.string().nullable(), status: z.string() }))
})
export const DoseIssue = z.object({ id: Id, recordId: Id.nullable(), kind: z.string(), detail: z.string() })
export const PersonPanel = z.object({
  personId: Id,
  registry: Identity.nullable(),
  doses: z.array(Dose),
  issues: z.array(DoseIssue),
  /** Doses proposed for addition, not yet in any site file. */
  added: z.array(z.object({ id: Id, newValue: z.string().nullable(), status: z.string() }))
})
export type PersonPanel = z.infer<typeof PersonPanel>

export const DoseProposalRequest = z.discriminatedUnion('action', [
  z.object({ action: z.literal('remove_duplicate'), recordId: Id, note: z.string().max(1000).default('') }),
  z.object({ action: z.literal('fix_date'), recordId: Id, value: z.string().max(40), note: z.string().max(1000).default('') }),
  z.object({ action: z.literal('fix_vaccine'), recordId: Id, value: z.string().max(100), note: z.string().max(1000).default('') }),
  z.object({
    action: z.literal('add_dose'),
    personId: Id,
    vaccine: z.string().max(100),
    doseDate: z.string().max(40),
    doseNumber: z.number().int().min(1).max(10).nullable().default(null),
    lot: z.string().max(100).default(''),
    siteName: z.string().max(300),
    note: z.string().max(1000).default('')
  })
])
export type DoseProposalRequest = z.output<typeof DoseProposalRequest>
