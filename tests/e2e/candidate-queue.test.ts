import Database from 'better-sqlite3'
import { beforeAll, expect, onTestFinished, test } from 'vitest'
import { reviewWorkspaceForSession, type ReviewFixture } from '../integration/review/fixture.ts'
import { LAPTOP, openApp } from './harness/browser.ts'
import { e2eSession } from './harness/session.ts'
import { signIn } from './harness/users.ts'

const e2e = e2eSession()
let f: ReviewFixture

beforeAll(async () => {
  f = await reviewWorkspaceForSession()
})

test('at 1366×768 the candidate queue is searched, finished from the keyboard, and its unmatched rest marked "not in the registry" in one go', async () => {
  const page = await openApp(e2e.browser, e2e.harness, { viewport: LAPTOP })
  onTestFinished(() => page.context().close())
  e2e.harness.dialogAnswers.push(f.path)
  await page.getByTestId('open-workspace').click()
  await signIn(page, 'Lan', 'mat-khau-lan')
  await page.getByTestId('nav-review').click()
  await page.getByTestId('review-tab-candidates').click()
  const queue = page.getByTestId('candidate-queue')
  const rows = () =>
    queue
      .getByTestId('queue-table')
      .locator('tbody tr')
      .evaluateAll((trs) => trs.map((r) => r.getAttribute('data-testid')))
  const [p4, p5] = [`queue-person-${f.person['P4']}`, `queue-person-${f.person['P5']}`]
  await expect.poll(rows).toEqual([p4, p5])

  await page.getByTestId('queue-search').fill('do minh')
  await expect.poll(rows).toEqual([p5])
  await page.getByTestId('queue-search').fill('')
  await expect.poll(rows).toEqual([p4, p5])

  // Keys alone: down and up the queue, Enter opens the candidates, 2 picks the namesake.
  await page.getByTestId(p4).focus()
  await page.keyboard.press('j')
  await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(p5)
  await page.keyboard.press('k')
  await page.keyboard.press('Enter')
  const panel = page.getByTestId('candidates-panel')
  await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('candidates-panel')
  await page.keyboard.press('2')
  await expect.poll(rows).toEqual([p5])
  // The next one opens by itself, with the keys.
  await expect.poll(() => panel.locator('li[data-record-id]').count()).toBe(2)
  await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('candidates-panel')

  // Everyone left whose best candidate weighs under 5: not in the registry, after the count.
  await page.getByTestId('not-in-registry-weight').fill('5')
  await expect.poll(() => page.getByTestId('not-in-registry-apply').getAttribute('data-count')).toBe('1')
  await page.getByTestId('not-in-registry-apply').click()
  await expect.poll(() => page.getByTestId('queue-message').textContent()).toContain('1 người')
  await queue.getByTestId('queue-table').waitFor({ state: 'detached' })

  const db = new Database(f.path, { readonly: true })
  try {
    const links = db
      .prepare(
        "SELECT subject_id, status, registry_record_id AS registry FROM links WHERE subject_kind = 'person' AND subject_id IN (?, ?) ORDER BY subject_id"
      )
      .all(f.person['P4'], f.person['P5'])
    expect(links).toEqual([
      { subject_id: f.person['P4'], status: 'confirmed', registry: f.rec['R5'] },
      { subject_id: f.person['P5'], status: 'confirmed', registry: null }
    ])
  } finally {
    db.close()
  }
})
