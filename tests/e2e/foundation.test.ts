import { existsSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { expect, test } from 'vitest'
import { APPLICATION_ID, LATEST, openWorkspace, unlockWorkspace } from '../../main/core/workspace/index.ts'
import { openApp } from './harness/browser.ts'
import { e2eSession } from './harness/session.ts'
import { createFirstSupervisor, signIn, unlock } from './harness/users.ts'

const e2e = e2eSession()

test('a clerk creates a workspace in the UI, switches language, and the file is on disk', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'vaxrecon-e2e-'))
  const path = join(dir, 'huyen-a.vaxrecon')
  const page = await openApp(e2e.browser, e2e.harness)

  await expect.poll(() => page.getByTestId('create-workspace').textContent()).toBe('Tạo không gian làm việc mới…')
  e2e.harness.dialogAnswers.push(path)
  await page.getByTestId('create-workspace').click()
  await createFirstSupervisor(page, 'Minh', 'minh-password-1')
  await page.getByTestId('page-overview').waitFor()
  expect(await page.getByTestId('workspace-path').textContent()).toBe(path)
  expect(await page.getByTestId('nav-import').textContent()).toBe('Nhập dữ liệu')
  expect(await page.getByTestId('tile-schema').locator('dd').textContent()).toBe(String(LATEST))

  await page.getByTestId('lang-toggle').click()
  expect(await page.getByTestId('nav-import').textContent()).toBe('Import')
  expect(await page.getByTestId('nav-review').textContent()).toBe('Review')
  expect(await page.evaluate(() => document.documentElement.lang)).toBe('en')
  // The choice survives a reload.
  await page.reload()
  expect(await page.getByTestId('create-workspace').textContent()).toBe('Create a new workspace…')

  expect(existsSync(path)).toBe(true)
  // Encrypted by default: plain SQLite cannot read it; the supervisor's password opens it.
  const plain = new Database(path, { readonly: true })
  expect(() => plain.pragma('user_version')).toThrow(/not a database/)
  plain.close()
  const ws = openWorkspace(path, await unlockWorkspace(path, 'minh-password-1'))
  expect(ws.db.pragma('user_version', { simple: true })).toBe(LATEST)
  expect(ws.db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID)
  expect(ws.db.pragma('journal_mode', { simple: true })).toBe('wal')
  ws.close()

  // It is remembered as a recent workspace and reopens from there, with a password.
  await page.getByTestId('recent-list').getByText(path).click()
  await unlock(page, 'not-her-password')
  await expect.poll(() => page.getByTestId('error-banner').getAttribute('data-code')).toBe('WORKSPACE_WRONG_PASSWORD')
  expect(await page.getByTestId('unlock-password').inputValue()).toBe('')
  await unlock(page, 'minh-password-1')
  await signIn(page, 'Minh', 'minh-password-1')
  await page.getByTestId('page-overview').waitFor()
  await page.context().close()
})

test('opening a file that is not a workspace shows a bilingual error and stays on the home screen', async () => {
  const page = await openApp(e2e.browser, e2e.harness)
  e2e.harness.dialogAnswers.push(join(process.cwd(), 'package.json'))
  await page.getByTestId('open-workspace').click()
  const banner = page.getByTestId('error-banner')
  await banner.waitFor()
  expect(await banner.getAttribute('data-code')).toBe('WORKSPACE_FOREIGN')
  expect(await banner.textContent()).toContain('không phải là không gian làm việc VaxRecon')
  await page.getByTestId('lang-toggle').click()
  expect(await banner.textContent()).toContain('not a VaxRecon workspace')
  expect(await page.getByTestId('create-workspace').isVisible()).toBe(true)
  await page.context().close()
})
