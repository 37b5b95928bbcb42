import { createEncryptedWorkspace, createWorkspace, openWorkspace, unlockWorkspace, LATEST } from '../../core/workspace/index.ts'
import { fileKind, lockedWorkspace } from '../../core/workspace/file-kind.ts'
import { setupKey } from '../../core/workspace/key-slots.ts'
import { workspaceStatus } from '../../core/workspace/status.ts'
import type { Session } from '../session.ts'
import type { HandlerMap } from './types.ts'

export function workspaceHandlers(
  s: Session
): HandlerMap<
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
    'workspace:create': ({ path: chosen, plain }) => {
      const path = s.paths.require(chosen, 'workspace')
      if (plain) return { ...activate(createWorkspace(path)), recoverySecret: null }
      const { workspace, recoverySecret } = createEncryptedWorkspace(path)
      return { ...activate(workspace), recoverySecret }
    },
    'workspace:open': async ({ path: chosen, password }) => {
      // A recent workspace is one main remembered itself, so it opens without a dialog.
      const path = s.recent.list().some((r) => r.path === chosen) ? chosen : s.paths.require(chosen, 'workspace')
      if (fileKind(path) !== 'encrypted') return activate(openWorkspace(path))
      // A new workspace whose first supervisor is not made yet opens without a password.
      const key = password === undefined ? setupKey(path) : await unlockWorkspace(path, password)
      if (!key) throw lockedWorkspace(path)
      return activate(openWorkspace(path, key))
    },
    'workspace:close': () => {
      s.replaceWorkspace(null)
      return { closed: true }
    },
    'workspace:status': () => workspaceStatus(s.workspace),
    'workspace:recent': () => ({ recent: s.recent.list() })
  }
}
