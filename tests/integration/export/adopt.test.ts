import { expect, test } from 'vitest'
import { exportBatch } from '../../../main/core/export/export-batch.ts'
import { verifyRecordedBatch } from '../../../main/core/export/verify-batch.ts'
import { inlineContext } from '../../../main/core/base/job-context.ts'
import { adoptWorkspace } from '../../../main/core/users/adopt.ts'
import { trustedRole, trustedUsers } from '../../../main/core/users/endorse.ts'
import { signerFor } from '../../../main/core/users/keys.ts'
import { addUser } from '../../../main/core/users/users.ts'
import { verifyAudit } from '../../../main/core/workspace/audit-verify.ts'
import { approvedCorrections, decideAs, fixtureWorkspace, PASSWORDS } from '../../helpers/corrections.ts'
import { tempDir } from '../../helpers/tmp.ts'

/**
 * A workspace made before migration 0004 has its users, keys and approvals, but no
 * endorsement and no signed act: what the migration leaves is these columns NULL.
 */
async function pre0004() {
  const f = await fixtureWorkspace()
  const ids = approvedCorrections(f.ws, f.clerk, f.minh, 3)
  f.ws.db.exec('UPDATE users SET endorsement = NULL; UPDATE approvals SET act_id = NULL')
  return { ...f, ids }
}

test('before adoption nobody counts as a supervisor, so no signing key opens', async () => {
  const f = await pre0004()
  expect([trustedRole(f.ws.db, f.minh.id), trustedRole(f.ws.db, f.hoa.id)]).toEqual(['clerk', 'clerk'])
  await expect(signerFor(f.ws, f.hoa, PASSWORDS.hoa)).rejects.toMatchObject({ code: 'NOT_SUPERVISOR' })
  f.ws.close()
})

test('a supervisor who is not the first user adopts the workspace: root, endorsements, and unsigned approvals named', async () => {
  const f = await pre0004()
  await expect(adoptWorkspace(f.ws, f.clerk, PASSWORDS.clerk)).rejects.toMatchObject({ code: 'NOT_SUPERVISOR' })
  await expect(adoptWorkspace(f.ws, f.hoa, 'wrong-password')).rejects.toBeTruthy()
  expect(trustedUsers(f.ws.db).rootKeyId).toBeNull()

  const r = await adoptWorkspace(f.ws, f.hoa, PASSWORDS.hoa)
  expect(r.root).toEqual({ id: f.hoa.id, name: 'Hoa' })
  expect(r.endorsed.map((e) => [e.name, e.role]).sort()).toEqual([
    ['Lan (văn thư)', 'clerk'],
    ['Minh', 'supervisor']
  ])
  expect(r.leftOut).toEqual([])
  expect(r.unsignedApprovals).toBe(3)
  const trust = trustedUsers(f.ws.db)
  expect(trust.rootKeyId).toBe(trust.users.get(f.hoa.id)?.keyId)
  expect([trustedRole(f.ws.db, f.minh.id), trustedRole(f.ws.db, f.hoa.id), trustedRole(f.ws.db, f.clerk.id)]).toEqual([
    'supervisor',
    'supervisor',
    'clerk'
  ])
  // Once is enough: a second adoption would be a way round the chain.
  await expect(adoptWorkspace(f.ws, f.minh, PASSWORDS.minh)).rejects.toMatchObject({ code: 'ADOPT_NOT_NEEDED' })
  // The adopter now endorses new users like any supervisor.
  const hoaKey = await signerFor(f.ws, f.hoa, PASSWORDS.hoa)
  const added = await addUser(f.ws, { userId: f.hoa.id, signer: hoaKey }, { name: 'Tâm', role: 'clerk', password: 'tam-pass-123' })
  expect(trustedRole(f.ws.db, added.id)).toBe('clerk')
  expect(verifyAudit(f.ws.db).ok).toBe(true)
  f.ws.close()
})

test('approvals from before 0004 are refused until withdrawn and approved again with a signature', async () => {
  const f = await pre0004()
  await adoptWorkspace(f.ws, f.hoa, PASSWORDS.hoa)
  const first = await exportBatch(f.ws, f.hoa, PASSWORDS.hoa, { outDir: tempDir() }, inlineContext())
  expect(first.batch).toBeNull()
  expect(first.refused.map((x) => [x.id, x.reason])).toEqual(f.ids.map((id) => [id, 'unsigned']))

  decideAs(f.ws, f.minh, { verdict: 'withdraw', selection: { ids: f.ids }, comment: 'ký lại sau khi nhận không gian làm việc' })
  decideAs(f.ws, f.hoa, { verdict: 'approve', selection: { ids: f.ids } })
  const second = await exportBatch(f.ws, f.hoa, PASSWORDS.hoa, { outDir: tempDir() }, inlineContext())
  expect(second.refused).toEqual([])
  expect(second.batch?.corrections).toBe(3)
  expect(verifyRecordedBatch(f.ws, second.batch?.id ?? 0).ok).toBe(true)
  expect(verifyAudit(f.ws.db).ok).toBe(true)
  f.ws.close()
})
