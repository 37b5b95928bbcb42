import { afterEach, beforeEach, expect, test } from 'vitest'
import { inlineContext } from '../../../main/core/base/job-context.ts'
import { candidateQueue } from '../../../main/core/review/candidates.ts'
import { rebuildDiffs } from '../../../main/core/review/diffs.ts'
import { unlink } from '../../../main/core/review/links.ts'
import { notInRegistry } from '../../../main/core/review/not-in-registry.ts'
import { undoLast } from '../../../main/core/review/undo.ts'
import { buildReviewWorkspace, type ReviewFixture } from './fixture.ts'

let f: ReviewFixture
beforeEach(async () => {
  f = await buildReviewWorkspace()
  rebuildDiffs(f.ws, inlineContext())
  // Waiting now: P4 (review band, best 2.9), P5 (no link, best 4.2), and P3, unlinked by a clerk, with no candidate at all.
  unlink(f.ws, f.clerk, { linkId: f.link['P3'] ?? 0, note: '' })
})
afterEach(() => f.ws.close())

const waiting = (req: Parameters<typeof candidateQueue>[1] = {}) => candidateQueue(f.ws, req).items.map((i) => i.subject.id)
const linksOf = (label: string) =>
  f.ws.db
    .prepare(
      "SELECT status, registry_record_id AS registry, decided_by AS by FROM links WHERE subject_kind = 'person' AND subject_id = ? ORDER BY id"
    )
    .all(f.person[label])

test('the candidate queue is searched by name (accents ignored) and filtered by state, site and best weight', () => {
  const { person } = f
  expect(waiting()).toEqual([person['P4'], person['P5'], person['P3']])
  expect(waiting({ search: 'do minh' })).toEqual([person['P5']])
  expect(waiting({ search: 'PHẠM' })).toEqual([person['P4']])
  expect(waiting({ search: '%' })).toEqual([])
  expect(waiting({ statuses: ['review'] })).toEqual([person['P4']])
  expect(waiting({ statuses: ['none', 'rejected'] })).toEqual([person['P5'], person['P3']])
  expect(waiting({ sites: ['Trạm Y tế xã Tân Lập'] })).toEqual([person['P4']])
  expect(waiting({ belowWeight: 4 })).toEqual([person['P4'], person['P3']])
  expect(candidateQueue(f.ws, { belowWeight: 4 }).total).toBe(2)
})

test('"not in the registry" in bulk: every waiting subject without a link below the weight the clerk chose, in one decision that one undo takes back', () => {
  const { person } = f
  // A dry run counts; the review band is never included.
  expect(notInRegistry(f.ws, f.clerk, { belowWeight: 3, dryRun: true })).toEqual({ subjects: 1, decisionId: null })
  expect(notInRegistry(f.ws, f.clerk, { belowWeight: 5, dryRun: true })).toEqual({ subjects: 2, decisionId: null })
  expect(waiting()).toEqual([person['P4'], person['P5'], person['P3']])

  const r = notInRegistry(f.ws, f.clerk, { belowWeight: 5, note: 'Không có trong CSDL dân cư xã' })
  expect(r.subjects).toBe(2)
  expect(waiting()).toEqual([person['P4']])
  // P5's 'none' link is confirmed as nobody; P3 (unlinked before) gets a new link to nobody.
  expect(linksOf('P5')).toEqual([{ status: 'confirmed', registry: null, by: 'Lan' }])
  expect(linksOf('P3')).toEqual([
    { status: 'rejected', registry: f.rec['R3'], by: 'Lan' },
    { status: 'confirmed', registry: null, by: 'Lan' }
  ])
  const audit = f.ws.db.prepare("SELECT actor, new_json, reason FROM audit_log WHERE action = 'review.not_in_registry'").all()
  expect(audit).toEqual([
    { actor: 'Lan', new_json: JSON.stringify({ subjects: 2, belowWeight: 5 }), reason: 'Không có trong CSDL dân cư xã' }
  ])

  undoLast(f.ws, f.clerk)
  expect(waiting()).toEqual([person['P4'], person['P5'], person['P3']])
  expect(linksOf('P5')).toEqual([{ status: 'none', registry: null, by: null }])
  expect(linksOf('P3')).toEqual([{ status: 'rejected', registry: f.rec['R3'], by: 'Lan' }])
  // A subject with no candidate at all has none above any weight.
  expect(notInRegistry(f.ws, f.clerk, { belowWeight: -100, dryRun: true })).toEqual({ subjects: 1, decisionId: null })
})
