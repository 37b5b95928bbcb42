import { afterEach, beforeEach, expect, test } from 'vitest'
import { complaintQueue } from '../../../main/core/review/complaint-queue.ts'
import { resolveComplaint } from '../../../main/core/review/complaints.ts'
import { buildReviewWorkspace, hoursAgo, type ReviewFixture } from './fixture.ts'

// The queue reasons in instants: the PC's clock zone must change nothing.
process.env.TZ = 'America/New_York'

const SITE_A = 'Trạm Y tế xã Tân Lập'
let f: ReviewFixture
beforeEach(async () => {
  f = await buildReviewWorkspace()
  // Beside the fixture's KN-0001 (30 h old, 18 h left) and KN-0002 (60 h old, overdue):
  const more: [string, string | null, string, string, string, string | null][] = [
    ['KN-0003', hoursAgo(40), 'Thiếu mũi tiêm', 'Hoàng Văn Em', '001092011111', SITE_A], // 8 h left: the most urgent
    ['KN-0004', hoursAgo(100), 'Sai ngày tiêm', 'Vũ Thị Giang', '001193022222', SITE_A], // overdue for 52 h
    ['KN-0005', null, 'Khác', 'Ngô Văn Hải', '001094033333', null], // the portal gave no time
    ['KN-0006', hoursAgo(2), 'Sai loại vắc xin', 'Đặng Thị Lan', '001195044444', 'Bệnh viện Đa khoa huyện Đan Phượng'] // 46 h left
  ]
  f.ws.tx(() => {
    const importId = f.ws.db.prepare("SELECT id FROM imports WHERE kind = 'complaint'").pluck().get()
    const insert = f.ws.db.prepare(
      `INSERT INTO records (import_id, kind, source_sheet, source_row, raw_json, complaint_id, submitted_at, complaint_type, full_name, national_id, site_name)
       VALUES (?, 'complaint', 'Sheet1', ?, '{}', ?, ?, ?, ?, ?, ?)`
    )
    more.forEach(([code, at, type, name, id, site], i) => insert.run(importId, 100 + i, code, at, type, name, id, site))
  })
})
afterEach(() => f.ws.close())

const codes = (req: Parameters<typeof complaintQueue>[1]): (string | null)[] => complaintQueue(f.ws, req).items.map((i) => i.complaintId)

test('complaints still in time come first, the least time left first; then the overdue, longest waiting first; then the undated', () => {
  expect(codes({ view: 'open' })).toEqual(['KN-0003', 'KN-0001', 'KN-0006', 'KN-0004', 'KN-0002', 'KN-0005'])
  // Paging keeps the order.
  expect(codes({ view: 'open', offset: 2, limit: 2 })).toEqual(['KN-0006', 'KN-0004'])
  expect(complaintQueue(f.ws, { view: 'open' }).counts).toEqual({ open: 6, overdue: 2, resolved: 0, resolvedLate: 0 })
})

test('search by name (accents and case ignored), ID number or complaint code; filters by type, site and state', () => {
  expect(codes({ search: 'tran thi' })).toEqual(['KN-0002'])
  expect(codes({ search: 'ĐẶNG THỊ' })).toEqual(['KN-0006'])
  expect(codes({ search: '001193022222' })).toEqual(['KN-0004'])
  expect(codes({ search: '3022' })).toEqual(['KN-0004'])
  expect(codes({ search: 'kn-0005' })).toEqual(['KN-0005'])
  expect(codes({ claims: ['wrong_vaccine'] })).toEqual(['KN-0006'])
  expect(codes({ claims: ['missing_dose', 'wrong_date'] })).toEqual(['KN-0003', 'KN-0001', 'KN-0004', 'KN-0002'])
  expect(codes({ sites: [SITE_A] })).toEqual(['KN-0003', 'KN-0004'])
  // '' stands for complaints that name no site.
  expect(codes({ sites: [''] })).toEqual(['KN-0001', 'KN-0002', 'KN-0005'])
  expect(codes({ states: ['overdue'] })).toEqual(['KN-0004', 'KN-0002'])
  expect(codes({ states: ['in_time'], claims: ['missing_dose'] })).toEqual(['KN-0003', 'KN-0001'])
  expect(complaintQueue(f.ws, {}).sites).toEqual(['', 'Bệnh viện Đa khoa huyện Đan Phượng', SITE_A])
})

test('a resolved complaint says who resolved it and when; the latest decision comes first', () => {
  const byCode = (code: string): number => Number(f.ws.db.prepare('SELECT id FROM records WHERE complaint_id = ?').pluck().get(code))
  resolveComplaint(f.ws, f.clerk, {
    recordId: byCode('KN-0002'),
    outcome: 'rejected',
    reasonCode: 'date_mismatch',
    note: '',
    corrections: []
  })
  resolveComplaint(f.ws, f.clerk2, {
    recordId: byCode('KN-0006'),
    outcome: 'deferred',
    reasonCode: 'awaiting_site',
    note: '',
    corrections: []
  })
  resolveComplaint(f.ws, f.clerk2, {
    recordId: byCode('KN-0003'),
    outcome: 'rejected',
    reasonCode: 'date_mismatch',
    note: '',
    corrections: []
  })
  const resolved = complaintQueue(f.ws, { view: 'resolved' }).items
  expect(resolved.map((i) => [i.complaintId, i.outcome?.decidedBy, i.resolvedInTime])).toEqual([
    ['KN-0003', 'Minh', true],
    ['KN-0002', 'Lan', false]
  ])
  for (const i of resolved) expect(Math.abs(Date.parse(i.outcome?.decidedAt ?? '') - Date.now())).toBeLessThan(60_000)
  // Deferred is still open (and in time), and can be asked for as such.
  expect(codes({ view: 'open' })).toEqual(['KN-0001', 'KN-0006', 'KN-0004', 'KN-0005'])
  expect(codes({ view: 'all', states: ['deferred'] })).toEqual(['KN-0006'])
  expect(codes({ view: 'all', states: ['rejected'] })).toEqual(['KN-0003', 'KN-0002'])
})
