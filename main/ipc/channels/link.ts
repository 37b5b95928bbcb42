import { z } from 'zod'
import { IDENTITY_FIELDS, type IdentityField } from '../../core/records/fields.ts'
import { columnShape } from '../../core/records/wire-shapes.ts'

/** Linkage screen (main/core/link): summary with histogram, a threshold preview, the list, one link's waterfall. */
const Thresholds = z.object({ auto: z.number().finite(), review: z.number().finite() })
const Counts = z.record(z.string(), z.number())

const Contribution = z.object({
  comparison: z.string(),
  level: z.string().nullable(),
  weight: z.number(),
  frequency: z.number().optional(),
  swapped: z.boolean().optional()
})

const Person = z.object({ id: z.number(), ...columnShape<IdentityField | 'ward_code'>([...IDENTITY_FIELDS, 'ward_code']) })

export const LinkSummary = z.object({
  run: z.object({ id: z.number(), startedAt: z.string(), finishedAt: z.string().nullable() }).nullable(),
  thresholds: Thresholds,
  duplicateWindowDays: z.number(),
  statuses: Counts,
  statusesByKind: z.object({ person: Counts, complaint: Counts }),
  holds: Counts,
  doseIssues: Counts,
  histogram: z.array(z.object({ from: z.number(), to: z.number(), counts: Counts })),
  model: z
    .object({
      priorWeight: z.number(),
      comparisons: z.array(z.object({ name: z.string(), levels: z.array(z.string()), weights: z.array(z.number()) }))
    })
    .nullable()
})

export const LinkListRow = z.object({
  linkId: z.number(),
  subjectKind: z.enum(['person', 'complaint']),
  subjectId: z.number(),
  subjectName: z.string().nullable(),
  rows: z.number(),
  registryName: z.string().nullable(),
  weight: z.number().nullable(),
  probability: z.number().nullable(),
  status: z.string(),
  hold: z.string().nullable()
})

export const LinkDetail = z.object({
  linkId: z.number(),
  subjectKind: z.enum(['person', 'complaint']),
  subjectId: z.number(),
  status: z.string(),
  hold: z.string().nullable(),
  weight: z.number().nullable(),
  probability: z.number().nullable(),
  contributions: z.array(Contribution),
  subjectRows: z.array(
    Person.extend({
      source_file: z.string(),
      source_row: z.number(),
      vaccine: z.string().nullable(),
      dose_number: z.number().nullable(),
      dose_date: z.string().nullable()
    })
  ),
  registry: Person.nullable(),
  candidates: z.array(z.object({ registry: Person, weight: z.number(), contributions: z.array(Contribution) })),
  doseIssues: z.array(z.object({ recordId: z.number().nullable(), kind: z.string(), detail: z.unknown() }))
})

export const linkChannels = {
  'link:summary': { request: z.object({}), response: LinkSummary },
  /** Counts by status the given thresholds would give; nothing changes until the link-thresholds job runs. */
  'link:preview': { request: Thresholds, response: z.object({ statuses: Counts }) },
  'link:list': {
    request: z.object({
      status: z.enum(['auto', 'review', 'none', 'confirmed', 'rejected']).optional(),
      hold: z.string().max(40).optional(),
      order: z.enum(['weight_desc', 'weight_asc']).default('weight_desc'),
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(500).default(50)
    }),
    response: z.object({ total: z.number(), rows: z.array(LinkListRow) })
  },
  'link:detail': { request: z.object({ linkId: z.number().int() }), response: LinkDetail }
} as const
