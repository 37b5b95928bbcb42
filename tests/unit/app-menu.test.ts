import type { MenuItemConstructorOptions } from 'electron'
import { expect, test } from 'vitest'
import { menuTemplate } from '../../main/app/menu-template.ts'

function roles(items: MenuItemConstructorOptions[]): string[] {
  return items.flatMap((i) => [
    ...(i.role ? [i.role] : []),
    ...(Array.isArray(i.submenu) ? roles(i.submenu as MenuItemConstructorOptions[]) : [])
  ])
}

test('a packaged menu has no reload or DevTools, a source checkout keeps them; both have About', () => {
  const packaged = roles(menuTemplate(true))
  for (const r of ['reload', 'forceReload', 'toggleDevTools', 'viewMenu']) expect(packaged).not.toContain(r)
  expect(packaged).toContain('about')
  expect(roles(menuTemplate(false))).toEqual(expect.arrayContaining(['reload', 'toggleDevTools', 'about']))
})
