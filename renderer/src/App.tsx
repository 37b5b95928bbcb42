import { useCallback, useEffect, useState } from 'react'
import type { Res } from '../../main/ipc/contract.ts'
import { call, onActionSucceeded } from './api/client.ts'
import { ErrorBanner } from './components/ErrorBanner.tsx'
import { Home } from './pages/Home.tsx'
import { Header } from './shell/Header.tsx'
import { Nav } from './shell/Nav.tsx'
import { PAGES } from './shell/pages.tsx'
import type { Step } from './shell/steps.ts'
import { UserSessionProvider } from './pages/users/session.tsx'
import { SignInGate } from './pages/users/SignInGate.tsx'

type Status = Res<'workspace:status'>

export function App() {
  const [status, setStatus] = useState<Status | null>(null)
  const [step, setStep] = useState<Step>('overview')
  const [error, setError] = useState<unknown>(null)
  const [view, setView] = useState<string | null>(null)
  const onError = useCallback((e: unknown) => setError(e), [])
  // An error stays until dismissed or until the next thing the user does succeeds.
  useEffect(() => onActionSucceeded(() => setError(null)), [])

  const refresh = useCallback(() => call('workspace:status', {}).then(setStatus, onError), [onError])
  const close = () => call('workspace:close', {}).then(() => setStatus(null), onError)
  const opened = (s: Status) => {
    setError(null)
    setStatus(s)
    setStep('overview')
  }

  const Page = PAGES[step]
  return (
    // Keyed by workspace: another workspace starts signed out.
    <UserSessionProvider key={status?.path ?? ''} workspacePath={status?.path ?? null} onError={onError}>
      <div className="app">
        <Header workspacePath={status?.path ?? null} />
        {error !== null && <ErrorBanner error={error} onDismiss={() => setError(null)} />}
        {status === null ? (
          <Home onOpened={opened} onError={onError} />
        ) : (
          <SignInGate onError={onError} onClose={() => void close()}>
            <div className="workbench">
              <Nav
                current={step}
                onSelect={(s) => {
                  setStep(s)
                  setView(null)
                  void refresh()
                }}
                onClose={() => void close()}
              />
              <main className="page" data-testid={`page-${step}`}>
                <Page
                  key={`${step}-${view ?? ''}`}
                  status={status}
                  refresh={() => void refresh()}
                  onError={onError}
                  view={view}
                  go={(s, v) => {
                    setStep(s)
                    setView(v ?? null)
                    void refresh()
                  }}
                />
              </main>
            </div>
          </SignInGate>
        )}
      </div>
    </UserSessionProvider>
  )
}
