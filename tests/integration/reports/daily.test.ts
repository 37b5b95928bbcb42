import { beforeAll, describe, expect, test } from 'vitest'
import { dailySeries, DAY_COUNTERS } from '../../../main/core/reports/daily.ts'
import { progressReport } from '../../../main/core/reports/progress.ts'
import type { DailySeries, DayCounts } from '../../../main/core/reports/schema.ts'
import { complaintDeadline } from '../../../main/core/review/complaint-deadline.ts'
import { resolveComplaint } from '../../../main/core/review/complaints.ts'
import { authenticate } from '../../../main/core/users/users.ts'
import { openWorkspace } from '../../../main/core/workspace/index.ts'
import { PASSWORDS, spreadWorkspace, STEPS, type SpreadWorkspace } from './spread-workspace.ts'

let w: SpreadWorkspace
let submitted: { id: number; submitted_at: string }[]
const NOW = new Date(STEPS.report)

beforeAll(async () => {
  process.env.TZ = 'America/New_York'
  w = await spreadWorkspace()
  const ws = openWorkspace(w.path)
  try {
    // The demo's newest complaint, moved to the evening of 31/12 so it can be resolved within 48 hours on 02/01.
    ws.db
      .prepare(
        "UPDATE records SET submitted_at = '2021-12-31 20:15' WHERE id = (SELECT id FROM records WHERE kind = 'complaint' ORDER BY submitted_at DESC, id DESC LIMIT 1)"
      )
      .run()
    submitted = ws.db
      .prepare("SELECT id, submitted_at FROM records WHERE kind = 'complaint' ORDER BY submitted_at, id")
      .all() as typeof submitted
    const lan = await authenticate(ws, 'Lan', PASSWORDS.lan)
    // On 02/01 01:30: the newest complaint (from 31/12) in time, the oldest long after its 48 hours.
    const reject = (id: number) =>
      resolveComplaint(ws, lan, { recordId: id, outcome: 'rejected', reasonCode: 'name_mismatch', note: '', corrections: [] })
    process.env.VAXRECON_NOW = STEPS.export
    reject(submitted.at(-1)?.id ?? 0)
    reject(submitted[0]?.id ?? 0)
  } finally {
    delete process.env.VAXRECON_NOW
    ws.close()
  }
})

const on = (s: DailySeries, day: string): DayCounts => {
  const i = s.days.indexOf(day)
  expect(i, `${day} in the series`).toBeGreaterThanOrEqual(0)
  return s.district[i] as DayCounts
}
const total = (s: DailySeries, k: keyof DayCounts) => s.district.reduce((n, d) => n + d[k], 0)

describe.each(['UTC', 'America/New_York'])('with the PC clock in %s', (tz) => {
  test('each step counts on its own Vietnamese day, per site and for the district', () => {
    process.env.TZ = tz
    const ws = openWorkspace(w.path)
    try {
      const s = dailySeries(ws, { now: NOW })
      const snap = progressReport(ws, NOW)
      expect(snap.total.exported).toBeGreaterThan(0)
      expect(s.from).toBe(submitted[0]?.submitted_at.slice(0, 10))
      expect(s.to).toBe('2022-01-03')
      expect(s.days.length).toBe(s.district.length)

      const imported = (files: string[]) =>
        (
          ws.db
            .prepare(
              `SELECT count(*) AS n FROM records r JOIN imports i ON i.id = r.import_id WHERE i.file_name IN (SELECT value FROM json_each(?))`
            )
            .get(JSON.stringify(files)) as { n: number }
        ).n
      expect(on(s, '2021-12-28').imported).toBe(imported(w.siteFilesA))
      expect(on(s, '2021-12-29').imported).toBe(imported(w.siteFilesB))
      expect(total(s, 'imported')).toBe(snap.total.records)
      expect(on(s, '2021-12-30').linked).toBe(snap.total.linked)
      expect(total(s, 'linked')).toBe(snap.total.linked)
      expect(on(s, '2021-12-31').proposed).toBe(snap.total.proposed)
      expect(on(s, '2022-01-01').approved).toBe(snap.total.approved)
      expect(on(s, '2022-01-02').exported).toBe(snap.total.exported)
      expect(on(s, '2021-12-27')).toMatchObject({ imported: 0, linked: 0, proposed: 0 })

      // Complaints: received on the day of their submission in Vietnam; two resolved on 02/01.
      expect(total(s, 'complaintsReceived')).toBe(submitted.length)
      const lastDay = submitted.at(-1)?.submitted_at.slice(0, 10) ?? ''
      expect(on(s, lastDay).complaintsReceived).toBe(submitted.filter((c) => c.submitted_at.startsWith(lastDay)).length)
      expect(on(s, '2022-01-02')).toMatchObject({ complaintsInTime: 1, complaintsLate: 1 })
      expect(total(s, 'complaintsInTime') + total(s, 'complaintsLate')).toBe(2)
      // Overdue is a level: past the 48 hours and unresolved at the end of the day (at noon today).
      const overdueAt = (end: Date, resolvedBefore: boolean) =>
        submitted.filter(
          (c, i) => (complaintDeadline(c.submitted_at) ?? end) < end && !(resolvedBefore && (i === 0 || i === submitted.length - 1))
        ).length
      expect(on(s, '2022-01-01').complaintsOverdue).toBe(overdueAt(new Date('2021-12-31T17:00:00Z'), false))
      expect(on(s, '2022-01-03').complaintsOverdue).toBe(overdueAt(NOW, true))
      expect(snap.total.complaintsOverdue).toBe(on(s, '2022-01-03').complaintsOverdue)

      // The sites add up to the district, and each site's totals are its snapshot's.
      for (const k of DAY_COUNTERS) {
        s.days.forEach((_, i) => expect(s.sites.reduce((n, x) => n + (x.days[i] as DayCounts)[k], 0)).toBe((s.district[i] as DayCounts)[k]))
      }
      for (const site of snap.sites) {
        const series = s.sites.find((x) => x.site === site.site)
        expect(
          series?.days.reduce((n, d) => n + d.imported, 0),
          site.site
        ).toBe(site.records)
        expect(
          series?.days.reduce((n, d) => n + d.exported, 0),
          site.site
        ).toBe(site.exported)
      }
    } finally {
      ws.close()
    }
  })
})

test('a chosen period keeps only its days; a bad one is refused in both languages', () => {
  const ws = openWorkspace(w.path)
  try {
    const s = dailySeries(ws, { from: '2021-12-29', to: '2021-12-31', now: NOW })
    expect(s.days).toEqual(['2021-12-29', '2021-12-30', '2021-12-31'])
    const [first, ...later] = s.district.map((d) => d.imported)
    expect(typeof first).toBe('number')
    expect(later).toEqual([0, 0])
    expect(() => dailySeries(ws, { from: '2022-01-05', to: '2022-01-01' })).toThrow(/Kỳ báo cáo không hợp lệ/)
    expect(() => dailySeries(ws, { from: '2021-02-30', to: '2021-03-01' })).toThrow(/REPORT_PERIOD_INVALID|Kỳ báo cáo/)
  } finally {
    ws.close()
  }
})
