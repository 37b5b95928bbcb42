import { fileURLToPath } from 'node:url'
import { app, dialog, BrowserWindow } from 'electron'
import { Session } from '../ipc/session.ts'
import { emitTo, registerIpc } from './ipc.ts'
import { installMenu } from './menu.ts'
import { registerAppScheme, serveRenderer } from './protocol.ts'
import { hardenSessions } from './security.ts'
import { createMainWindow } from './window.ts'

registerAppScheme()

let mainWindow: BrowserWindow | null = null

const session = new Session({
  appVersion: app.getVersion(),
  platform: process.platform,
  stateDir: app.getPath('userData'),
  workerEntry: fileURLToPath(new URL('./worker.js', import.meta.url)),
  emit: emitTo(() => mainWindow),
  async chooseWorkspacePath(mode) {
    const filters = [{ name: 'VaxRecon workspace', extensions: ['vaxrecon'] }]
    if (!mainWindow) return null
    if (mode === 'create') {
      const r = await dialog.showSaveDialog(mainWindow, { filters, defaultPath: 'workspace.vaxrecon' })
      return r.canceled || !r.filePath ? null : r.filePath
    }
    const r = await dialog.showOpenDialog(mainWindow, { filters, properties: ['openFile'] })
    return r.canceled ? null : (r.filePaths[0] ?? null)
  },
  async chooseImportFile() {
    if (!mainWindow) return null
    const r = await dialog.showOpenDialog(mainWindow, {
      filters: [
        { name: 'Excel, CSV', extensions: ['xlsx', 'xlsm', 'csv', 'txt', 'xls', 'ods', 'xml', 'htm', 'html'] },
        { name: '*', extensions: ['*'] }
      ],
      properties: ['openFile']
    })
    return r.canceled ? null : (r.filePaths[0] ?? null)
  },
  async chooseDirectory() {
    if (!mainWindow) return null
    const r = await dialog.showOpenDialog(mainWindow, { properties: ['openDirectory', 'createDirectory'] })
    return r.canceled ? null : (r.filePaths[0] ?? null)
  },
  async chooseSavePath({ defaultName, extensions }) {
    if (!mainWindow) return null
    const r = await dialog.showSaveDialog(mainWindow, { defaultPath: defaultName, filters: [{ name: extensions.join(', '), extensions }] })
    return r.canceled || !r.filePath ? null : r.filePath
  }
})

void app.whenReady().then(() => {
  hardenSessions()
  serveRenderer(fileURLToPath(new URL('../renderer/', import.meta.url)))
  registerIpc(session)
  installMenu()
  mainWindow = createMainWindow()
  mainWindow.on('closed', () => (mainWindow = null))
})

app.on('window-all-closed', () => {
  session.replaceWorkspace(null)
  app.quit()
})
