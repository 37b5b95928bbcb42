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

/** Thin adapters from channels to core; `satisfies` makes a missing channel a type error. */
export function createHandlers(s: Session): HandlerMap<Channel> {
  return {
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
  } satisfies HandlerMap<Channel>
}
