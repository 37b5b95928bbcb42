import { appendAudit } from '../audit/append.ts'
import { VaxError } from '../base/errors.ts'
import type { Db, Workspace } from '../workspace/workspace.ts'
import { countCorrections } from '../records/correction-reads.ts'
import { endorse } from './endorse.ts'
import { noSigningKey } from './keys.ts'
import type { AdoptResult, Role } from './schema.ts'
import { unlockSigningKey } from './signing-key.ts'
import type { User } from './users.ts'

/**
 * A workspace made before signed approvals (migration 0004) has users but no
 * endorsements, so every supervisor counts as a clerk and nobody could add, approve or
 * export. One of its supervisors adopts it: signed in with their password, which opens
 * the key they already have, they sign their own endorsement (becoming the root) and
 * endorse every other user as the users table lists them now. They should check that list
 * first (`vaxrecon user list`): a row someone added by hand is vouched for too. Approvals
 * made before 0004 carry no signature, so the export keeps refusing them until a
 * supervisor withdraws and approves them again.
 */

interface Row {
  id: number
  name: string
  role: Role
  public_key: string | null
  secret_key_enc: string | null
  disabled_at: string | null
}

const notAdoptable = () =>
  new VaxError('ADOPT_NOT_NEEDED', {
    vi: 'Không gian làm việc này đã có chuỗi xác nhận người phê duyệt; không cần nhận lại.',
    en: 'This workspace already has a signed chain of supervisors; there is nothing to adopt.'
  })

/**
 * Only a workspace with users that no endorsement has ever touched (so no root either):
 * once any exists, adopting would be a way round the chain. The app asks this to offer it.
 */
export function isAdoptable(db: Db): boolean {
  const n = db.prepare('SELECT count(*) AS users, count(endorsement) AS endorsed FROM users').get() as { users: number; endorsed: number }
  return n.users > 0 && n.endorsed === 0
}

export async function adoptWorkspace(ws: Workspace, user: User, password: string): Promise<AdoptResult> {
  const rows = () => ws.db.prepare('SELECT id, name, role, public_key, secret_key_enc, disabled_at FROM users ORDER BY id').all() as Row[]
  const me = rows().find((r) => r.id === user.id)
  if (!me || me.role !== 'supervisor' || me.disabled_at !== null) {
    throw new VaxError('NOT_SUPERVISOR', {
      vi: 'Chỉ một người phê duyệt (supervisor) của không gian làm việc mới nhận được nó.',
      en: 'Only a supervisor of the workspace can adopt it.'
    })
  }
  if (!me.public_key || !me.secret_key_enc) {
    throw noSigningKey()
  }
  const signer = await unlockSigningKey({ publicKey: me.public_key, secretKeyEnc: me.secret_key_enc }, password)
  return ws.tx(() => {
    if (!isAdoptable(ws.db)) throw notAdoptable()
    const all = rows()
    const at = new Date().toISOString()
    const put = ws.db.prepare('UPDATE users SET endorsement = ? WHERE id = ?')
    const sign = (r: Row, endorserId: number | null) =>
      put.run(endorse({ userId: r.id, name: r.name, role: r.role, publicKey: r.public_key, endorserId, at }, signer), r.id)
    sign(me, null)
    const endorsed: AdoptResult['endorsed'] = []
    const leftOut: AdoptResult['leftOut'] = []
    for (const r of all) {
      if (r.id === me.id) continue
      if (r.role === 'supervisor' && !r.public_key) {
        leftOut.push({ id: r.id, name: r.name })
        continue
      }
      sign(r, me.id)
      endorsed.push({ id: r.id, name: r.name, role: r.role })
    }
    const unsignedApprovals =
      countCorrections(ws.db, {
        sql: "p.status = 'approved' AND p.batch_id IS NULL AND a.id IS NOT NULL AND a.act_id IS NULL",
        params: []
      })['all'] ?? 0
    appendAudit(ws.db, {
      actor: me.name,
      action: 'user.adopt',
      entity: 'user',
      entityId: me.id,
      new: { root: me.name, endorsed: endorsed.map((e) => [e.id, e.role]), leftOut: leftOut.map((l) => l.id), unsignedApprovals }
    })
    return { root: { id: me.id, name: me.name }, endorsed, leftOut, unsignedApprovals }
  })
}
