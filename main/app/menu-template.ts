import type { MenuItemConstructorOptions } from 'electron'

/**
 * The application menu. The app is driven from its own navigation; the menu keeps the
 * standard roles. A packaged build has no reload and no DevTools (Electron's own 'viewMenu'
 * role carries both, with their shortcuts), so a clerk cannot wipe a page mid-decision and
 * nobody gets a console into the page; a source checkout keeps them for developers.
 */
export function menuTemplate(packaged: boolean): MenuItemConstructorOptions[] {
  const view: MenuItemConstructorOptions[] = [
    ...(packaged ? [] : ([{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, { type: 'separator' }] as const)),
    { role: 'resetZoom' },
    { role: 'zoomIn' },
    { role: 'zoomOut' },
    { type: 'separator' },
    { role: 'togglefullscreen' }
  ]
  return [
    { role: 'fileMenu' },
    { role: 'editMenu' },
    { label: 'View', submenu: view },
    { role: 'windowMenu' },
    { role: 'help', submenu: [{ role: 'about' }] }
  ]
}
