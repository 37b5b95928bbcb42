import type { z } from 'zod'
import { now as clockNow } from '../base/clock.ts'
import { foldForMatch } from '../base/vn-text.ts'
import type { Workspace } from '../workspace/workspace.ts'
import { complaintCounts, complaintQueueRows, complaintSites, type ComplaintQueueRow } from '../records/review-complaint-reads.ts'
import { COMPLAINT_HOURS, complaintDeadline } from './complaint-deadline.ts'
import { ComplaintQueueRequest, type ClaimKind, type ComplaintItem, type ComplaintQueue, type ComplaintState } from './complaint-schemas.ts'

/**
 * The complaints queue. A citizen's complaint must be answered within 48 hours of its
 * submission, so the queue is worked from the ones that can still be answered in time:
 * open complaints still in time first, the least time left first; then the overdue ones,
 * the longest waiting first; then those the portal gave no time for. Resolved complaints
 * follow, the latest decision first, each with who decided it and when.
 *
 * A district has hundreds to a few thousand complaints, so the queue is read whole and
 * filtered here: search by name (accents and case ignored), ID number or complaint code,
 * and filters by claim type, site and state.
 */

export function deadlineOf(submittedAt: string | null): string | null {
  return submittedAt === null ? null : (complaintDeadline(submittedAt)?.toISOString() ?? null)
}

/** Complaint types are free text from the portal; keywords say what is claimed. */
export function claimKindOf(type: string | null): ClaimKind {
  const t = foldForMatch(type ?? '')
  if (/thieu|chua (co|duoc|cap nhat)|khong co|missing|bo sung/.test(t)) return 'missing_dose'
  if (/thong tin|ca nhan|ho ten|ngay sinh|cccd|cmnd|personal|identity|info|name/.test(t)) return 'wrong_info'
  if (/vac ?xin|vaccine|loai/.test(t)) return 'wrong_vaccine'
  if (/ngay|date/.test(t)) return 'wrong_date'
  return 'other'
}

export function toItem(r: ComplaintQueueRow, now: number): ComplaintItem {
  const deadline = deadlineOf(r.submitted_at)
  const due = deadline === null ? null : Date.parse(deadline)
  return {
    recordId: r.id,
    complaintId: r.complaint_id,
    submittedAt: r.submitted_at,
    deadline,
    type: r.complaint_type,
    claim: claimKindOf(r.complaint_type),
    fullName: r.full_name,
    nationalId: r.national_id,
    siteName: r.site_name,
    outcome:
      r.outcome && r.decided_at
        ? { outcome: r.outcome, reasonCode: r.reason_code ?? '', note: r.note, decidedAt: r.decided_at, decidedBy: r.decided_by ?? '' }
        : null,
    overdue: r.open === 1 && due !== null && now > due,
    resolvedInTime: r.open === 1 || !r.decided_at || due === null ? null : Date.parse(r.decided_at) <= due,
    linked: r.linked === 1
  }
}

const isOpen = (i: ComplaintItem): boolean => i.outcome === null || i.outcome.outcome === 'deferred'

/** What a complaint is now: still in time, overdue, deferred, or decided one way. */
export function statesOf(i: ComplaintItem): ComplaintState[] {
  const out: ComplaintState[] = []
  if (isOpen(i)) out.push(i.overdue ? 'overdue' : 'in_time')
  if (i.outcome) out.push(i.outcome.outcome)
  return out
}

/** Work order: in time by time left, overdue by longest waiting, undated; then resolved, latest first. */
function workOrder(a: ComplaintItem, b: ComplaintItem): number {
  const rank = (i: ComplaintItem): number => (!isOpen(i) ? 3 : i.deadline === null ? 2 : i.overdue ? 1 : 0)
  const byRank = rank(a) - rank(b)
  if (byRank !== 0) return byRank
  if (rank(a) === 3) return (b.outcome?.decidedAt ?? '').localeCompare(a.outcome?.decidedAt ?? '') || a.recordId - b.recordId
  return (a.deadline ?? '').localeCompare(b.deadline ?? '') || a.recordId - b.recordId
}

function matches(req: z.output<typeof ComplaintQueueRequest>): (i: ComplaintItem) => boolean {
  const text = foldForMatch(req.search).trim()
  const digits = req.search.replace(/\D/g, '')
  return (i) =>
    (text === '' ||
      foldForMatch(i.fullName ?? '').includes(text) ||
      foldForMatch(i.complaintId ?? '').includes(text) ||
      (digits.length >= 3 && (i.nationalId ?? '').includes(digits))) &&
    (req.claims.length === 0 || req.claims.includes(i.claim)) &&
    (req.sites.length === 0 || req.sites.includes(i.siteName ?? '')) &&
    (req.states.length === 0 || statesOf(i).some((s) => req.states.includes(s)))
}

/** The defaults (every filter off) fill in what the caller leaves out. */
export function complaintQueue(ws: Workspace, request: z.input<typeof ComplaintQueueRequest>, now = clockNow()): ComplaintQueue {
  const req = ComplaintQueueRequest.parse(request)
  const db = ws.db
  const nowSql = now.toISOString().replace('T', ' ').slice(0, 19)
  const counts = complaintCounts(db, COMPLAINT_HOURS, nowSql)
  const items = complaintQueueRows(db, COMPLAINT_HOURS, req.view)
    .map((r) => toItem(r, now.getTime()))
    .filter(matches(req))
    .sort(workOrder)
  const sites = complaintSites(db)
  return {
    now: now.toISOString(),
    total: items.length,
    counts: { open: counts.open ?? 0, overdue: counts.overdue ?? 0, resolved: counts.resolved ?? 0, resolvedLate: counts.late ?? 0 },
    sites,
    items: items.slice(req.offset, req.offset + req.limit)
  }
}
