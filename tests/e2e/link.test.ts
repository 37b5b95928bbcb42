import { join } from 'node:path'
import { expect, test } from 'vitest'
import { addUser } from '../../main/core/users/users.ts'
import { createWorkspace, openWorkspace } from '../../main/core/workspace/index.ts'
import { population, siteRow, siteRows } from '../integration/link/population.ts'
import { insertRows } from '../integration/link/records.ts'
import { tempDir } from '../helpers/tmp.ts'
import { openApp } from './harness/browser.ts'
import { e2eSession } from './harness/session.ts'
import { signIn } from './harness/users.ts'

const SCREENSHOTS = new URL('../../docs/screenshots/', import.meta.url).pathname

const e2e = e2eSession()

const count = (path: string, status: string): number => {
  const ws = openWorkspace(path)
  try {
    return (ws.db.prepare('SELECT count(*) AS n FROM links WHERE status = ?').get(status) as { n: number }).n
  } finally {
    ws.close()
  }
}

test('a clerk runs linkage, moves the thresholds on the histogram, applies them and reads a waterfall', async () => {
  const path = join(tempDir('vaxrecon-e2e-link-'), 'link.vaxrecon')
  const ws = createWorkspace(path)
  await addUser(ws, null, { name: 'Lan', role: 'clerk', password: 'lan-password-1' })
  const people = population(600, 21)
  insertRows(ws, 'registry', 'registry.xlsx', people)
  const site = siteRows(people, 22)
  // One row no threshold will auto-link: a namesake-free person with only a year and no ID.
  const lonely = people[0]
  if (!lonely) throw new Error('population() made nobody')
  insertRows(ws, 'site', 'site.xlsx', [...site.rows, siteRow(lonely, ['no_id', 'year_only', 'no_diacritics'])])
  ws.close()

  const page = await openApp(e2e.browser, e2e.harness)
  e2e.harness.dialogAnswers.push(path)
  await page.getByTestId('open-workspace').click()
  await signIn(page, 'Lan', 'lan-password-1')
  await page.getByTestId('nav-link').click()
  await page.getByTestId('link-run').click()
  await page.getByTestId('link-done').waitFor({ timeout: 60_000 })

  const autoTile = page.getByTestId('link-status-auto')
  await expect.poll(async () => Number((await autoTile.textContent())?.replace(/\D/g, '')), { timeout: 10_000 }).toBe(count(path, 'auto'))
  expect(count(path, 'auto')).toBeGreaterThan(400)
  await page.getByTestId('link-histogram').waitFor()

  // Move the auto-link threshold with the keyboard: 20 bits up, Shift+→ four times.
  const slider = page.getByTestId('link-threshold-auto')
  await slider.focus()
  for (let i = 0; i < 4; i++) await slider.press('Shift+ArrowRight')
  expect(await slider.getAttribute('aria-valuenow')).toBe('30')
  expect(await page.getByTestId('link-threshold-auto-input').inputValue()).toBe('30')
  await page.getByTestId('link-preview').waitFor()
  const previewAuto = Number((await page.getByTestId('link-preview-auto').textContent())?.replace(/\D/g, ''))
  expect(previewAuto).toBeLessThan(count(path, 'auto'))
  // Nothing is saved until Apply.
  expect(count(path, 'auto')).toBeGreaterThan(previewAuto)

  await page.getByTestId('link-apply').click()
  await expect.poll(() => count(path, 'auto'), { timeout: 60_000 }).toBe(previewAuto)
  await expect.poll(async () => Number((await autoTile.textContent())?.replace(/\D/g, '')), { timeout: 10_000 }).toBe(previewAuto)

  // The review band lists what the higher threshold held back; open one and read why.
  await page.getByTestId('link-tab-review').click()
  const firstRow = page.getByTestId('link-table').locator('tbody tr').first()
  await firstRow.locator('button').click()
  await page.getByTestId('link-detail').waitFor()
  await page.getByTestId('link-waterfall').getByTestId('waterfall-prior').waitFor()
  expect(await page.getByTestId('link-waterfall').getByTestId('waterfall-given_name').textContent()).toContain('Tên')
  // For the README: the histogram, the thresholds, the review band and one waterfall.
  await page.setViewportSize({ width: 1400, height: 1300 })
  await page.getByTestId('link-histogram').scrollIntoViewIfNeeded()
  await page.screenshot({ path: `${SCREENSHOTS}linkage.png` })
  await page.getByTestId('lang-toggle').click()
  expect(await page.getByTestId('link-waterfall').getByTestId('waterfall-given_name').textContent()).toContain('Given name')
  await page.context().close()
})
