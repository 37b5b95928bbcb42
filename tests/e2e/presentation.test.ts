import { mkdirSync } from 'node:fs'
import Database from 'better-sqlite3'
import type { Page } from 'playwright-core'
import { beforeAll, expect, test } from 'vitest'
import { fullFlowWorkspace } from '../helpers/full-flow.ts'
import { openApp } from './harness/browser.ts'
import { e2eSession } from './harness/session.ts'
import { signIn } from './harness/users.ts'
import { PASSWORDS } from '../helpers/corrections.ts'

// Both the core (this process) and the browser run on a New York clock: the app must still
// show Vietnam's dates and times, one way, with no internal keys and no English in Vietnamese.
process.env.TZ = 'America/New_York'
const ZONE = 'America/New_York'
// The README's pictures of the pages this test owns, at a clerk's 1366×768.
const SCREENSHOTS = new URL('../../docs/screenshots/', import.meta.url).pathname
const SHOTS = ['overview', 'approve', 'reports']

const e2e = e2eSession()
let path = ''
beforeAll(async () => {
  const f = await fullFlowWorkspace()
  path = f.path
  f.ws.close()
})

const ISO_DATE = /\d{4}-\d{2}-\d{2}/
const DATE_TIME = /\b\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}\b/g
// Keys core keeps: snake_case names, statuses followed by a count, ag-grid's own English.
const RAW_KEYS = [
  /\b[a-z]+(?:_[a-z]+)+\b/,
  /\bdob\b/,
  /(?:^|[·\n(]\s*)(?:none|auto|review|confirmed|rejected|proposed|approved|withdrawn|exported|superseded|deferred|open|done|unlinked|defer|edit|pick)\s*[:×]/m,
  /No Rows To Show|Loading\.\.\./
]
// Common English words that have no place in the Vietnamese UI.
// (A file name such as complaints.xlsx is data, not text.)
const ENGLISH =
  /\b(?:the|and|of|for|with|from|rows?|not|loading|error|show|page|cancel|save|approved|rejected|deferred|pending|total|records?|linked|review|export|import|complaints?|persons?|registry|site|none|open|done|auto)\b(?![.\w])/i

/** dd/mm/yyyy HH:mm on one zone's clock. */
const clockText = (zone: string, d: Date): string =>
  new Intl.DateTimeFormat('en-GB', {
    timeZone: zone,
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23'
  })
    .format(d)
    .replace(',', '')

/** Every instant the workspace keeps, as Vietnam's clock shows it and as New York's would. */
function instantsShown(): { vn: Set<string>; elsewhere: Set<string> } {
  const db = new Database(path, { readonly: true })
  const vn = new Set<string>()
  const elsewhere = new Set<string>()
  try {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").pluck().all() as string[]
    for (const t of tables) {
      const cols = (db.prepare(`PRAGMA table_info("${t}")`).all() as { name: string; type: string }[]).filter((c) =>
        /TEXT|^$/i.test(c.type)
      )
      for (const c of cols) {
        const values = db
          .prepare(`SELECT DISTINCT "${c.name}" FROM "${t}" WHERE "${c.name}" GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T*'`)
          .pluck()
          .all() as string[]
        for (const v of values) {
          const d = new Date(v)
          if (Number.isNaN(d.getTime())) continue
          vn.add(clockText('Asia/Ho_Chi_Minh', d))
          elsewhere.add(clockText(ZONE, d))
        }
      }
    }
  } finally {
    db.close()
  }
  return { vn, elsewhere }
}

/** What the page shows: its text and the values of its fields. */
const shown = (page: Page) =>
  page.evaluate(() => {
    // A select shows its option's text; its value is a key the clerk never sees.
    const fields = [...document.querySelectorAll('input, textarea, select')]
      .map((e) => (e instanceof HTMLSelectElement ? (e.selectedOptions[0]?.textContent ?? '') : (e as HTMLInputElement).value))
      .filter((v) => v !== '' && !/^(on|\d+)$/.test(v))
    return [document.body.innerText, ...fields].join('\n')
  })

async function settle(page: Page, testIds: string): Promise<void> {
  await page
    .locator(
      testIds
        .split(' ')
        .map((id) => `[data-testid="${id}"]`)
        .join(', ')
    )
    .first()
    .waitFor({ timeout: 20_000 })
  // Pages fetch their figures after they appear; let those land.
  await page.waitForTimeout(600)
}

const PAGES: { step: string; ready: string; open?: (page: Page) => Promise<void> }[] = [
  { step: 'overview', ready: 'work-left' },
  { step: 'import', ready: 'import-wizard' },
  {
    step: 'link',
    ready: 'link-statuses',
    open: async (page) => {
      const row = page.locator('[data-testid^="link-row-"] button').first()
      if (await row.count()) {
        await row.click()
        await settle(page, 'link-detail')
      }
    }
  },
  { step: 'review', ready: 'review-grid' },
  {
    step: 'complaints',
    ready: 'complaints-queue',
    open: async (page) => {
      const row = page
        .locator('[data-testid^="complaint-"]')
        .filter({ has: page.locator('td') })
        .first()
      if (await row.count()) {
        await row.click()
        await settle(page, 'complaint-evidence')
      }
    }
  },
  { step: 'approve', ready: 'approve-table approve-empty' },
  { step: 'export', ready: 'batch-table' },
  { step: 'reports', ready: 'report-table' }
]

test('every page reads as one product in Vietnamese and English on a New York clock: Vietnam time, dd/mm/yyyy, no internal keys, no console errors', async () => {
  const errors: string[] = []
  const page = await openApp(e2e.browser, e2e.harness, { timezoneId: ZONE, viewport: { width: 1366, height: 768 }, errors })
  expect(await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe(ZONE)
  e2e.harness.dialogAnswers.push(path)
  await page.getByTestId('open-workspace').click()
  await signIn(page, 'Minh', PASSWORDS.minh)
  // Overview's tiles of work left open the page that lists what they count.
  await page.getByTestId('tile-left-candidates').click()
  await expect.poll(() => page.getByTestId('review-tab-candidates').getAttribute('aria-selected')).toBe('true')
  await page.getByTestId('nav-overview').click()
  await page.getByTestId('tile-left-approval').click()
  await page.getByTestId('page-approve').waitFor()
  // The overdue tile opens the complaints filtered to the overdue, as many as it counts.
  await page.getByTestId('nav-overview').click()
  const overdue = (await page.getByTestId('tile-left-overdue').locator('dd').textContent()) ?? ''
  await page.getByTestId('tile-left-overdue').click()
  await expect.poll(() => page.getByTestId('complaints-filter-state').inputValue()).toBe('overdue')
  await expect.poll(() => page.getByTestId('complaints-shown').textContent()).toMatch(new RegExp(`(^|\\D)${overdue}(\\D|$)`))
  const { vn, elsewhere } = instantsShown()
  const problems: string[] = []
  const dateTimesSeen = new Set<string>()

  for (const lang of ['vi', 'en'] as const) {
    if (lang === 'en') await page.getByTestId('lang-toggle').click()
    for (const p of PAGES) {
      await page.getByTestId(`nav-${p.step}`).click()
      await settle(page, p.ready)
      await p.open?.(page)
      if (lang === 'vi' && SHOTS.includes(p.step)) {
        mkdirSync(SCREENSHOTS, { recursive: true })
        await page.screenshot({ path: `${SCREENSHOTS}${p.step}.png` })
      }
      const text = await shown(page)
      const where = `${lang}/${p.step}`
      check(where, text, lang)
      if (p.step === 'reports') {
        // No two value labels of a chart overlap; a site name cut to fit has its full text on hover.
        const charts = await page.evaluate(() =>
          [...document.querySelectorAll('figure.chart svg')].map((svg) => ({
            values: [...svg.querySelectorAll('[data-testid="chart-value"]')].map((e) => {
              const r = e.getBoundingClientRect()
              return { x: r.left, y: r.top, w: r.width, h: r.height }
            }),
            labels: [...svg.querySelectorAll('[data-testid="chart-label"]')].map((e) => ({
              shown: [...e.childNodes]
                .filter((n) => n.nodeType === Node.TEXT_NODE)
                .map((n) => n.textContent ?? '')
                .join(''),
              full: e.querySelector('title')?.textContent ?? ''
            }))
          }))
        )
        expect(charts.length).toBeGreaterThan(0)
        for (const c of charts) {
          for (const [i, a] of c.values.entries())
            for (const b of c.values.slice(i + 1))
              expect(a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h).toBe(false)
          for (const l of c.labels)
            expect(l.shown.endsWith('…') ? l.full.startsWith(l.shown.slice(0, -1)) && l.full.length > l.shown.length - 1 : true).toBe(true)
          expect(c.labels.every((l) => l.full !== '')).toBe(true)
        }
      }
      if (p.step === 'review') {
        // The grid really shows dates and genders, the clerk's way.
        expect(text).toMatch(/\b\d{2}\/\d{2}\/\d{4}\b/)
        expect(text).toMatch(lang === 'vi' ? /\b(Nam|Nữ)\b/ : /\b(Male|Female)\b/)
      }
    }
  }
  // The start screen's recent list, once the workspace is closed: opened minutes ago.
  for (let m = -10; m <= 10; m++) {
    const at = new Date(Date.now() + m * 60_000)
    vn.add(clockText('Asia/Ho_Chi_Minh', at))
    elsewhere.add(clockText(ZONE, at))
  }
  await page.getByTestId('close-workspace').click()
  await page.getByTestId('recent-list').waitFor()
  check('en/home', await shown(page), 'en')
  await page.getByTestId('lang-toggle').click()
  await page.waitForTimeout(200)
  check('vi/home', await shown(page), 'vi')

  expect(problems).toEqual([])
  // The times shown are the workspace's own instants on Vietnam's clock.
  expect([...dateTimesSeen].filter((d) => vn.has(d)).length).toBeGreaterThan(0)
  expect(errors).toEqual([])
  await page.context().close()

  function check(where: string, text: string, lang: 'vi' | 'en'): void {
    const iso = ISO_DATE.exec(text)
    if (iso) problems.push(`${where}: ISO date ${iso[0]}`)
    for (const m of text.matchAll(DATE_TIME)) {
      dateTimesSeen.add(m[0])
      if (elsewhere.has(m[0]) && !vn.has(m[0])) problems.push(`${where}: ${m[0]} is New York time`)
    }
    for (const re of RAW_KEYS) {
      const k = re.exec(text)
      if (k) problems.push(`${where}: raw key "${k[0]}" in …${text.slice(Math.max(0, k.index - 40), k.index + 40).replace(/\s+/g, ' ')}…`)
    }
    if (lang === 'vi') {
      const w = ENGLISH.exec(text)
      if (w) problems.push(`${where}: English "${w[0]}" in …${text.slice(Math.max(0, w.index - 40), w.index + 40).replace(/\s+/g, ' ')}…`)
    }
  }
})
