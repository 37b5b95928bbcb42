import { writeFileSync } from 'node:fs'
import { changePassword, createUserBy, currentUser, hasUsers, listAccounts } from '../../core/users/accounts.ts'
import { adoptWorkspace, isAdoptable } from '../../core/users/adopt.ts'
import { deactivateUser } from '../../core/users/deactivate.ts'
import { publicKeyFile, signerFor } from '../../core/users/keys.ts'
import { authenticate, listUsers } from '../../core/users/users.ts'
import type { Session } from '../session.ts'
import type { HandlerMap } from './types.ts'

type UserChannels =
  | 'users:state'
  | 'users:signIn'
  | 'users:signOut'
  | 'users:create'
  | 'users:list'
  | 'users:changePassword'
  | 'users:publicKey'
  | 'users:savePublicKey'
  | 'users:adopt'
  | 'users:deactivate'

export function userHandlers(s: Session): HandlerMap<UserChannels> {
  const account = (id: number) => {
    const a = listAccounts(s.workspace).find((x) => x.id === id)
    if (!a) throw new Error('account vanished')
    return a
  }
  return {
    'users:state': () => ({
      hasUsers: hasUsers(s.workspace),
      adoptable: isAdoptable(s.workspace.db),
      current: s.userOrNull,
      users: listUsers(s.workspace)
    }),
    'users:signIn': async ({ name, password }) => {
      const user = await authenticate(s.workspace, name, password)
      s.signIn(user, user.role === 'supervisor' ? await signerFor(s.workspace, user, password) : null)
      return user
    },
    'users:signOut': () => {
      s.signIn(null)
      return { signedOut: true }
    },
    'users:create': async (input) => {
      const ws = s.workspace
      const creator = s.userOrNull
      const made = await createUserBy(ws, creator, input, s.signer)
      // The first supervisor of a new workspace goes straight in, key open.
      if (creator === null) s.signIn(made, await signerFor(ws, made, input.password))
      return account(made.id)
    },
    'users:list': () => {
      currentUser(s.workspace, s.user)
      return { users: listAccounts(s.workspace) }
    },
    'users:changePassword': async ({ oldPassword, newPassword }) => {
      await changePassword(s.workspace, s.user, oldPassword, newPassword)
      return { changed: true }
    },
    'users:publicKey': () => {
      const a = account(s.user.id)
      return { text: publicKeyFile(s.workspace, s.user), keyId: a.keyId ?? '', fingerprint: a.fingerprint ?? '' }
    },
    'users:savePublicKey': async () => {
      const text = publicKeyFile(s.workspace, s.user)
      const path = await s.platform.chooseSavePath({ defaultName: 'vaxrecon-minisign.pub', extensions: ['pub'] })
      if (path) writeFileSync(path, text)
      return { path }
    },
    'users:adopt': async ({ password }) => {
      const ws = s.workspace
      const result = await adoptWorkspace(ws, currentUser(ws, s.user), password)
      // Signed in again in place: the chain now vouches for them, so their key opens for
      // approving and adding users without going back to the sign-in form.
      const me = await authenticate(ws, result.root.name, password)
      s.signIn(me, await signerFor(ws, me, password))
      return result
    },
    'users:deactivate': ({ userId }) => {
      deactivateUser(s.workspace, s.user, userId)
      return { deactivated: true }
    }
  }
}
