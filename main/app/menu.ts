import { Menu, type MenuItemConstructorOptions } from 'electron'

/** A short menu: the app is driven from its own navigation, the menu keeps the standard roles. */
export function installMenu(): void {
  const template: MenuItemConstructorOptions[] = [
    { role: 'fileMenu' },
    { role: 'editMenu' },
    { role: 'viewMenu' },
    { role: 'windowMenu' }
  ]
  Menu.setApplicationMenu(Menu.buildFromTemplate(template))
}
