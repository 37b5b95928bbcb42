import { now as clockNow, VN_OFFSET_MS, vnDateIso, vnDayStart } from '../base/clock.ts'
import { VaxError } from '../base/errors.ts'
import { COMPLAINT_HOURS, complaintDeadline } from '../review/complaint-deadline.ts'
import type { Workspace } from '../workspace/workspace.ts'
import type { DailySeries, DayCounts } from './schema.ts'
import {
  compareSites,
  complaintRows,
  COUNTED_PROPOSAL,
  isResolved,
  LATEST_PERSON_LINK,
  LINKED,
  PROPOSAL_SITE,
  PROPOSAL_SITE_JOINS
} from './sources.ts'

export const DAY_COUNTERS = [
  'imported',
  'linked',
  'proposed',
  'approved',
  'exported',
  'complaintsReceived',
  'complaintsInTime',
  'complaintsLate',
  'complaintsOverdue'
] as const satisfies readonly (keyof DayCounts)[]
type Counter = (typeof DAY_COUNTERS)[number]

export const emptyDay = (): DayCounts => ({
  imported: 0,
  linked: 0,
  proposed: 0,
  approved: 0,
  exported: 0,
  complaintsReceived: 0,
  complaintsInTime: 0,
  complaintsLate: 0,
  complaintsOverdue: 0
})

const DATE = /^\d{4}-\d{2}-\d{2}$/
const DAY_MS = 86_400_000

/** yyyy-mm-dd plus n days (calendar arithmetic, no clock zone involved). */
export const addDays = (date: string, n: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10)

export function daysBetween(from: string, to: string): string[] {
  const out: string[] = []
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d)
  return out
}

/** Longest period a series covers: ten years of days is still a small table. */
const MAX_DAYS = 3660

export function checkPeriod(from: string, to: string): void {
  const valid = (d: string) => DATE.test(d) && !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && addDays(d, 0) === d
  if (!valid(from) || !valid(to) || from > to || addDays(from, MAX_DAYS) <= to) {
    throw new VaxError('REPORT_PERIOD_INVALID', {
      vi: `Kỳ báo cáo không hợp lệ (${from} → ${to}): cần hai ngày dạng YYYY-MM-DD, ngày đầu không sau ngày cuối.`,
      en: `Invalid reporting period (${from} → ${to}): two dates as YYYY-MM-DD, the first not after the last.`
    })
  }
}

interface Event {
  site: string | null
  day: string
  counter: Counter
  n: number
}

// Stored instants are ISO (UTC); SQLite shifts them to Vietnam's wall clock and takes the date.
const VN_DAY = `'+${VN_OFFSET_MS / 3_600_000} hours'`

/** Events counted per site and day in SQL, so a million rows never come out one by one. */
function* events(ws: Workspace): Generator<Event> {
  const dated = (sql: string, counter: Counter) =>
    (
      ws.db
        .prepare(`SELECT site, date(at, ${VN_DAY}) AS day, count(*) AS n FROM (${sql}) WHERE date(at, ${VN_DAY}) IS NOT NULL GROUP BY 1, 2`)
        .all() as { site: string | null; day: string; n: number }[]
    ).map((r) => ({ ...r, counter }))
  // A site row is imported when its file was; linked when its person's current link was
  // made (a clerk's confirmation, or else the match run that made it).
  yield* dated(
    `SELECT r.site_name AS site, i.imported_at AS at FROM records r JOIN imports i ON i.id = r.import_id WHERE r.kind = 'site'`,
    'imported'
  )
  yield* dated(
    `SELECT r.site_name AS site, COALESCE(l.decided_at, mr.finished_at, mr.started_at, pe.created_at) AS at
     FROM records r JOIN (${LATEST_PERSON_LINK}) l ON l.subject_id = r.person_id
     LEFT JOIN match_runs mr ON mr.id = l.run_id LEFT JOIN persons pe ON pe.id = r.person_id
     WHERE r.kind = 'site' AND l.${LINKED}`,
    'linked'
  )
  yield* dated(
    `SELECT ${PROPOSAL_SITE} AS site, p.proposed_at AS at FROM proposals p ${PROPOSAL_SITE_JOINS} WHERE ${COUNTED_PROPOSAL}`,
    'proposed'
  )
  yield* dated(
    `SELECT ${PROPOSAL_SITE} AS site,
            (SELECT a.decided_at FROM approvals a WHERE a.proposal_id = p.id AND a.verdict = 'approved' ORDER BY a.id DESC LIMIT 1) AS at
     FROM proposals p ${PROPOSAL_SITE_JOINS} WHERE p.status IN ('approved', 'exported')`,
    'approved'
  )
  yield* dated(
    `SELECT ${PROPOSAL_SITE} AS site, b.created_at AS at
     FROM proposals p ${PROPOSAL_SITE_JOINS} JOIN export_batches b ON b.id = p.batch_id WHERE p.status = 'exported'`,
    'exported'
  )
}

export interface SeriesOptions {
  /** The period, yyyy-mm-dd in Vietnam; by default from the first day anything happened to today. */
  from?: string
  to?: string
  now?: Date
}

/**
 * Progress day by day, per site and for the district. A day is a Vietnamese calendar
 * day whatever the PC's clock zone. Events outside the period are left out; a day
 * after `now` has no events and no overdue complaints yet.
 */
export function dailySeries(ws: Workspace, opts: SeriesOptions = {}): DailySeries {
  const now = opts.now ?? clockNow()
  const today = vnDateIso(now)
  const all: Event[] = [...events(ws)]
  const complaints = complaintRows(ws.db).map((c) => {
    const deadline = c.submittedAt ? complaintDeadline(c.submittedAt) : null
    const submitted = deadline ? new Date(deadline.getTime() - COMPLAINT_HOURS * 3_600_000) : null
    const resolvedAt = isResolved(c) ? new Date(c.decidedAt) : null
    if (submitted) all.push({ site: c.site, day: vnDateIso(submitted), counter: 'complaintsReceived', n: 1 })
    if (resolvedAt && !Number.isNaN(resolvedAt.getTime())) {
      all.push({
        site: c.site,
        day: vnDateIso(resolvedAt),
        counter: deadline && resolvedAt > deadline ? 'complaintsLate' : 'complaintsInTime',
        n: 1
      })
    }
    return { site: c.site, deadline, resolvedAt }
  })
  const first = all.reduce((min, e) => (e.day < min ? e.day : min), today)
  const to = opts.to ?? (opts.from && today < opts.from ? opts.from : today)
  // By default no further back than the longest period (a mistyped year must not make it fail).
  const earliest = addDays(to, 1 - MAX_DAYS)
  const from = opts.from ?? (first < earliest ? earliest : first > to ? to : first)
  checkPeriod(from, to)
  const days = daysBetween(from, to)
  const index = new Map(days.map((d, i) => [d, i]))

  const sites = new Map<string, DayCounts[]>()
  const series = (site: string | null) => {
    const name = site ?? ''
    let s = sites.get(name)
    if (!s) sites.set(name, (s = days.map(emptyDay)))
    return s
  }
  for (const e of all) {
    const i = index.get(e.day)
    const s = series(e.site) // a site with events only outside the period still gets its (empty) row
    if (i !== undefined) (s[i] as DayCounts)[e.counter] += e.n
  }
  // Overdue is a level: on each day from the one its deadline passes until the one it is resolved.
  for (const c of complaints) {
    if (!c.deadline) continue
    const start = vnDateIso(c.deadline) > from ? vnDateIso(c.deadline) : from
    for (let d = start; d <= to && d <= today; d = addDays(d, 1)) {
      const end = d === today ? now : vnDayStart(addDays(d, 1))
      if (end <= c.deadline) continue
      if (c.resolvedAt && c.resolvedAt <= end) break
      ;(series(c.site)[index.get(d) as number] as DayCounts).complaintsOverdue++
    }
  }

  const list = [...sites.entries()].map(([site, ds]) => ({ site, days: ds })).sort((a, b) => compareSites(a.site, b.site))
  const district = days.map((_, i) => {
    const t = emptyDay()
    for (const s of list) for (const k of DAY_COUNTERS) t[k] += (s.days[i] as DayCounts)[k]
    return t
  })
  return { generatedAt: now.toISOString(), from, to, days, district, sites: list }
}
