import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { expect, test } from 'vitest'
import { progressReport } from '../../../main/core/reports/progress.ts'
import { DISTRICT_TOTAL } from '../../../main/core/reports/report-file.ts'
import { SUMMARY_SHEET, UNITS_SHEET } from '../../../main/core/reports/report-layout.ts'
import { complaintDeadline } from '../../../main/core/review/complaint-deadline.ts'
import { cli } from '../../helpers/cli.ts'
import { decideAs, fixtureWorkspace, propose } from '../../helpers/corrections.ts'
import { tempDir } from '../../helpers/tmp.ts'

const NOW = new Date('2025-03-10T05:00:00Z') // 12:00 in Vietnam

test('the 48-hour deadline starts at the beginning of the submission day in Vietnam', () => {
  expect(complaintDeadline('2025-03-05')?.toISOString()).toBe('2025-03-06T17:00:00.000Z')
  expect(complaintDeadline('2025-03-05T10:30')?.toISOString()).toBe('2025-03-07T03:30:00.000Z')
  expect(complaintDeadline('2025-03-05T10:30:00Z')?.toISOString()).toBe('2025-03-07T10:30:00.000Z')
  expect(complaintDeadline('05/03/2025')).toBeNull()
})

test('progress per site and for the district, from the CLI and in the .xlsx', async () => {
  const f = await fixtureWorkspace()
  const a = 'Trạm Y tế xã Tản Lĩnh'
  const b = 'Bệnh viện Đa khoa Ba Vì'
  const approvedAtA = [propose(f.ws, f.clerk, { site: a }), propose(f.ws, f.clerk, { site: a })]
  propose(f.ws, f.clerk, { site: a }) // awaiting
  const rejectedAtB = propose(f.ws, f.clerk, { site: b })
  decideAs(f.ws, f.minh, { verdict: 'approve', selection: { ids: approvedAtA } })
  decideAs(f.ws, f.minh, { verdict: 'reject', selection: { ids: [rejectedAtB] }, comment: 'Không đủ bằng chứng' })
  f.ws.tx(() => {
    const db = f.ws.db
    // One of site A's persons waits in the review band; one dose at site B is a duplicate.
    db.prepare(`UPDATE links SET status = 'review' WHERE id = (SELECT min(id) FROM links)`).run()
    const bRow = db.prepare(`SELECT id, person_id FROM records WHERE site_name = ?`).get(b) as { id: number; person_id: number }
    db.prepare(`INSERT INTO dose_issues (person_id, record_id, kind, detail) VALUES (?, ?, 'duplicate', '{}')`).run(bRow.person_id, bRow.id)
    const imp = Number(
      db.prepare(`INSERT INTO imports (kind, file_name, file_hash, imported_at) VALUES ('complaint', 'kn.xlsx', 'kn', 'x')`).run()
        .lastInsertRowid
    )
    const complaint = (row: number, submitted: string, site: string) =>
      Number(
        db
          .prepare(
            `INSERT INTO records (import_id, kind, source_sheet, source_row, raw_json, complaint_id, submitted_at, site_name) VALUES (?, 'complaint', 'KN', ?, '{}', ?, ?, ?)`
          )
          .run(imp, row, `KN-${row}`, submitted, site).lastInsertRowid
      )
    const outcome = (id: number, outcome: string, at: string) =>
      db
        .prepare(`INSERT INTO complaint_outcomes (record_id, outcome, reason_code, decided_by, decided_at) VALUES (?, ?, 'x', ?, ?)`)
        .run(id, outcome, f.clerk.id, at)
    outcome(complaint(2, '2025-03-08', a), 'approved', '2025-03-09T03:00:00Z') // within 48 h
    outcome(complaint(3, '2025-03-01', a), 'rejected', '2025-03-05T03:00:00Z') // late
    outcome(complaint(4, '2025-03-01', b), 'deferred', '2025-03-02T03:00:00Z') // deferred is not resolved: overdue
    complaint(5, '2025-03-09', b) // still within its 48 hours
  })

  const r = progressReport(f.ws, NOW)
  const site = (name: string) => r.sites.find((s) => s.site === name)
  expect(site(a)).toMatchObject({
    records: 3,
    linked: 2,
    inReview: 1,
    proposed: 3,
    awaiting: 1,
    approved: 2,
    rejected: 0,
    exported: 0,
    complaintsInTime: 1,
    complaintsLate: 1
  })
  expect(site(b)).toMatchObject({
    records: 1,
    linked: 1,
    proposed: 1,
    rejected: 1,
    duplicateDoses: 1,
    complaints: 2,
    complaintsOverdue: 1,
    complaintsOpen: 1
  })
  expect(r.total).toMatchObject({
    records: 4,
    proposed: 4,
    approved: 2,
    complaints: 4,
    complaintsInTime: 1,
    complaintsLate: 1,
    complaintsOverdue: 1,
    complaintsOpen: 1
  })
  f.ws.close()

  const out = join(tempDir(), 'bao-cao.xlsx')
  const c = cli(['report', f.path, '--out', out])
  expect(c.code, c.stderr).toBe(0)
  const lines = c.stdout
    .trim()
    .split('\n')
    .map((l) => l.split('\t'))
  expect(lines[0]?.slice(0, 3)).toEqual(['site', 'records', 'linked'])
  expect(lines.at(-1)?.slice(0, 2)).toEqual([DISTRICT_TOTAL, '4'])

  const wb = new ExcelJS.Workbook()
  await wb.xlsx.readFile(out)
  const sheet = wb.getWorksheet(UNITS_SHEET.district)
  const labels: string[] = []
  sheet?.eachRow((row) => labels.push(String(row.getCell(3).value)))
  expect(labels).toContain(a)
  expect(labels.at(-1)).toBe(DISTRICT_TOTAL)
  const summary = new Map<string, string>()
  wb.getWorksheet(SUMMARY_SHEET)?.eachRow((row) => summary.set(String(row.getCell(1).value), String(row.getCell(3).value)))
  expect([summary.get('district_name'), summary.get('province_name')]).toEqual(['Huyện Ba Vì', 'Thành phố Hà Nội'])
})
