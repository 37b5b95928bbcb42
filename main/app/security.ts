import { app, session, type WebContents } from 'electron'
import { APP_ORIGIN } from './protocol.ts'

/** Pages we trust to call IPC: our own origin, or the electron-vite dev server in development. */
export function isTrustedUrl(url: string): boolean {
  if (url.startsWith(`${APP_ORIGIN}/`)) return true
  const dev = process.env['ELECTRON_RENDERER_URL']
  return !app.isPackaged && dev !== undefined && url.startsWith(dev)
}

/** Locks down every web contents: no navigation away, no new windows, no permissions. */
export function hardenSessions(): void {
  session.defaultSession.setPermissionRequestHandler((_wc, _perm, callback) => callback(false))
  app.on('web-contents-created', (_e, contents: WebContents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isTrustedUrl(url)) event.preventDefault()
    })
    contents.setWindowOpenHandler(() => ({ action: 'deny' }))
    contents.on('will-attach-webview', (event) => event.preventDefault())
  })
}
