import { fileURLToPath } from 'node:url'
import { app, BrowserWindow } from 'electron'
import { APP_ORIGIN } from './protocol.ts'

export function createMainWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1360,
    height: 860,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    title: 'VaxRecon',
    webPreferences: {
      preload: fileURLToPath(new URL('../preload/index.cjs', import.meta.url)),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
      // No DevTools in a packaged build, whatever opens them (menu, shortcut or code).
      devTools: !app.isPackaged
    }
  })
  win.once('ready-to-show', () => win.show())
  // The dev server's address is honoured only from a source checkout: a packaged app always
  // loads its own bundled page, so an environment variable cannot point it at another site.
  const dev = app.isPackaged ? undefined : process.env['ELECTRON_RENDERER_URL']
  void win.loadURL(dev ?? `${APP_ORIGIN}/index.html`)
  return win
}
