import { afterEach, beforeEach, expect, test } from 'vitest'
import { previewDecision } from '../../../main/core/approve/decide.ts'
import { listProposals } from '../../../main/core/approve/list.ts'
import { decideAs, fixtureWorkspace, propose, type Fixture } from '../../helpers/corrections.ts'

let f: Fixture
beforeEach(async () => {
  f = await fixtureWorkspace()
})
afterEach(() => f.ws.close())

const status = (id: number) => (f.ws.db.prepare('SELECT status FROM proposals WHERE id = ?').get(id) as { status: string }).status
const refusals = () =>
  f.ws.db.prepare(`SELECT actor, new_json FROM audit_log WHERE action = 'approval.refused' ORDER BY seq`).all() as {
    actor: string
    new_json: string
  }[]

test('a supervisor approves a clerk’s proposal; the approval and its audit entry say who, when and why', () => {
  const id = propose(f.ws, f.clerk)
  expect(decideAs(f.ws, f.minh, { verdict: 'approve', selection: { ids: [id] }, comment: 'Khớp CSDL' })).toEqual({
    verdict: 'approve',
    applied: 1,
    skippedOwn: 0
  })
  expect(status(id)).toBe('approved')
  const approval = f.ws.db.prepare('SELECT verdict, decided_by, comment FROM approvals WHERE proposal_id = ?').get(id)
  expect(approval).toEqual({ verdict: 'approved', decided_by: f.minh.id, comment: 'Khớp CSDL' })
  const audit = f.ws.db.prepare(`SELECT actor, old_json, new_json, reason FROM audit_log WHERE action = 'approval.approve'`).get() as {
    actor: string
    old_json: string
    new_json: string
    reason: string
  }
  expect(audit.actor).toBe('Minh')
  expect(JSON.parse(audit.old_json)).toEqual({ status: 'proposed' })
  expect(JSON.parse(audit.new_json)).toMatchObject({ status: 'approved' })
  expect(audit.reason).toBe('Khớp CSDL')
})

test('a self-approval is refused, changes nothing, and the refusal is audited', () => {
  const own = propose(f.ws, f.minh)
  const other = propose(f.ws, f.clerk)
  expect(() => decideAs(f.ws, f.minh, { verdict: 'approve', selection: { ids: [other, own] } })).toThrow(
    expect.objectContaining({ code: 'APPROVE_OWN_PROPOSAL' })
  )
  // All or nothing: the clerk's proposal in the same request was not approved either.
  expect([status(own), status(other)]).toEqual(['proposed', 'proposed'])
  expect(f.ws.db.prepare('SELECT count(*) AS n FROM approvals').get()).toEqual({ n: 0 })
  const [r] = refusals()
  expect(r?.actor).toBe('Minh')
  expect(JSON.parse(r?.new_json ?? '{}')).toMatchObject({ verdict: 'approve', refused: 'own-proposal', ids: [own] })
  // Another supervisor may approve it.
  decideAs(f.ws, f.hoa, { verdict: 'approve', selection: { ids: [own] } })
  expect(status(own)).toBe('approved')
})

test('a clerk cannot approve, reject or withdraw; each attempt is audited', () => {
  const id = propose(f.ws, f.minh)
  for (const verdict of ['approve', 'reject', 'withdraw'] as const) {
    expect(() => decideAs(f.ws, f.clerk, { verdict, selection: { ids: [id] }, comment: 'x' })).toThrow(
      expect.objectContaining({ code: 'APPROVE_NOT_SUPERVISOR' })
    )
  }
  expect(status(id)).toBe('proposed')
  expect(refusals().map((r) => JSON.parse(r.new_json).refused)).toEqual(['not-supervisor', 'not-supervisor', 'not-supervisor'])
})

test('the role is re-read from the workspace, so a stale session cannot approve', () => {
  const id = propose(f.ws, f.clerk)
  const staleClaim = { ...f.clerk, role: 'supervisor' as const }
  expect(() => decideAs(f.ws, staleClaim, { verdict: 'approve', selection: { ids: [id] } })).toThrow(
    expect.objectContaining({ code: 'APPROVE_NOT_SUPERVISOR' })
  )
})

test('a bulk approval on a filter skips the approver’s own proposals, says how many, and audits that', () => {
  const clerkNames = [propose(f.ws, f.clerk), propose(f.ws, f.clerk)]
  const clerkPhone = propose(f.ws, f.clerk, { field: 'phone', oldValue: '0912', newValue: '0913', kind: 'conflict' })
  const own = propose(f.ws, f.minh)
  const filter = { status: ['proposed' as const], fields: ['full_name'] }
  expect(previewDecision(f.ws, f.minh, 'approve', { filter: { ...filter, excludeMine: false } })).toEqual({
    verdict: 'approve',
    applied: 2,
    skippedOwn: 1
  })
  expect(decideAs(f.ws, f.minh, { verdict: 'approve', selection: { filter }, comment: 'Định dạng' })).toEqual({
    verdict: 'approve',
    applied: 2,
    skippedOwn: 1
  })
  expect(clerkNames.map(status)).toEqual(['approved', 'approved'])
  expect(status(clerkPhone)).toBe('proposed')
  expect(status(own)).toBe('proposed')
  expect(JSON.parse(refusals()[0]?.new_json ?? '{}')).toMatchObject({ refused: 'own-proposal', ids: [own] })
})

test('a rejection needs a comment and goes back to the proposer with it', () => {
  const id = propose(f.ws, f.clerk)
  expect(() => decideAs(f.ws, f.minh, { verdict: 'reject', selection: { ids: [id] }, comment: '  ' })).toThrow(
    expect.objectContaining({ code: 'APPROVE_COMMENT_REQUIRED' })
  )
  decideAs(f.ws, f.minh, { verdict: 'reject', selection: { ids: [id] }, comment: 'Sai ngày sinh, xem lại phiếu' })
  const returned = listProposals(f.ws, f.clerk, { status: ['rejected'], proposedBy: f.clerk.id }, { offset: 0, limit: 10 })
  expect(returned.total).toBe(1)
  expect(returned.rows[0]?.decision).toMatchObject({ verdict: 'rejected', by: 'Minh', comment: 'Sai ngày sinh, xem lại phiếu' })
})

test('an approval can be withdrawn until export: the correction returns to the queue', () => {
  const id = propose(f.ws, f.clerk)
  decideAs(f.ws, f.minh, { verdict: 'approve', selection: { ids: [id] } })
  decideAs(f.ws, f.hoa, { verdict: 'withdraw', selection: { ids: [id] }, comment: 'Cần kiểm tra thêm' })
  expect(status(id)).toBe('proposed')
  const history = f.ws.db.prepare('SELECT verdict FROM approvals WHERE proposal_id = ? ORDER BY id').all(id)
  expect(history).toEqual([{ verdict: 'approved' }, { verdict: 'withdrawn' }])
  // Withdrawing what is not approved is refused.
  expect(() => decideAs(f.ws, f.hoa, { verdict: 'withdraw', selection: { ids: [id] }, comment: 'x' })).toThrow(
    expect.objectContaining({ code: 'APPROVE_WRONG_STATE' })
  )
})

test('an exported correction cannot be withdrawn, by the app or by SQL', () => {
  const id = propose(f.ws, f.clerk)
  decideAs(f.ws, f.minh, { verdict: 'approve', selection: { ids: [id] } })
  f.ws.tx(() => {
    const batch = f.ws.db
      .prepare(
        `INSERT INTO export_batches (batch_no, file_name, file_hash, signer_id, key_fingerprint, correction_count, created_at, out_dir,
           public_key, trusted_comment, minisig, content, audit_seq, audit_hash) VALUES ('B1', 'b.xlsx', 'h', ?, 'f', 1, 'now', '/tmp', 'k', 't', 's', x'00', 1, 'h')`
      )
      .run(f.minh.id).lastInsertRowid
    f.ws.db.prepare(`UPDATE proposals SET status = 'exported', batch_id = ? WHERE id = ?`).run(batch, id)
  })
  expect(() => decideAs(f.ws, f.minh, { verdict: 'withdraw', selection: { ids: [id] }, comment: 'quá muộn' })).toThrow(
    expect.objectContaining({ code: 'APPROVE_WRONG_STATE' })
  )
  expect(() => f.ws.db.prepare(`UPDATE proposals SET status = 'approved' WHERE id = ?`).run(id)).toThrow(
    /exported correction cannot change/
  )
  expect(() => f.ws.db.prepare(`DELETE FROM export_batches`).run()).toThrow(/immutable/)
})

test('deciding something already decided by someone else fails as a whole', () => {
  const a = propose(f.ws, f.clerk)
  const b = propose(f.ws, f.clerk)
  decideAs(f.ws, f.hoa, { verdict: 'reject', selection: { ids: [b] }, comment: 'không' })
  expect(() => decideAs(f.ws, f.minh, { verdict: 'approve', selection: { ids: [a, b] } })).toThrow(
    expect.objectContaining({ code: 'APPROVE_WRONG_STATE' })
  )
  expect(status(a)).toBe('proposed')
})
