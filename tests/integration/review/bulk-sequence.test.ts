import { afterAll, beforeAll, expect, test } from 'vitest'
import { uniform } from '../../../main/core/base/random.ts'
import { applyBulk, previewBulk } from '../../../main/core/review/bulk.ts'
import type { DiffClass } from '../../../main/core/review/fields.ts'
import { refreshRows } from '../../../main/core/review/rows.ts'
import { ReviewFilter, type BulkAction } from '../../../main/core/review/schemas.ts'
import { undoLast } from '../../../main/core/review/undo.ts'
import { signerFor } from '../../../main/core/users/keys.ts'
import { addUser, type User } from '../../../main/core/users/users.ts'
import { openWorkspace, type Workspace } from '../../../main/core/workspace/index.ts'
import { demoWorkspace } from './demo-workspace.ts'

/**
 * Bulk decisions write the grid counts from their own selection (review/bulk.ts), without
 * foreign key checks and with statements that keep no journal of their own
 * (review/large-writes.ts, row-counts.ts). On a workspace filled the way a district fills
 * one, a seeded run of bulk rules and undos by two clerks must leave after every step the
 * grid rows a rebuild from the diffs gives, every key pointing at a row, and the
 * connection as it was.
 */

let ws: Workspace
let clerks: User[]
beforeAll(async () => {
  ws = openWorkspace(demoWorkspace(150, 14).path)
  const supervisor = await addUser(ws, null, { name: 'Hùng', role: 'supervisor', password: 'mat-khau-hung' })
  const byHung = { userId: supervisor.id, signer: await signerFor(ws, supervisor, 'mat-khau-hung') }
  clerks = [
    await addUser(ws, byHung, { name: 'Lan', role: 'clerk', password: 'mat-khau-lan' }),
    await addUser(ws, byHung, { name: 'Minh', role: 'clerk', password: 'mat-khau-minh' })
  ]
}, 120_000)
afterAll(() => ws.close())

const rows = (): unknown[] => ws.db.prepare('SELECT link_id, status, classes, fields, open_diffs FROM review_rows ORDER BY link_id').all()

/** The grid rows as refreshRows writes them from scratch, leaving the workspace as it was. */
function rebuilt(): unknown[] {
  ws.db.exec('SAVEPOINT rebuild')
  try {
    refreshRows(ws.db, 'SELECT id FROM links')
    return rows()
  } finally {
    ws.db.exec('ROLLBACK TO rebuild')
    ws.db.exec('RELEASE rebuild')
  }
}

const CLASSES: DiffClass[] = ['formatting', 'minor', 'conflict', 'missing']
const ACTIONS: BulkAction[] = ['accept_registry', 'accept_registry', 'defer']
/** Refusals a random step may meet; anything else fails the test. */
const EXPECTED_REFUSALS = ['REVIEW_NOTHING_TO_DECIDE', 'REVIEW_NOTHING_TO_UNDO', 'REVIEW_UNDO_LATER']

function refusal(fn: () => unknown): string | null {
  try {
    fn()
    return null
  } catch (err) {
    const code = (err as { code?: string }).code ?? String(err)
    expect(EXPECTED_REFUSALS).toContain(code)
    return code
  }
}

test('a seeded run of bulk rules and undos keeps the grid rows equal to a rebuild, every key valid', () => {
  const rand = uniform(14, 'bulk-sequence')
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T
  const sites = (ws.db.prepare('SELECT DISTINCT site_name FROM review_rows ORDER BY 1').pluck().all() as string[]).slice(0, 4)
  expect(rows().length).toBeGreaterThan(50)
  expect(rows()).toEqual(rebuilt())
  const settings = () => [ws.db.pragma('foreign_keys', { simple: true }), ws.db.pragma('cache_size', { simple: true })]
  const usual = settings()
  let applied = 0
  let undone = 0
  for (let step = 0; step < 24; step++) {
    const clerk = pick(clerks)
    if (rand() < 0.35) {
      if (refusal(() => undoLast(ws, clerk)) === null) undone++
    } else {
      const filter = ReviewFilter.parse({
        classes: CLASSES.filter(() => rand() < 0.5),
        sites: rand() < 0.5 ? [pick(sites)] : [],
        statuses: rand() < 0.3 ? ['open', 'deferred'] : []
      })
      const action = pick(ACTIONS)
      const preview = previewBulk(ws, filter, action)
      if (refusal(() => applyBulk(ws, clerk, { filter, action, note: '', expected: preview.diffs })) === null) applied++
    }
    expect(rows()).toEqual(rebuilt())
    expect(ws.db.pragma('foreign_key_check')).toEqual([])
    expect(settings()).toEqual(usual)
  }
  // The run did both, several times.
  expect(applied).toBeGreaterThan(4)
  expect(undone).toBeGreaterThan(2)
})

test("an undone bulk decision's audit entry counts the proposals it withdrew, first and last", () => {
  const [clerk] = clerks as [User]
  const filter = ReviewFilter.parse({ classes: ['formatting', 'minor', 'missing'] })
  const made = applyBulk(ws, clerk, { filter, action: 'accept_registry', note: '' })
  expect(made.proposals).toBeGreaterThan(0)
  const ids = ws.db
    .prepare("SELECT id FROM proposals WHERE decision_id = ? AND status = 'proposed' ORDER BY id")
    .pluck()
    .all(made.decisionId) as number[]
  undoLast(ws, clerk)
  const entry = ws.db
    .prepare("SELECT new_json FROM audit_log WHERE action = 'review.undo' ORDER BY seq DESC LIMIT 1")
    .pluck()
    .get() as string
  expect(JSON.parse(entry)).toMatchObject({ withdrawn: ids.length, firstWithdrawn: ids[0], lastWithdrawn: ids[ids.length - 1] })
  expect(ws.db.prepare("SELECT count(*) FROM proposals WHERE decision_id = ? AND status <> 'withdrawn'").pluck().get(made.decisionId)).toBe(
    0
  )
})
