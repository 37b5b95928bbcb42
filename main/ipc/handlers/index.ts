import type { Channel } from '../contract.ts'
import type { Session } from '../session.ts'
import { jobHandlers } from './jobs.ts'
import { importHandlers } from './import.ts'
import type { HandlerMap } from './types.ts'
import { workspaceHandlers } from './workspace.ts'
import { reviewHandlers } from './review.ts'
import { complaintHandlers } from './complaints.ts'
import { userHandlers } from './users.ts'
import { approveHandlers } from './approve.ts'
import { exportHandlers } from './export.ts'
import { reportHandlers } from './reports.ts'
import { linkHandlers } from './link.ts'

/**
 * The channels that work with nobody signed in: choosing and opening a workspace, its
 * aggregate status, the sign-in itself (and the names it offers), making the first user
 * (core refuses once users exist), and the static import codes. Every other channel
 * touches workspace data and refuses without a signed-in user.
 */
export const SIGNED_OUT_CHANNELS: ReadonlySet<Channel> = new Set<Channel>([
  'app:info',
  'dialog:chooseWorkspace',
  'workspace:create',
  'workspace:open',
  'workspace:close',
  'workspace:status',
  'workspace:recent',
  'users:state',
  'users:signIn',
  'users:signOut',
  'users:create',
  'import:codes',
  // Starts only the sample job on a workspace without users; jobs.ts checks the rest.
  'job:start'
])

function signedInOnly<K extends Channel>(s: Session, handlers: HandlerMap<K>): HandlerMap<K> {
  const out = { ...handlers }
  for (const channel of Object.keys(handlers) as K[]) {
    if (SIGNED_OUT_CHANNELS.has(channel)) continue
    const handler = handlers[channel]
    out[channel] = ((req: never) => {
      // The getter refuses (NOT_SIGNED_IN) when nobody is signed in.
      void s.user
      return handler(req)
    }) as HandlerMap<K>[K]
  }
  return out
}

/** Thin adapters from channels to core; `satisfies` makes a missing channel a type error. */
export function createHandlers(s: Session): HandlerMap<Channel> {
  return signedInOnly(s, {
    ...workspaceHandlers(s),
    ...jobHandlers(s),
    ...importHandlers(s),
    ...reviewHandlers(s),
    ...complaintHandlers(s),
    ...userHandlers(s),
    ...approveHandlers(s),
    ...exportHandlers(s),
    ...reportHandlers(s),
    ...linkHandlers(s)
  } satisfies HandlerMap<Channel>)
}
