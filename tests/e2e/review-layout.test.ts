import { mkdirSync } from 'node:fs'
import Database from 'better-sqlite3'
import type { Page } from 'playwright-core'
import { beforeAll, expect, onTestFinished, test } from 'vitest'
import { reviewWorkspaceForSession, type ReviewFixture } from '../integration/review/fixture.ts'
import { LAPTOP, openApp } from './harness/browser.ts'
import { e2eSession } from './harness/session.ts'
import { signIn } from './harness/users.ts'

const SCREENSHOTS = new URL('../../docs/screenshots/', import.meta.url).pathname
const e2e = e2eSession()
let f: ReviewFixture

beforeAll(async () => {
  f = await reviewWorkspaceForSession()
  // Linkage held Phạm Thị Dung's link because the registry has her namesake.
  const db = new Database(f.path)
  db.prepare("UPDATE links SET hold_reason = 'namesake' WHERE id = ?").run(f.link['P4'])
  db.close()
  mkdirSync(SCREENSHOTS, { recursive: true })
})

/** The grid's name, status and first three compared fields: what a clerk needs to decide. */
const REQUIRED = ['name', 'status', 'full_name', 'dob', 'gender']

/**
 * Which of the required columns are wholly on screen: inside the grid's visible area and
 * not under anything else (a panel, the facets).
 */
const visibleColumns = (page: Page) =>
  page.evaluate((required) => {
    const grid = document.querySelector('[data-testid=review-grid] .ag-root')?.getBoundingClientRect()
    if (!grid) return []
    return required.filter((colId) => {
      const header = document.querySelector(`[data-testid=review-grid] .ag-header-cell[col-id="${colId}"]`)
      const r = header?.getBoundingClientRect()
      if (!r || r.width < 40 || r.left < grid.left - 1 || r.right > grid.right + 1 || r.right > window.innerWidth) return false
      // What lies at the header's middle is the header itself, not a panel drawn over it.
      const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2)
      return hit !== null && header?.contains(hit) === true
    })
  }, REQUIRED)

/** Whether an element is one line: no taller than its tallest child, nothing clipped or pushed past the screen. */
const oneLine = (page: Page, testId: string) =>
  page.getByTestId(testId).evaluate((el) => {
    const kids = [...el.children].map((c) => c.getBoundingClientRect()).filter((r) => r.height > 0)
    const tallest = Math.max(...kids.map((r) => r.height))
    const box = el.getBoundingClientRect()
    return box.height < tallest * 1.5 && el.scrollWidth <= el.clientWidth + 1 && kids.every((r) => r.right <= window.innerWidth)
  })

test('at 1366×768 the toolbar is one line and the grid keeps name, status and three fields with each panel open', async () => {
  const page = await openApp(e2e.browser, e2e.harness, { viewport: LAPTOP })
  onTestFinished(() => page.context().close())
  e2e.harness.dialogAnswers.push(f.path)
  await page.getByTestId('open-workspace').click()
  await signIn(page, 'Lan', 'mat-khau-lan')
  await page.getByTestId('nav-review').click()
  const row = (i: number) => page.locator(`[data-testid=review-grid] .ag-row[row-index="${i}"]`)
  await row(4).waitFor()

  await page.screenshot({ path: `${SCREENSHOTS}review-1366.png` })
  expect(await oneLine(page, 'review-toolbar')).toBe(true)
  expect(await visibleColumns(page)).toEqual(REQUIRED)
  // The grid starts in the top half of the screen and shows a working page of rows.
  const grid = await page.getByTestId('review-grid').boundingBox()
  expect(grid?.y).toBeLessThan(250)
  expect((grid?.height ?? 0) / 54).toBeGreaterThan(7)

  // The doses panel (p on the first row).
  await row(0).locator('[col-id=name]').click()
  await page.keyboard.press('p')
  const person = page.getByTestId('person-panel')
  await person.waitFor()
  expect(await visibleColumns(page)).toEqual(REQUIRED)
  // Its tables fit: no sideways scroll, dates on one line, long addresses clamped with the full text on hover.
  expect(
    await person.evaluate((el) => [...el.querySelectorAll('table')].every((t) => t.scrollWidth <= (t.parentElement?.clientWidth ?? 0) + 1))
  ).toBe(true)
  const dates = person.locator('td.date, .date > dd')
  expect(await dates.count()).toBeGreaterThan(0)
  await page.screenshot({ path: `${SCREENSHOTS}review-1366-doses.png` })
  // One line each: the text's boxes all share one top edge.
  const lineCounts = await dates.evaluateAll((cells) =>
    cells.map((c) => {
      const range = document.createRange()
      range.selectNodeContents(c)
      return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size
    })
  )
  expect(lineCounts.every((n) => n === 1)).toBe(true)
  const address = person.locator('.address dd').first()
  expect(await address.getAttribute('title')).toContain('Huyện Đan Phượng')

  // The drawer is resizable; however wide it is dragged, the required columns stay.
  const handle = page.getByTestId('panel-resize')
  const box = await handle.boundingBox()
  if (!box) throw new Error('no resize handle')
  await page.mouse.move(box.x + box.width / 2, box.y + 100)
  await page.mouse.down()
  await page.mouse.move(box.x - 600, box.y + 100, { steps: 5 })
  await page.mouse.up()
  expect(await visibleColumns(page)).toEqual(REQUIRED)
  await page.keyboard.press('Escape')
  await person.waitFor({ state: 'detached' })

  // The candidates panel (c on the review-band row).
  await row(4).locator('[col-id=name]').click()
  await page.keyboard.press('c')
  const candidates = page.getByTestId('candidates-panel')
  await candidates.waitFor()
  expect(await visibleColumns(page)).toEqual(REQUIRED)
  // Both namesakes side by side: what tells them apart (ID, address) is marked, the name is not.
  expect(await page.getByTestId('candidates-hold').textContent()).toContain('trùng họ tên')
  const compare = page.getByTestId('candidates-compare')
  expect(await compare.locator('tr[data-differs=true]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-field')))).toEqual([
    'nationalId',
    'address'
  ])
  expect(await page.getByTestId('candidate-relation-2').textContent()).toContain('trùng họ tên')
  expect(
    await candidates.evaluate((el) =>
      [...el.querySelectorAll('table')].every((t) => t.scrollWidth <= (t.parentElement?.clientWidth ?? 0) + 1)
    )
  ).toBe(true)
  await page.screenshot({ path: `${SCREENSHOTS}review-1366-candidates.png` })
})
