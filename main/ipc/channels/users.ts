import { z } from 'zod'
import { AccountInfo, AdoptResult, Role, UserInfo } from '../../core/users/schema.ts'

const Password = z.string().min(1).max(1024)
const Name = z.string().min(1).max(200)

export const userChannels = {
  /**
   * Who may sign in, whether this is a first run (no users yet), who is signed in, and
   * whether the workspace predates signed approvals and waits for a supervisor to adopt it.
   * `users` carries each role as the table writes it; `current` the role the chain vouches for.
   */
  'users:state': {
    request: z.object({}),
    response: z.object({ hasUsers: z.boolean(), adoptable: z.boolean(), current: UserInfo.nullable(), users: z.array(UserInfo) })
  },
  'users:signIn': { request: z.object({ name: Name, password: Password }), response: UserInfo },
  'users:signOut': { request: z.object({}), response: z.object({ signedOut: z.boolean() }) },
  /** The first supervisor on a first run (then signed in), or any user by a signed-in supervisor. */
  'users:create': { request: z.object({ name: Name, role: Role, password: Password }), response: AccountInfo },
  'users:list': { request: z.object({}), response: z.object({ users: z.array(AccountInfo) }) },
  'users:changePassword': {
    request: z.object({ oldPassword: Password, newPassword: Password }),
    response: z.object({ changed: z.boolean() })
  },
  /** The signed-in supervisor's public key (minisign .pub text) and its fingerprint. */
  'users:publicKey': {
    request: z.object({}),
    response: z.object({ text: z.string(), keyId: z.string(), fingerprint: z.string() })
  },
  'users:savePublicKey': { request: z.object({}), response: z.object({ path: z.string().nullable() }) },
  /** The signed-in supervisor adopts a workspace made before signed approvals, with their password. */
  'users:adopt': { request: z.object({ password: Password }), response: AdoptResult },
  /** A supervisor deactivates another user: kept for the audit trail, never deleted, no longer able to sign in. */
  'users:deactivate': { request: z.object({ userId: z.number().int().positive() }), response: z.object({ deactivated: z.boolean() }) }
} as const
