import { useCallback, useEffect, useState } from 'react'
import { ApiError, call } from '../api/client.ts'
import type { Res } from '../../../main/ipc/contract.ts'
import { JobProgress } from '../components/JobProgress.tsx'
import { useQuery } from '../data/useQuery.ts'
import { useJob } from '../hooks/useJob.ts'
import { useI18n } from '../i18n/i18n.tsx'
import { formatDateTime } from '../format/format.ts'
import { RecoverySecret, UnlockForm } from './Unlock.tsx'

type Status = Res<'workspace:status'>

/** The start screen: create or open a workspace, pick a recent one, or try the sample data. */
export function Home({ onOpened, onError }: { onOpened: (s: Status) => void; onError: (e: unknown) => void }) {
  const { t } = useI18n()
  const recent = useQuery('workspace:recent', {}, { onError }).data?.recent ?? []
  // An encrypted workspace waiting for its password, and a new one's recovery secret to show once.
  const [locked, setLocked] = useState<string | null>(null)
  const [created, setCreated] = useState<{ status: Status; secret: string } | null>(null)
  const [sampleSecret, setSampleSecret] = useState<string | null>(null)
  // The sample job runs on the new workspace; once it is filled, the workspace opens.
  const sample = useJob<'sample'>(
    useCallback(
      (ok: boolean) => {
        if (ok)
          call('workspace:status', {}).then(
            (status) => (sampleSecret ? setCreated({ status, secret: sampleSecret }) : onOpened(status)),
            onError
          )
      },
      [onOpened, onError, sampleSecret]
    )
  )
  const { state: sampleState, reset: resetSample } = sample
  useEffect(() => {
    if (sampleState.phase === 'failed') {
      onError(sampleState.error)
      resetSample()
    }
  }, [sampleState, resetSample, onError])
  const sampleRunning = sampleState.phase === 'running'

  const open = async (path: string, password?: string) => {
    try {
      onOpened(await call('workspace:open', password === undefined ? { path } : { path, password }))
      setLocked(null)
    } catch (e) {
      if (e instanceof ApiError && e.code === 'WORKSPACE_LOCKED') setLocked(path)
      else onError(e)
    }
  }
  const choose = async (mode: 'create' | 'open') => {
    try {
      const { path } = await call('dialog:chooseWorkspace', { mode })
      if (!path) return
      if (mode === 'open') return await open(path)
      const { recoverySecret, ...status } = await call('workspace:create', { path })
      if (recoverySecret) setCreated({ status, secret: recoverySecret })
      else onOpened(status)
    } catch (e) {
      onError(e)
    }
  }
  const openRecent = (path: string) => void open(path)
  const openSample = async () => {
    try {
      const { path } = await call('dialog:chooseWorkspace', { mode: 'create' })
      if (!path) return
      setSampleSecret((await call('workspace:create', { path })).recoverySecret)
      await sample.start({ kind: 'sample' })
    } catch (e) {
      onError(e)
    }
  }

  if (created) {
    return (
      <main className="home">
        <RecoverySecret secret={created.secret} onDone={() => onOpened(created.status)} />
      </main>
    )
  }
  if (locked) {
    return (
      <main className="home">
        <UnlockForm path={locked} onSubmit={(password) => open(locked, password)} onCancel={() => setLocked(null)} />
      </main>
    )
  }
  return (
    <main className="home">
      <p className="tagline">{t('app.tagline')}</p>
      <p>{t('home.intro')}</p>
      <div className="home-actions">
        <button
          type="button"
          className="primary"
          data-testid="create-workspace"
          disabled={sampleRunning}
          onClick={() => void choose('create')}
        >
          {t('home.create')}
        </button>
        <button type="button" data-testid="open-workspace" disabled={sampleRunning} onClick={() => void choose('open')}>
          {t('home.open')}
        </button>
        <button
          type="button"
          data-testid="open-sample"
          disabled={sampleRunning}
          aria-describedby="sample-hint"
          onClick={() => void openSample()}
        >
          {t('home.sample')}
        </button>
      </div>
      <p id="sample-hint" className="muted small">
        {t('home.sampleHint')}
      </p>
      {sampleRunning && (
        <section data-testid="sample-running" aria-live="polite">
          <p>{t('home.sampleRunning')}</p>
          <JobProgress state={sampleState} onCancel={sample.cancel} />
        </section>
      )}
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
                <span className="muted"> {formatDateTime(r.openedAt)}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <footer className="muted small">{t('about.attribution')}</footer>
    </main>
  )
}
