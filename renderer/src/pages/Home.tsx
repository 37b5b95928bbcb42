import { useEffect, useState } from 'react'
import { call } from '../api/client.ts'
import type { Res } from '../../../main/ipc/contract.ts'
import { useI18n } from '../i18n/i18n.tsx'

type Recent = Res<'workspace:recent'>['recent']
type Status = Res<'workspace:status'>

/** The start screen: create or open a workspace, or pick a recent one. */
export function Home({ onOpened, onError }: { onOpened: (s: Status) => void; onError: (e: unknown) => void }) {
  const { t } = useI18n()
  const [recent, setRecent] = useState<Recent>([])

  useEffect(() => {
    call('workspace:recent', {}).then((r) => setRecent(r.recent), onError)
  }, [onError])

  const choose = async (mode: 'create' | 'open') => {
    try {
      const { path } = await call('dialog:chooseWorkspace', { mode })
      if (path) onOpened(await call(mode === 'create' ? 'workspace:create' : 'workspace:open', { path }))
    } catch (e) {
      onError(e)
    }
  }
  const openRecent = (path: string) => call('workspace:open', { path }).then(onOpened, onError)

  return (
    <main className="home">
      <p className="tagline">{t('app.tagline')}</p>
      <p>{t('home.intro')}</p>
      <div className="home-actions">
        <button type="button" className="primary" data-testid="create-workspace" onClick={() => void choose('create')}>
          {t('home.create')}
        </button>
        <button type="button" data-testid="open-workspace" onClick={() => void choose('open')}>
          {t('home.open')}
        </button>
      </div>
      <section>
        <h2>{t('home.recent')}</h2>
        {recent.length === 0 ? (
          <p className="muted">{t('home.recentEmpty')}</p>
        ) : (
          <ul className="recent" data-testid="recent-list">
            {recent.map((r) => (
              <li key={r.path}>
                <button type="button" onClick={() => void openRecent(r.path)} title={r.path}>
                  {r.path}
                </button>
                <span className="muted"> {new Date(r.openedAt).toLocaleString()}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <footer className="muted small">{t('about.attribution')}</footer>
    </main>
  )
}
