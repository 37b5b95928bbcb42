import { useState } from 'react'
import { useI18n } from '../../i18n/i18n.tsx'
import { useUserSession } from './session.tsx'
import { UsersPanel } from './UsersPanel.tsx'

/** Who is signed in, in the header, with "switch user" (back to the password prompt) and user management. */
export function UserBadge() {
  const { t } = useI18n()
  const { user, signOut } = useUserSession()
  const [managing, setManaging] = useState(false)
  if (!user) return null
  return (
    <div className="user-badge" data-testid="user-badge">
      <span data-testid="current-user" data-role={user.role}>
        {user.name} · {t(`users.role.${user.role}`)}
      </span>
      <button type="button" data-testid="manage-users" onClick={() => setManaging(true)}>
        {t('users.badge.manage')}
      </button>
      <button type="button" data-testid="switch-user" onClick={() => void signOut()}>
        {t('users.badge.switch')}
      </button>
      {managing && <UsersPanel onClose={() => setManaging(false)} />}
    </div>
  )
}
