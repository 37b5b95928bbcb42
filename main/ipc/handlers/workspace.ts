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
    'dialog:chooseWorkspace': async ({ mode }) => ({ path: await s.platform.chooseWorkspacePath(mode) }),
    'workspace:create': ({ path }) => activate(createWorkspace(path)),
    'workspace:open': ({ path }) => activate(openWorkspace(path)),
    'workspace:close': () => {
      s.replaceWorkspace(null)
      return { closed: true }
    },
    'workspace:status': () => workspaceStatus(s.workspace),
    'workspace:recent': () => ({ recent: s.recent.list() })
  }
}
