import { useI18n } from '../i18n/i18n.tsx'
import { UserBadge } from '../pages/users/UserBadge.tsx'

export function Header({ workspacePath }: { workspacePath: string | null }) {
  const { t, toggle } = useI18n()
  return (
    <header className="header">
      <h1>{t('app.title')}</h1>
      {workspacePath && (
        <span className="header-path" data-testid="workspace-path" title={workspacePath}>
          {workspacePath}
        </span>
      )}
      <UserBadge />
      <button type="button" data-testid="lang-toggle" onClick={toggle}>
        {t('lang.switch')}
      </button>
    </header>
  )
}
