import type { Channel } from '../contract.ts'
import type { Session } from '../session.ts'
import { jobHandlers } from './jobs.ts'
import type { HandlerMap } from './types.ts'
import { workspaceHandlers } from './workspace.ts'

/** Thin adapters from channels to core; `satisfies` makes a missing channel a type error. */
export function createHandlers(s: Session): HandlerMap<Channel> {
  return {
    ...workspaceHandlers(s),
    ...jobHandlers(s)
  } satisfies HandlerMap<Channel>
}
