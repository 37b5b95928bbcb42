import { app, Menu } from 'electron'
import { menuTemplate } from './menu-template.ts'

export function installMenu(): void {
  // The About panel shows the name and version electron-builder copies from package.json.
  app.setAboutPanelOptions({
    applicationName: app.getName(),
    applicationVersion: app.getVersion(),
    copyright: 'MIT licence',
    credits: 'Đối soát dữ liệu tiêm chủng COVID-19 với CSDL dân cư (Reconciliation of vaccination records with the population registry)'
  })
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(app.isPackaged)))
}
