import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react'
import type { Res } from '../../../../main/ipc/contract.ts'
import { call } from '../../api/client.ts'

type State = Res<'users:state'>
export type CurrentUser = NonNullable<State['current']>

interface UserSession {
  /** null until the first answer from main. */
  state: State | null
  user: CurrentUser | null
  refresh(): Promise<void>
  signOut(): Promise<void>
}

const Ctx = createContext<UserSession | null>(null)

/**
 * Who is signed in to the open workspace. Main holds the truth (every rule is checked
 * there); this mirrors it for the screens. Mounted per workspace: opening another one
 * starts signed out.
 */
export function UserSessionProvider({
  workspacePath,
  onError,
  children
}: {
  workspacePath: string | null
  onError: (e: unknown) => void
  children: ReactNode
}) {
  const [state, setState] = useState<State | null>(null)
  // No workspace, nobody to sign in (the provider is remounted for each workspace).
  const refresh = useCallback(
    () => (workspacePath === null ? Promise.resolve() : call('users:state', {}).then(setState, onError)),
    [workspacePath, onError]
  )
  useEffect(() => {
    void refresh()
  }, [refresh])
  const signOut = useCallback(async () => {
    await call('users:signOut', {}).catch(onError)
    await refresh()
  }, [refresh, onError])
  const value = useMemo<UserSession>(() => ({ state, user: state?.current ?? null, refresh, signOut }), [state, refresh, signOut])
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>
}

export function useUserSession(): UserSession {
  const ctx = useContext(Ctx)
  if (!ctx) throw new Error('useUserSession outside UserSessionProvider')
  return ctx
}

/** The signed-in user; pages behind the sign-in gate can rely on it. */
export function useCurrentUser(): CurrentUser {
  const { user } = useUserSession()
  if (!user) throw new Error('useCurrentUser before sign-in')
  return user
}
