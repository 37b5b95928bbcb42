import { afterEach, beforeEach, expect, test } from 'vitest'
import { candidatesPanel } from '../../../main/core/review/candidates.ts'
import { relationOf } from '../../../main/core/review/relatives.ts'
import { buildReviewWorkspace, type ReviewFixture } from './fixture.ts'

let f: ReviewFixture
beforeEach(async () => {
  f = await buildReviewWorkspace()
})
afterEach(() => f.ws.close())

test('namesakes share name and birth date; twins share family name and birth date, not the given name', () => {
  const a = { full_name: 'Đỗ Minh Khoa', dob: '1969-02-28' }
  expect(relationOf(a, { full_name: 'do minh khoa', dob: '1969-02-28' })).toBe('namesake')
  expect(relationOf(a, { full_name: 'Đỗ Minh Khôi', dob: '1969-02-28' })).toBe('twin')
  expect(relationOf(a, { full_name: 'Đỗ Minh Khôi', dob: '1969-02-27' })).toBe(null)
  expect(relationOf(a, { full_name: 'Lê Minh Khôi', dob: '1969-02-28' })).toBe(null)
  expect(relationOf({ full_name: 'Khoa', dob: '1969-02-28' }, { full_name: 'Khoa', dob: '1969-02-28' })).toBe(null)
})

const panelOf = (label: string) => candidatesPanel(f.ws, { kind: 'person', id: f.person[label] ?? 0 })
const listed = (label: string) => panelOf(label).candidates.map((c) => [c.recordId, c.relation, c.matchWeight])

test('behind a twin hold the twin is listed beside the best candidate, even when linkage did not keep it as a candidate', () => {
  const { rec, person, ws } = f
  ws.tx(() => {
    ws.db
      .prepare(
        "UPDATE links SET status = 'review', registry_record_id = ?, match_weight = 4.2, hold_reason = 'twin' WHERE subject_kind = 'person' AND subject_id = ?"
      )
      .run(rec['R6'], person['P5'])
    ws.db
      .prepare("DELETE FROM candidates WHERE subject_kind = 'person' AND subject_id = ? AND registry_record_id = ?")
      .run(person['P5'], rec['R7'])
  })
  const panel = panelOf('P5')
  expect(panel.hold).toBe('twin')
  // Đỗ Minh Khôi, born the same day: not scored, but there to compare.
  expect(listed('P5')).toEqual([
    [rec['R6'], null, 4.2],
    [rec['R7'], 'twin', null]
  ])
  expect(panel.candidates[1]?.nationalId).toBe('001069056790')
})

test('behind a namesake hold every namesake is listed; without a hold only the stored candidates are', () => {
  const { rec, person, ws } = f
  // Linkage kept both namesakes as candidates: they are marked, nothing is added.
  ws.tx(() => ws.db.prepare("UPDATE links SET hold_reason = 'namesake' WHERE subject_kind = 'person' AND subject_id = ?").run(person['P4']))
  expect(listed('P4')).toEqual([
    [rec['R4'], null, 2.9],
    [rec['R5'], 'namesake', 1.1]
  ])
  // Had it kept only one, the other is still shown.
  ws.tx(() =>
    ws.db
      .prepare("DELETE FROM candidates WHERE subject_kind = 'person' AND subject_id = ? AND registry_record_id = ?")
      .run(person['P4'], rec['R5'])
  )
  expect(listed('P4')).toEqual([
    [rec['R4'], null, 2.9],
    [rec['R5'], 'namesake', null]
  ])
  // With no hold, nothing is looked up.
  ws.tx(() => ws.db.prepare("UPDATE links SET hold_reason = NULL WHERE subject_kind = 'person' AND subject_id = ?").run(person['P4']))
  expect(listed('P4')).toEqual([[rec['R4'], null, 2.9]])
})
