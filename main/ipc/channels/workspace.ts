import { z } from 'zod'

const Path = z.string().min(1).max(4096)
const KindCounts = z.object({ site: z.number(), registry: z.number(), complaint: z.number() })

export const WorkspaceStatus = z.object({
  path: z.string(),
  schemaVersion: z.number(),
  encrypted: z.boolean(),
  imports: KindCounts,
  records: KindCounts,
  rejects: z.number(),
  persons: z.number(),
  links: z.record(z.string(), z.number()),
  proposals: z.record(z.string(), z.number()),
  exportBatches: z.number(),
  users: z.number(),
  auditEntries: z.number()
})

const Recent = z.array(z.object({ path: z.string(), openedAt: z.string() }))

export const workspaceChannels = {
  'app:info': {
    request: z.object({}),
    response: z.object({ version: z.string(), schemaVersion: z.number(), platform: z.string() })
  },
  /** Asks the platform for a path: a native dialog in Electron, a queue in the test harness. */
  'dialog:chooseWorkspace': {
    request: z.object({ mode: z.enum(['create', 'open']) }),
    response: z.object({ path: Path.nullable() })
  },
  /** Encrypted unless `plain`; the recovery secret comes back once, here, to be shown and forgotten. */
  'workspace:create': {
    request: z.object({ path: Path, plain: z.boolean().optional() }),
    response: WorkspaceStatus.extend({ recoverySecret: z.string().nullable() })
  },
  /** An encrypted workspace needs a user's password or the recovery secret (WORKSPACE_LOCKED without). */
  'workspace:open': { request: z.object({ path: Path, password: z.string().max(1024).optional() }), response: WorkspaceStatus },
  'workspace:close': { request: z.object({}), response: z.object({ closed: z.boolean() }) },
  'workspace:status': { request: z.object({}), response: WorkspaceStatus },
  'workspace:recent': { request: z.object({}), response: z.object({ recent: Recent }) }
} as const
