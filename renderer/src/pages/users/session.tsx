import { createContext, useCallback, useContext, useMemo, type ReactNode } from 'react'
import type { Res } from '../../../../main/ipc/contract.ts'
import { call } from '../../api/client.ts'
import { useQuery } from '../../data/useQuery.ts'

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
  // No workspace, nobody to sign in (the provider is remounted for each workspace).
  const asked = useQuery('users:state', workspacePath === null ? null : {}, { onError })
  const state = asked.data
  const { refetch } = asked
  const refresh = useCallback(async () => void (await refetch()), [refetch])
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
