import { afterEach, beforeEach, expect, test } from 'vitest'
import { inlineContext } from '../../../main/core/base/job-context.ts'
import { complaintQueue } from '../../../main/core/review/complaint-queue.ts'
import { complaintEvidence, resolveComplaint } from '../../../main/core/review/complaints.ts'
import { rebuildDiffs } from '../../../main/core/review/diffs.ts'
import { overview } from '../../../main/core/review/overview.ts'
import { buildReviewWorkspace, type ReviewFixture } from './fixture.ts'

let f: ReviewFixture
beforeEach(async () => {
  f = await buildReviewWorkspace()
  rebuildDiffs(f.ws, inlineContext())
  // What linkage writes for complaints: the person, and how each site row bears on the claim.
  f.ws.tx(() => {
    f.ws.db.prepare('UPDATE records SET person_id = ? WHERE id = ?').run(f.person['P1'], f.rec['C1'])
    f.ws.db.prepare('UPDATE records SET person_id = ? WHERE id = ?').run(f.person['P2'], f.rec['C2'])
    f.ws.db
      .prepare(
        "INSERT INTO complaint_evidence (complaint_record_id, site_record_id, relation, reasons_json) VALUES (?, ?, 'contradicts', ?)"
      )
      .run(f.rec['C2'], f.rec['S3'], JSON.stringify(['date_differs', 'same_vaccine', 'same_dose_number']))
  })
})
afterEach(() => f.ws.close())

test('the queue puts the complaint still in time first, counts down 48 hours and flags the overdue', () => {
  const q = complaintQueue(f.ws, { view: 'open', offset: 0, limit: 10 })
  expect(q.items.map((i) => [i.complaintId, i.overdue, i.claim])).toEqual([
    ['KN-0001', false, 'missing_dose'],
    ['KN-0002', true, 'wrong_date']
  ])
  const due = Date.parse(q.items[0]?.deadline ?? '')
  // Submitted 30 hours ago: 18 hours left.
  expect(Math.round((due - Date.now()) / 3_600_000)).toBe(18)
  expect(q.counts).toEqual({ open: 2, overdue: 1, resolved: 0, resolvedLate: 0 })
})

test('the evidence shows the claim, the registry person and the site rows, with hints and suggested corrections', () => {
  f.ws.tx(() => f.ws.db.prepare("UPDATE records SET complaint_type = 'Sai ngày tiêm' WHERE id = ?").run(f.rec['C2']))
  const e = complaintEvidence(f.ws, f.rec['C2'] ?? 0)
  expect(e.item.claim).toBe('wrong_date')
  expect(e.registry?.fullName).toBe('Trần Thị Bích')
  expect(e.siteRows.map((r) => [r.recordId, r.relation])).toEqual([[f.rec['S3'], 'contradicts']])
  expect(e.hints).toEqual(['date_mismatch'])
  expect(e.suggestions).toEqual([{ action: 'fix_date', recordId: f.rec['S3'], value: '2021-09-16' }])

  const c1 = complaintEvidence(f.ws, f.rec['C1'] ?? 0)
  expect(c1.identityDiffs.map((d) => `${d.field}:${d.class}`)).toEqual(['full_name:formatting'])
  expect(c1.hints).toContain('name_without_diacritics')
  expect(c1.siteRows.map((r) => r.recordId).sort()).toEqual([f.rec['S1'], f.rec['S2'], f.rec['S7']].sort())
})

test('approving a complaint proposes its corrections; rejecting needs a reason that fits', () => {
  f.ws.tx(() => f.ws.db.prepare("UPDATE records SET complaint_type = 'Thiếu mũi tiêm' WHERE id = ?").run(f.rec['C1']))
  const e = complaintEvidence(f.ws, f.rec['C1'] ?? 0)
  expect(e.suggestions).toEqual([{ action: 'add_dose', vaccine: 'PFIZER', doseDate: '2022-01-15', doseNumber: 3, lot: '', siteName: '' }])
  expect(() =>
    resolveComplaint(f.ws, f.clerk, {
      recordId: f.rec['C1'] ?? 0,
      outcome: 'approved',
      reasonCode: 'site_confirmed',
      note: '',
      corrections: e.suggestions
    })
  ).toThrow(expect.objectContaining({ code: 'REVIEW_DOSE_SITE_NEEDED' }))
  resolveComplaint(f.ws, f.clerk, {
    recordId: f.rec['C1'] ?? 0,
    outcome: 'approved',
    reasonCode: 'site_confirmed',
    note: 'Trạm y tế xác nhận qua điện thoại',
    corrections: [
      { action: 'add_dose', vaccine: 'PFIZER', doseDate: '2022-01-15', doseNumber: 3, lot: '', siteName: 'Trạm Y tế xã Tân Lập' }
    ]
  })
  expect(
    f.ws.db.prepare('SELECT target, record_id, field, old_value, new_value, reason, evidence, proposed_by FROM proposals').all()
  ).toEqual([
    {
      target: 'dose',
      record_id: f.rec['C1'],
      field: 'dose',
      old_value: null,
      new_value: 'Mũi 3 · PFIZER · 2022-01-15 · Trạm Y tế xã Tân Lập',
      reason: 'Khiếu nại được chấp nhận: KN-0001',
      evidence: 'Trạm y tế xác nhận qua điện thoại',
      proposed_by: f.clerk.id
    }
  ])
  expect(f.ws.db.prepare('SELECT outcome, reason_code FROM complaint_outcomes').all()).toEqual([
    { outcome: 'approved', reason_code: 'site_confirmed' }
  ])
  // Its row in the review grid is settled.
  expect(f.ws.db.prepare('SELECT status FROM review_rows WHERE link_id = ?').pluck().get(f.link['C1'])).toBe('done')

  expect(() =>
    resolveComplaint(f.ws, f.clerk, {
      recordId: f.rec['C2'] ?? 0,
      outcome: 'rejected',
      reasonCode: 'site_confirmed',
      note: '',
      corrections: []
    })
  ).toThrow(expect.objectContaining({ code: 'COMPLAINT_REASON_INVALID' }))
  resolveComplaint(f.ws, f.clerk, {
    recordId: f.rec['C2'] ?? 0,
    outcome: 'rejected',
    reasonCode: 'date_mismatch',
    note: '',
    corrections: []
  })
  const q = complaintQueue(f.ws, { view: 'resolved', offset: 0, limit: 10 })
  expect(q.items.map((i) => [i.complaintId, i.outcome?.outcome, i.resolvedInTime])).toEqual([
    ['KN-0002', 'rejected', false],
    ['KN-0001', 'approved', true]
  ])
  expect(q.counts).toEqual({ open: 0, overdue: 0, resolved: 2, resolvedLate: 1 })
})

test('a later outcome replaces an approval and withdraws what it proposed', () => {
  resolveComplaint(f.ws, f.clerk, {
    recordId: f.rec['C1'] ?? 0,
    outcome: 'approved',
    reasonCode: 'site_record_confirms',
    note: '',
    corrections: [{ action: 'fix_field', recordId: f.rec['S2'] ?? 0, field: 'national_id', value: '001085012345' }]
  })
  resolveComplaint(f.ws, f.clerk, {
    recordId: f.rec['C1'] ?? 0,
    outcome: 'deferred',
    reasonCode: 'awaiting_site',
    note: '',
    corrections: []
  })
  expect(f.ws.db.prepare('SELECT status FROM proposals').pluck().all()).toEqual(['withdrawn'])
  expect(complaintQueue(f.ws, { view: 'open', offset: 0, limit: 10 }).items.map((i) => i.outcome?.outcome ?? null)).toEqual([
    'deferred',
    null
  ])
  expect(() =>
    resolveComplaint(f.ws, f.clerk, {
      recordId: f.rec['C1'] ?? 0,
      outcome: 'approved',
      reasonCode: 'other',
      note: 'x',
      corrections: [{ action: 'fix_field', recordId: f.rec['S3'] ?? 0, field: 'full_name', value: 'Trần Thị Bích Ngọc' }]
    })
  ).toThrow(expect.objectContaining({ code: 'COMPLAINT_ROW_UNRELATED' }))
})

test('the overview counts every stage and the work left', () => {
  const o = overview(f.ws)
  expect(o.stages.imported).toEqual({ site: 7, registry: 7, complaint: 2, rejects: 0 })
  expect(o.stages.linked.byStatus).toEqual({ auto: 3, review: 1, none: 1 })
  expect(o.workLeft).toEqual({
    candidates: 2,
    reviewRows: 5,
    deferredRows: 0,
    complaintsOpen: 2,
    complaintsOverdue: 1,
    awaitingApproval: 0,
    awaitingExport: 0,
    doseIssues: 1
  })
})
