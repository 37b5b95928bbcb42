import type { Db, Workspace } from '../workspace/workspace.ts'
import { candidateIdentityRows, linkedIdentityRow, subjectIdentityRows, type IdentityRecord } from '../records/review-subject-reads.ts'
import { waitingCount, waitingPage, type WaitingWhere } from '../records/review-queue-reads.ts'
import { currentLink, subjectLinks } from './links.ts'
import { registryRelatives, relationOf } from './relatives.ts'
import { foldForMatch } from '../base/vn-text.ts'
import { ensureReviewFunctions } from './rows.ts'
import {
  QueueRequest as QueueRequestSchema,
  type CandidateQueue,
  type CandidatesPanel,
  type Contribution,
  type Identity,
  type QueueRequest,
  type SubjectRef
} from './schemas.ts'

type ParsedQueueRequest = ReturnType<typeof QueueRequestSchema.parse>

/**
 * The candidates panel: for a link in the review band, or a subject without a link, the
 * registry persons the engine considered, strongest first, each with its waterfall (how
 * each comparison moved the match weight). The clerk picks one, or none (links.ts).
 */

export const toIdentity = (r: IdentityRecord): Identity => ({
  recordId: r.id,
  fullName: r.full_name,
  dob: r.dob,
  gender: r.gender,
  nationalId: r.national_id,
  oldNationalId: r.old_national_id,
  phone: r.phone,
  address: r.address
})

/** contributions_json as linkage writes it; anything unreadable shows as no waterfall. */
export function parseContributions(json: string): Contribution[] {
  try {
    const parsed = JSON.parse(json) as unknown
    if (!Array.isArray(parsed)) return []
    return parsed.flatMap((c: unknown) => {
      if (typeof c !== 'object' || c === null) return []
      const o = c as Record<string, unknown>
      if (typeof o['comparison'] !== 'string' || typeof o['weight'] !== 'number') return []
      return [
        {
          comparison: o['comparison'],
          level: typeof o['level'] === 'string' ? o['level'] : null,
          weight: o['weight'],
          ...(typeof o['frequency'] === 'number' ? { frequency: o['frequency'] } : {}),
          ...(o['swapped'] === true ? { swapped: true } : {})
        }
      ]
    })
  } catch {
    return []
  }
}

export function subjectRows(db: Db, s: SubjectRef): CandidatesPanel['rows'] {
  return subjectIdentityRows(db, s).map((r) => ({ ...toIdentity(r), siteName: r.site_name, source: r.source }))
}

const TOP = 10

export function candidatesPanel(ws: Workspace, s: SubjectRef): CandidatesPanel {
  const db = ws.db
  const links = subjectLinks(db, s)
  const current = currentLink(links)
  const active = current && ['auto', 'review', 'confirmed'].includes(current.status) ? current : null
  const rejected = new Set(links.filter((l) => l.status === 'rejected').map((l) => l.registry_record_id))
  const rows = candidateIdentityRows(db, s, TOP)
  // A clerk's earlier pick, or the engine's link, may be outside the stored candidates.
  if (active?.registry_record_id && !rows.some((r) => r.id === active.registry_record_id)) {
    const linked = linkedIdentityRow(db, active.id)
    if (linked) rows.unshift({ ...linked, match_weight: linked.match_weight ?? 0 })
  }
  // Behind a twin or namesake hold, every such registry person is listed beside the best.
  const hold = current
    ? ((db.prepare('SELECT hold_reason FROM links WHERE id = ?').pluck().get(current.id) as string | null) ?? null)
    : null
  const best = rows[0]
  const relatives = best && (hold === 'twin' || hold === 'namesake') ? registryRelatives(db, best, new Set(rows.map((r) => r.id))) : []
  return {
    subject: s,
    rows: subjectRows(db, s),
    current: current ? { linkId: current.id, status: current.status, registryRecordId: current.registry_record_id } : null,
    hold,
    candidates: [
      ...rows.map((r, i) => ({
        ...toIdentity(r),
        matchWeight: r.match_weight as number | null,
        contributions: parseContributions(r.contributions_json),
        current: active?.registry_record_id === r.id,
        rejected: rejected.has(r.id),
        relation: i > 0 && best ? relationOf(best, r) : null
      })),
      ...relatives.map((r) => ({
        ...toIdentity(r),
        matchWeight: null,
        contributions: [],
        current: false,
        rejected: rejected.has(r.id),
        relation: r.relation
      }))
    ]
  }
}

/** The queue's filters as SQL over `listed`, with their parameters. */
function queueWhere(req: ParsedQueueRequest): WaitingWhere {
  const parts: string[] = []
  const params: unknown[] = []
  const search = foldForMatch(req.search).trim()
  if (search) {
    parts.push("vx_name_key(full_name) LIKE '%' || ? || '%' ESCAPE '\\'")
    params.push(search.replace(/[\\%_]/g, (c) => `\\${c}`))
  }
  if (req.statuses.length) {
    parts.push(`status IN (${req.statuses.map(() => '?').join(', ')})`)
    params.push(...req.statuses)
  }
  if (req.sites.length) {
    parts.push(`coalesce(site_name, '') IN (${req.sites.map(() => '?').join(', ')})`)
    params.push(...req.sites)
  }
  if (req.belowWeight !== null) {
    parts.push('(top_weight IS NULL OR top_weight < ?)')
    params.push(req.belowWeight)
  }
  return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params }
}

export function candidateQueue(ws: Workspace, request: QueueRequest): CandidateQueue {
  const db = ws.db
  ensureReviewFunctions(db)
  const req = QueueRequestSchema.parse(request)
  const where = queueWhere(req)
  const total = waitingCount(db, where)
  const items = waitingPage(db, where, req.limit, req.offset)
  return {
    total,
    items: items.map((i) => ({
      subject: { kind: i.subject_kind, id: i.subject_id },
      fullName: i.full_name ?? '',
      dob: i.dob,
      siteName: i.site_name ?? '',
      status: i.status,
      topWeight: i.top_weight,
      candidates: i.n_candidates
    }))
  }
}
