import { fileURLToPath } from 'node:url'
import { BrowserWindow } from 'electron'
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
      spellcheck: false
    }
  })
  win.once('ready-to-show', () => win.show())
  const dev = process.env['ELECTRON_RENDERER_URL']
  void win.loadURL(dev ?? `${APP_ORIGIN}/index.html`)
  return win
}
