import type { Db, Workspace } from '../workspace/workspace.ts'
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
import type { IdentityColumns } from '../workspace/record-columns.ts'

/**
 * The candidates panel: for a link in the review band, or a subject without a link, the
 * registry persons the engine considered, strongest first, each with its waterfall (how
 * each comparison moved the match weight). The clerk picks one, or none (links.ts).
 */

const IDENTITY_COLS = 'r.id, r.full_name, r.dob, r.gender, r.national_id, r.old_national_id, r.phone, r.address'
const SOURCE = `(SELECT i.file_name FROM imports i WHERE i.id = r.import_id) || ', ' || r.source_sheet || ', dòng ' || r.source_row`

interface IdentityRow extends IdentityColumns {
  id: number
}

export const toIdentity = (r: IdentityRow): Identity => ({
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
  const where = s.kind === 'person' ? "r.person_id = ? AND r.kind = 'site'" : "r.id = ? AND r.kind = 'complaint'"
  return (
    db
      .prepare(`SELECT ${IDENTITY_COLS}, r.site_name, ${SOURCE} AS source FROM records r WHERE ${where} ORDER BY r.dose_date, r.id`)
      .all(s.id) as (IdentityRow & {
      site_name: string | null
      source: string
    })[]
  ).map((r) => ({ ...toIdentity(r), siteName: r.site_name, source: r.source }))
}

const TOP = 10

export function candidatesPanel(ws: Workspace, s: SubjectRef): CandidatesPanel {
  const db = ws.db
  const links = subjectLinks(db, s)
  const current = currentLink(links)
  const active = current && ['auto', 'review', 'confirmed'].includes(current.status) ? current : null
  const rejected = new Set(links.filter((l) => l.status === 'rejected').map((l) => l.registry_record_id))
  const rows = db
    .prepare(
      `SELECT ${IDENTITY_COLS}, c.match_weight, c.contributions_json FROM candidates c JOIN records r ON r.id = c.registry_record_id
       WHERE c.subject_kind = ? AND c.subject_id = ? ORDER BY c.match_weight DESC, r.id LIMIT ${TOP}`
    )
    .all(s.kind, s.id) as (IdentityRow & { match_weight: number; contributions_json: string })[]
  // A clerk's earlier pick, or the engine's link, may be outside the stored candidates.
  if (active?.registry_record_id && !rows.some((r) => r.id === active.registry_record_id)) {
    const linked = db
      .prepare(
        `SELECT ${IDENTITY_COLS}, l.match_weight, l.contributions_json FROM links l JOIN records r ON r.id = l.registry_record_id WHERE l.id = ?`
      )
      .get(active.id) as (IdentityRow & { match_weight: number | null; contributions_json: string }) | undefined
    if (linked) rows.unshift({ ...linked, match_weight: linked.match_weight ?? 0 })
  }
  // Behind a twin or namesake hold, every such registry person is listed beside the best.
  const hold = current
    ? ((db.prepare('SELECT hold_reason FROM links WHERE id = ?').pluck().get(current.id) as string | null) ?? null)
    : null
  const best = rows[0]
  const relatives =
    best && (hold === 'twin' || hold === 'namesake') ? registryRelatives(db, IDENTITY_COLS, best, new Set(rows.map((r) => r.id))) : []
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

// Subjects waiting for a person: review-band links, and subjects whose current link is
// none or rejected (no active link at all).
const QUEUE = `
  WITH waiting AS (
    SELECT l.subject_kind, l.subject_id, l.status, l.id AS link_id FROM links l WHERE l.status = 'review'
    UNION ALL
    SELECT l.subject_kind, l.subject_id, l.status, l.id FROM links l
    WHERE l.status IN ('none', 'rejected')
      AND l.id = (SELECT max(x.id) FROM links x WHERE x.subject_kind = l.subject_kind AND x.subject_id = l.subject_id)
      AND NOT EXISTS (SELECT 1 FROM links a WHERE a.subject_kind = l.subject_kind AND a.subject_id = l.subject_id
                        AND a.status IN ('auto', 'review', 'confirmed'))
  )`

// Each waiting subject with its first row and its best candidate's weight.
export const WAITING = `${QUEUE}, listed AS (
  SELECT w.subject_kind, w.subject_id, w.status, w.link_id,
         (SELECT max(c.match_weight) FROM candidates c WHERE c.subject_kind = w.subject_kind AND c.subject_id = w.subject_id) AS top_weight,
         (SELECT count(*) FROM candidates c WHERE c.subject_kind = w.subject_kind AND c.subject_id = w.subject_id) AS n_candidates,
         r.full_name, r.dob, r.site_name
  FROM waiting w
  LEFT JOIN records r ON r.id = CASE WHEN w.subject_kind = 'person'
    THEN (SELECT x.id FROM records x WHERE x.person_id = w.subject_id AND x.kind = 'site' ORDER BY x.dose_date IS NULL, x.dose_date, x.id LIMIT 1)
    ELSE w.subject_id END)`

/** The queue's filters as SQL over `listed`, with their parameters. */
function queueWhere(req: ParsedQueueRequest): { sql: string; params: unknown[] } {
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
  const total = (db.prepare(`${WAITING} SELECT count(*) AS n FROM listed ${where.sql}`).get(...where.params) as { n: number }).n
  const items = db
    .prepare(
      `${WAITING}
       SELECT * FROM listed ${where.sql}
       ORDER BY status = 'review' DESC, top_weight IS NULL, top_weight DESC, link_id
       LIMIT ? OFFSET ?`
    )
    .all(...where.params, req.limit, req.offset) as {
    subject_kind: 'person' | 'complaint'
    subject_id: number
    status: string
    top_weight: number | null
    n_candidates: number
    full_name: string | null
    dob: string | null
    site_name: string | null
  }[]
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
