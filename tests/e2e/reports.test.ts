import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { expect, test } from 'vitest'
import { addDays } from '../../main/core/reports/daily.ts'
import { vnDateIso } from '../../main/core/base/clock.ts'
import { approvedCorrections, fixtureWorkspace, PASSWORDS, propose } from '../helpers/corrections.ts'
import { tempDir } from '../helpers/tmp.ts'
import { openApp } from './harness/browser.ts'
import { e2eSession } from './harness/session.ts'
import { signIn } from './harness/users.ts'

const e2e = e2eSession()

/** Width and height from a PNG's IHDR chunk, after checking its signature. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true)
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) }
}

test('the Reports page shows progress day by day as charts and a table, per site too, saves each chart as PNG, and the supervisor signs the district report', async () => {
  const f = await fixtureWorkspace()
  const today = vnDateIso()
  const [d0, d1] = [addDays(today, -2), addDays(today, -1)]
  // Proposed two days ago (2 at Tản Lĩnh), yesterday (1 at Ba Vì hospital) and today (1, approved).
  const early = [propose(f.ws, f.clerk), propose(f.ws, f.clerk)]
  const mid = propose(f.ws, f.clerk, { site: 'Bệnh viện Đa khoa Ba Vì' })
  approvedCorrections(f.ws, f.clerk, f.minh, 1)
  f.ws.tx(() => {
    const at = f.ws.db.prepare('UPDATE proposals SET proposed_at = ? WHERE id = ?')
    for (const id of early) at.run(`${d0}T03:00:00.000Z`, id)
    at.run(`${d1}T03:00:00.000Z`, mid)
    f.ws.db.prepare('UPDATE imports SET imported_at = ?').run(`${d0}T02:00:00.000Z`)
  })
  f.ws.close()

  const page = await openApp(e2e.browser, e2e.harness)
  e2e.harness.dialogAnswers.push(f.path)
  await page.getByTestId('open-workspace').click()
  await signIn(page, 'Minh', PASSWORDS.minh)
  await page.getByTestId('nav-reports').click()
  const table = page.getByTestId('daily-table')
  await table.waitFor()
  const column = async (n: number) =>
    table.locator('tbody tr').evaluateAll((rows, i) => rows.map((r) => [r.getAttribute('data-day'), r.children[i]?.textContent]), n)
  // Columns: day, imported, linked, proposed, approved, exported, …
  expect(await column(3)).toEqual([
    [d0, '2'],
    [d1, '1'],
    [today, '1']
  ])
  expect(await column(1)).toEqual([
    [d0, '4'],
    [d1, '0'],
    [today, '0']
  ])
  expect(await column(4)).toEqual([
    [d0, '0'],
    [d1, '0'],
    [today, '1']
  ])
  await page.getByTestId('daily-scope').selectOption({ label: 'Bệnh viện Đa khoa Ba Vì' })
  expect(await column(3)).toEqual([
    [d0, '0'],
    [d1, '1'],
    [today, '0']
  ])
  expect(await page.getByTestId('chart-daily-work').locator('polyline').count()).toBe(5)

  // Each chart saves as a PNG at twice its drawn size.
  for (const [chart, name] of [
    ['chart-daily-work', /^tien-do-theo-ngay-\d{8}\.png$/],
    ['chart-linked', /^ty-le-lien-ket-\d{8}\.png$/]
  ] as const) {
    const svg = await page
      .getByTestId(chart)
      .locator('svg')
      .evaluate((s) => ({ width: (s as SVGSVGElement).width.baseVal.value, height: (s as SVGSVGElement).height.baseVal.value }))
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(`${chart}-png`).click()])
    expect(download.suggestedFilename()).toMatch(name)
    const size = pngSize(readFileSync(await download.path()))
    expect(size).toEqual({ width: Math.ceil(svg.width * 2), height: Math.ceil(svg.height * 2) })
  }

  // The supervisor signs the district report from the page: minisign accepts it.
  const out = join(tempDir(), 'bao-cao-ba-vi.xlsx')
  e2e.harness.dialogAnswers.push(out)
  await page.getByTestId('report-password').fill(PASSWORDS.minh)
  await page.getByTestId('report-sign').click()
  await page.locator('[data-testid="report-saved"][data-signed="true"]').waitFor()
  const ms = spawnSync('minisign', ['-V', '-p', join(dirname(out), 'bao-cao-ba-vi.pub'), '-m', out], { encoding: 'utf8' })
  expect(ms.status, ms.stderr).toBe(0)
  expect(ms.stdout).toContain('report:district district:271')
  expect(await page.getByTestId('report-password').inputValue()).toBe('')
  await page.context().close()
})
