import { mkdirSync } from 'node:fs'
import Database from 'better-sqlite3'
import { beforeAll, expect, test } from 'vitest'
import { inlineContext } from '../../main/core/base/job-context.ts'
import { rebuildDiffs } from '../../main/core/review/diffs.ts'
import { buildReviewWorkspace, type ReviewFixture } from '../integration/review/fixture.ts'
import { LAPTOP, openApp } from './harness/browser.ts'
import { e2eSession } from './harness/session.ts'
import { signIn } from './harness/users.ts'

const e2e = e2eSession()
let f: ReviewFixture
const SCREENSHOTS = new URL('../../docs/screenshots/', import.meta.url).pathname

beforeAll(async () => {
  f = await buildReviewWorkspace()
  rebuildDiffs(f.ws, inlineContext())
  // Linkage's verdict on the wrong-date complaint: the site row records that dose on another day.
  f.ws.tx(() =>
    f.ws.db
      .prepare(
        "INSERT INTO complaint_evidence (complaint_record_id, site_record_id, relation, reasons_json) VALUES (?, ?, 'contradicts', ?)"
      )
      .run(f.rec['C2'], f.rec['S3'], JSON.stringify(['date_differs', 'same_vaccine', 'same_dose_number']))
  )
  f.ws.close()
})

test('at 1366×768 the queue puts the complaint still in time first with a live countdown, searches and filters; a rejection is stored with who made it', async () => {
  const page = await openApp(e2e.browser, e2e.harness, { viewport: LAPTOP })
  e2e.harness.dialogAnswers.push(f.path)
  await page.getByTestId('open-workspace').click()
  await signIn(page, 'Lan', 'mat-khau-lan')
  await page.getByTestId('nav-complaints').click()
  const queue = page.getByTestId('complaints-queue')
  await queue.waitFor()
  const shown = () => queue.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-testid')))
  // The one that can still be answered in time first, then the overdue one.
  expect(await shown()).toEqual(['complaint-KN-0001', 'complaint-KN-0002'])
  // The queue fits the laptop's width: nothing to scroll sideways.
  expect(await page.getByTestId('page-complaints').evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true)
  expect(await page.getByTestId('complaint-KN-0002').getAttribute('data-overdue')).toBe('true')
  expect(await page.getByTestId('complaint-KN-0001').getAttribute('data-overdue')).toBe('false')
  expect(await page.getByTestId('complaints-counts').textContent()).toContain('1 quá hạn')

  // Submitted 30 hours ago: about 18 hours left, and it counts down while the clerk watches.
  const countdown = page.getByTestId('complaint-KN-0001').getByTestId('countdown')
  const first = (await countdown.textContent()) ?? ''
  expect(first).toMatch(/^Còn 1[78]:\d\d:\d\d$/)
  await expect.poll(() => countdown.textContent(), { timeout: 5000 }).not.toBe(first)
  mkdirSync(SCREENSHOTS, { recursive: true })
  await page.screenshot({ path: `${SCREENSHOTS}complaints-queue.png` })

  // Search by name without accents, by ID number; filter by state and type.
  const search = page.getByTestId('complaints-search')
  await search.fill('tran thi')
  await expect.poll(shown).toEqual(['complaint-KN-0002'])
  await search.fill('001085012345')
  await expect.poll(shown).toEqual(['complaint-KN-0001'])
  await search.fill('')
  await page.getByTestId('complaints-filter-state').selectOption('overdue')
  await expect.poll(shown).toEqual(['complaint-KN-0002'])
  await page.getByTestId('complaints-filter-state').selectOption('*')
  await page.getByTestId('complaints-filter-claim').selectOption('missing_dose')
  await expect.poll(shown).toEqual(['complaint-KN-0001'])
  await page.getByTestId('complaints-filter-claim').selectOption('*')
  await expect.poll(shown).toEqual(['complaint-KN-0001', 'complaint-KN-0002'])

  // The overdue one: its evidence side by side, then rejected because the site row says otherwise.
  await page.getByTestId('complaint-KN-0002').click()
  const evidence = page.getByTestId('complaint-evidence')
  await evidence.waitFor()
  expect(await page.getByTestId('evidence-registry').textContent()).toContain('Trần Thị Bích')
  expect(await page.getByTestId('evidence-site').locator('tr.rel-contradicts').count()).toBe(1)
  expect(await page.getByTestId('evidence-hints').textContent()).toContain('Ngày tiêm không khớp')
  await page.getByTestId('outcome-rejected').check()
  // The reason the evidence points to is offered first.
  expect(await page.getByTestId('outcome-reason').inputValue()).toBe('date_mismatch')
  await page.getByTestId('outcome-note').fill('Sổ tiêm ghi ngày 15/09/2021')
  await page.getByTestId('outcome-save').click()
  await page.getByTestId('complaints-message').waitFor()
  await expect.poll(() => queue.locator('tbody tr').count()).toBe(1)

  await page.getByTestId('complaints-view-resolved').click()
  await expect.poll(() => page.getByTestId('complaint-KN-0002').textContent()).toContain('trễ hạn')
  // Who resolved it, and when (the date's format is the renderer's formatting, not checked here).
  const by = (await page.getByTestId('complaint-KN-0002').getByTestId('resolved-by').textContent()) ?? ''
  expect(by).toMatch(/^Lan, .*\d{1,2}:\d{2}/)
  await page.context().close()

  const db = new Database(f.path, { readonly: true })
  try {
    expect(
      db.prepare('SELECT o.outcome, o.reason_code, o.note, u.name FROM complaint_outcomes o JOIN users u ON u.id = o.decided_by').all()
    ).toEqual([{ outcome: 'rejected', reason_code: 'date_mismatch', note: 'Sổ tiêm ghi ngày 15/09/2021', name: 'Lan' }])
    // A rejection proposes nothing.
    expect(db.prepare('SELECT count(*) FROM proposals').pluck().get()).toBe(0)
  } finally {
    db.close()
  }
})
