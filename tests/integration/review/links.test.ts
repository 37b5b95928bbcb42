import { afterEach, beforeEach, expect, test } from 'vitest'
import { inlineContext } from '../../../main/core/base/job-context.ts'
import { candidateQueue, candidatesPanel } from '../../../main/core/review/candidates.ts'
import { decide } from '../../../main/core/review/decisions.ts'
import { rebuildDiffs } from '../../../main/core/review/diffs.ts'
import { personPanel, proposeDose } from '../../../main/core/review/doses.ts'
import { pickCandidate, unlink } from '../../../main/core/review/links.ts'
import { undoLast } from '../../../main/core/review/undo.ts'
import { buildReviewWorkspace, type ReviewFixture } from './fixture.ts'

let f: ReviewFixture
beforeEach(async () => {
  f = await buildReviewWorkspace()
  rebuildDiffs(f.ws, inlineContext())
})
afterEach(() => f.ws.close())

const link = (id: number | undefined) => f.ws.db.prepare('SELECT status, registry_record_id, decided_by FROM links WHERE id = ?').get(id)
const queue = () => candidateQueue(f.ws, { offset: 0, limit: 50 }).items.map((i) => `${i.subject.kind}:${i.status}:${i.fullName}`)

test('the candidates queue holds the review band and the unlinked, each with its candidates and waterfall', () => {
  expect(queue()).toEqual(['person:review:Phạm Thị Dung', 'person:none:Đỗ Minh Khoa'])
  const panel = candidatesPanel(f.ws, { kind: 'person', id: f.person['P5'] ?? 0 })
  expect(panel.rows.map((r) => r.fullName)).toEqual(['Đỗ Minh Khoa'])
  expect(panel.rows[0]?.source).toBe(
    'site_bv_dan_phuong.xlsx, Sheet1, dòng ' +
      String(f.ws.db.prepare('SELECT source_row FROM records WHERE id = ?').pluck().get(f.rec['S6']))
  )
  expect(panel.candidates.map((c) => [c.recordId, c.matchWeight, c.current])).toEqual([
    [f.rec['R6'], 4.2, false],
    [f.rec['R7'], 1.8, false]
  ])
  expect(panel.candidates[0]?.contributions.map((c) => c.comparison)).toEqual(['prior', 'full_name', 'dob', 'ward', 'national_id'])
})

test('not the same person: the link is rejected, its proposals withdrawn, and the person waits for a candidate again', () => {
  decide(f.ws, f.clerk, { linkId: f.link['P1'] ?? 0, field: 'full_name', action: 'accept_registry', note: '' })
  unlink(f.ws, f.clerk, { linkId: f.link['P1'] ?? 0, note: 'Khác ngày sinh trong giấy tờ' })
  expect(link(f.link['P1'])).toEqual({ status: 'rejected', registry_record_id: f.rec['R1'], decided_by: 'Lan' })
  expect(f.ws.db.prepare('SELECT status FROM proposals').pluck().all()).toEqual(['withdrawn'])
  expect(f.ws.db.prepare('SELECT status FROM review_rows WHERE link_id = ?').pluck().get(f.link['P1'])).toBe('unlinked')
  expect(queue()).toContain('person:rejected:Nguyen Van Anh')
  const panel = candidatesPanel(f.ws, { kind: 'person', id: f.person['P1'] ?? 0 })
  expect(panel.current).toMatchObject({ status: 'rejected' })

  undoLast(f.ws, f.clerk)
  expect(link(f.link['P1'])).toEqual({ status: 'auto', registry_record_id: f.rec['R1'], decided_by: null })
  expect(f.ws.db.prepare('SELECT status FROM proposals').pluck().all()).toEqual(['proposed'])
  expect(f.ws.db.prepare('SELECT status, open_diffs FROM review_rows WHERE link_id = ?').get(f.link['P1'])).toEqual({
    status: 'open',
    open_diffs: 2
  })
})

test('picking a candidate confirms the link, builds its diffs, and can be undone', () => {
  pickCandidate(f.ws, f.clerk, { subject: { kind: 'person', id: f.person['P5'] ?? 0 }, registryRecordId: f.rec['R6'] ?? 0, note: '' })
  expect(link(f.link['P5'])).toEqual({ status: 'confirmed', registry_record_id: f.rec['R6'], decided_by: 'Lan' })
  // The site row has no ID; the registry has one.
  expect(f.ws.db.prepare('SELECT field, class FROM diffs WHERE link_id = ?').all(f.link['P5'])).toEqual([
    { field: 'national_id', class: 'missing' }
  ])
  expect(queue()).toEqual(['person:review:Phạm Thị Dung'])

  // The review band: the engine's choice was the namesake; the clerk picks the other one.
  pickCandidate(f.ws, f.clerk, {
    subject: { kind: 'person', id: f.person['P4'] ?? 0 },
    registryRecordId: f.rec['R5'] ?? 0,
    note: 'Đúng xã Hồng Hà'
  })
  expect(link(f.link['P4'])).toEqual({ status: 'confirmed', registry_record_id: f.rec['R5'], decided_by: 'Lan' })
  // The gender differs from the namesake as it did from the first choice: open again, not left unlinked.
  expect(f.ws.db.prepare('SELECT field, registry_value, status FROM diffs WHERE link_id = ? ORDER BY field').all(f.link['P4'])).toEqual([
    { field: 'address', registry_value: 'Xã Hồng Hà, Huyện Đan Phượng, Thành phố Hà Nội', status: 'open' },
    { field: 'gender', registry_value: 'F', status: 'open' },
    { field: 'national_id', registry_value: '001301099999', status: 'open' }
  ])
  expect(queue()).toEqual([])

  undoLast(f.ws, f.clerk)
  expect(link(f.link['P4'])).toEqual({ status: 'review', registry_record_id: f.rec['R4'], decided_by: null })
  expect(f.ws.db.prepare('SELECT field FROM diffs WHERE link_id = ? ORDER BY field').pluck().all(f.link['P4'])).toEqual([
    'gender',
    'national_id'
  ])
})

test('"none of them" confirms that the person is not in the registry', () => {
  pickCandidate(f.ws, f.clerk, { subject: { kind: 'person', id: f.person['P5'] ?? 0 }, registryRecordId: null, note: '' })
  expect(link(f.link['P5'])).toEqual({ status: 'confirmed', registry_record_id: null, decided_by: 'Lan' })
  expect(queue()).toEqual(['person:review:Phạm Thị Dung'])
  expect(() =>
    pickCandidate(f.ws, f.clerk, { subject: { kind: 'person', id: f.person['P5'] ?? 0 }, registryRecordId: f.rec['R1'] ?? 0, note: '' })
  ).toThrow(expect.objectContaining({ code: 'REVIEW_NOT_A_CANDIDATE' }))
})

test('after an unlink the clerk picks the right person, and the rejected pair stays remembered', () => {
  unlink(f.ws, f.clerk, { linkId: f.link['P4'] ?? 0, note: '' })
  pickCandidate(f.ws, f.clerk, { subject: { kind: 'person', id: f.person['P4'] ?? 0 }, registryRecordId: f.rec['R5'] ?? 0, note: '' })
  const rows = f.ws.db
    .prepare("SELECT status, registry_record_id FROM links WHERE subject_kind = 'person' AND subject_id = ? ORDER BY id")
    .all(f.person['P4'])
  expect(rows).toEqual([
    { status: 'rejected', registry_record_id: f.rec['R4'] },
    { status: 'confirmed', registry_record_id: f.rec['R5'] }
  ])
  const panel = candidatesPanel(f.ws, { kind: 'person', id: f.person['P4'] ?? 0 })
  expect(panel.candidates.map((c) => [c.recordId, c.current, c.rejected])).toEqual([
    [f.rec['R4'], false, true],
    [f.rec['R5'], true, false]
  ])
})

test('the person panel shows every dose across sites and its dose checks; dose proposals are validated', () => {
  const p = personPanel(f.ws, f.person['P1'] ?? 0)
  expect(p.doses.map((d) => [d.siteName, d.doseNumber, d.doseDate])).toEqual([
    ['Trạm Y tế xã Tân Lập', 1, '2021-08-01'],
    ['Bệnh viện Đa khoa huyện Đan Phượng', 1, '2021-08-01'],
    ['Bệnh viện Đa khoa huyện Đan Phượng', 2, '2021-10-20']
  ])
  expect(p.issues).toEqual([expect.objectContaining({ kind: 'duplicate', recordId: f.rec['S7'] })])
  expect(p.registry?.nationalId).toBe('001085012345')

  proposeDose(f.ws, f.clerk, { action: 'remove_duplicate', recordId: f.rec['S7'] ?? 0, note: 'Nhập hai lần' })
  proposeDose(f.ws, f.clerk, { action: 'fix_date', recordId: f.rec['S2'] ?? 0, value: '21/10/2021', note: '' })
  proposeDose(f.ws, f.clerk, { action: 'fix_vaccine', recordId: f.rec['S2'] ?? 0, value: 'Pfizer', note: '' })
  proposeDose(f.ws, f.clerk, {
    action: 'add_dose',
    personId: f.person['P1'] ?? 0,
    vaccine: 'Pfizer',
    doseDate: '15/01/2022',
    doseNumber: 3,
    lot: 'FK1234',
    siteName: 'Trạm Y tế xã Tân Lập',
    note: 'Sổ tiêm của trạm'
  })
  expect(f.ws.db.prepare('SELECT target, field, old_value, new_value FROM proposals ORDER BY id').all()).toEqual([
    { target: 'dose', field: 'dose', old_value: 'Mũi 1 · ASTRAZENECA · 2021-08-01 · Bệnh viện Đa khoa huyện Đan Phượng', new_value: null },
    { target: 'site', field: 'dose_date', old_value: '2021-10-20', new_value: '2021-10-21' },
    { target: 'site', field: 'vaccine', old_value: 'ASTRAZENECA', new_value: 'PFIZER' },
    { target: 'dose', field: 'dose', old_value: null, new_value: 'Mũi 3 · PFIZER · 2022-01-15 · lô FK1234 · Trạm Y tế xã Tân Lập' }
  ])
  expect(() => proposeDose(f.ws, f.clerk, { action: 'remove_duplicate', recordId: f.rec['S7'] ?? 0, note: '' })).toThrow(
    expect.objectContaining({ code: 'REVIEW_DOSE_ALREADY_PROPOSED' })
  )
  expect(() => proposeDose(f.ws, f.clerk, { action: 'fix_vaccine', recordId: f.rec['S1'] ?? 0, value: 'Covishield', note: '' })).toThrow(
    expect.objectContaining({ code: 'REVIEW_NO_CHANGE' })
  )
  expect(() => proposeDose(f.ws, f.clerk, { action: 'fix_vaccine', recordId: f.rec['S1'] ?? 0, value: 'thuốc bổ', note: '' })).toThrow(
    expect.objectContaining({ code: 'EDIT_INVALID' })
  )
  const after = personPanel(f.ws, f.person['P1'] ?? 0)
  expect(after.added.map((a) => a.newValue)).toEqual(['Mũi 3 · PFIZER · 2022-01-15 · lô FK1234 · Trạm Y tế xã Tân Lập'])
  expect(after.doses[1]?.proposals.map((x) => x.field)).toEqual(['dose'])
  expect(after.doses[2]?.proposals.map((x) => x.field)).toEqual(['dose_date', 'vaccine'])
})
