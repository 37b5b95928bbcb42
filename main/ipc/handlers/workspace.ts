import { createWorkspace, openWorkspace, LATEST } from '../../core/workspace/index.ts'
import { workspaceStatus } from '../../core/workspace/status.ts'
import type { Session } from '../session.ts'
import type { HandlerMap } from './types.ts'

export function workspaceHandlers(s: Session): HandlerMap<
  | 'app:info'
  | 'dialog:chooseWorkspace'
  | 'workspace:create'
  | 'workspace:open'
  | 'workspace:close'
  | 'workspace:status'
  | 'workspace:recent'
> {
  const activate = (ws: ReturnType<typeof openWorkspace>) => {
    s.replaceWorkspace(ws)
    s.recent.remember(ws.path)
    return workspaceStatus(ws)
  }
  return {
    'app:info': () => ({ version: s.platform.appVersion, schemaVersion: LATEST, platform: s.platform.platform }),
    'dialog:chooseWorkspace': async ({ mode }) => ({ path: s.paths.grant(await s.platform.chooseWorkspacePath(mode), 'workspace') }),
    'workspace:create': ({ path }) => activate(createWorkspace(s.paths.require(path, 'workspace'))),
    // A recent workspace is one main remembered itself, so it opens without a dialog.
    'workspace:open': ({ path }) => activate(openWorkspace(s.recent.list().some((r) => r.path === path) ? path : s.paths.require(path, 'workspace'))),
    'workspace:close': () => {
      s.replaceWorkspace(null)
      return { closed: true }
    },
    'workspace:status': () => workspaceStatus(s.workspace),
    'workspace:recent': () => ({ recent: s.recent.list() })
  }
}
