import { now as clockNow, vnDateIso, vnDayStart } from '../base/clock.ts'
import { VaxError } from '../base/errors.ts'
import { COMPLAINT_HOURS, complaintDeadline } from '../review/complaint-deadline.ts'
import type { Workspace } from '../workspace/workspace.ts'
import type { DailySeries, DayCounts } from './schema.ts'
import { compareSites, COUNTED_PROPOSAL, isResolved, readSources, type ReportSources } from './sources.ts'

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

/**
 * The dated events: a site row is imported when its file was; linked when its person's
 * current link was made (a clerk's confirmation, or else the match run that made it).
 */
function* events(src: ReportSources): Generator<Event> {
  for (const r of src.siteRows) {
    if (r.importedDay) yield { site: r.site, day: r.importedDay, counter: 'imported', n: r.n }
    if (r.linked && r.linkedDay) yield { site: r.site, day: r.linkedDay, counter: 'linked', n: r.n }
  }
  for (const p of src.proposals) {
    if (COUNTED_PROPOSAL.has(p.status) && p.proposedDay) yield { site: p.site, day: p.proposedDay, counter: 'proposed', n: p.n }
    if (p.approvedDay) yield { site: p.site, day: p.approvedDay, counter: 'approved', n: p.n }
    if (p.exportedDay) yield { site: p.site, day: p.exportedDay, counter: 'exported', n: p.n }
  }
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
export function dailySeries(ws: Workspace, opts: SeriesOptions = {}, src: ReportSources = readSources(ws.db)): DailySeries {
  const now = opts.now ?? clockNow()
  const today = vnDateIso(now)
  const all: Event[] = [...events(src)]
  const complaints = src.complaints.map((c) => {
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
