import { appendAudit } from '../audit/append.ts'
import { now } from '../base/clock.ts'
import { VaxError } from '../base/errors.ts'
import { dropUserSlot } from '../workspace/key-slots.ts'
import type { Workspace } from '../workspace/workspace.ts'
import { currentUser } from './accounts.ts'
import type { User } from './users.ts'

/**
 * Deactivates a user: they can no longer sign in, and a session of theirs stops at its
 * next call (every rule re-reads the user). The row is never deleted: proposals,
 * approvals and the audit trail keep pointing at who did what, and the name stays taken.
 * Only a supervisor does this, never to themselves (so a workspace keeps a supervisor).
 */
export function deactivateUser(ws: Workspace, actor: User, userId: number): void {
  const me = currentUser(ws, actor)
  if (me.role !== 'supervisor') {
    throw new VaxError('NOT_SUPERVISOR', {
      vi: 'Chỉ người phê duyệt (supervisor) mới ngừng được người dùng.',
      en: 'Only supervisors can deactivate users.'
    })
  }
  if (userId === me.id) {
    throw new VaxError('USER_DEACTIVATE_SELF', { vi: 'Không thể tự ngừng tài khoản của mình.', en: 'You cannot deactivate yourself.' })
  }
  ws.tx(() => {
    const target = ws.db.prepare('SELECT id, name, role FROM users WHERE id = ? AND disabled_at IS NULL').get(userId) as User | undefined
    if (!target) {
      throw new VaxError('USER_UNKNOWN', { vi: 'Không có người dùng đang hoạt động này.', en: 'There is no such active user.' }, { userId })
    }
    const at = now().toISOString()
    ws.db.prepare('UPDATE users SET disabled_at = ? WHERE id = ?').run(at, userId)
    appendAudit(ws.db, {
      actor: me.name,
      action: 'user.deactivate',
      entity: 'user',
      entityId: userId,
      old: { name: target.name, role: target.role },
      new: { disabledAt: at }
    })
  })
  // An encrypted workspace: their password no longer opens the file (nothing is re-encrypted).
  if (ws.key) dropUserSlot(ws.path, userId)
}
