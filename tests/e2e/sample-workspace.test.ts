import { existsSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test } from 'vitest'
import { sampleFolderFor } from '../../main/core/demo/sample-workspace.ts'
import { openWorkspace, unlockWorkspace } from '../../main/core/workspace/index.ts'
import { readCsv } from '../integration/demo-helpers.ts'
import { openApp } from './harness/browser.ts'
import { e2eSession } from './harness/session.ts'
import { createFirstSupervisor } from './harness/users.ts'

const e2e = e2eSession()

test('"Mở dữ liệu mẫu" makes a workspace, fills it with the sample data and opens it', async () => {
  const path = join(mkdtempSync(join(tmpdir(), 'vaxrecon-e2e-')), 'thu-mau.vaxrecon')
  const page = await openApp(e2e.browser, e2e.harness)

  const button = page.getByTestId('open-sample')
  await expect.poll(() => button.textContent()).toBe('Mở dữ liệu mẫu…')
  // Keyboard first: the button is reachable and explained.
  await button.focus()
  expect(await button.getAttribute('aria-describedby')).toBe('sample-hint')
  e2e.harness.dialogAnswers.push(path)
  await page.keyboard.press('Enter')
  await page.getByTestId('sample-running').waitFor()
  // The progress line names its stage (never a bare "0 / 7"), and says how long it has run.
  await expect.poll(() => page.getByTestId('job-stage').textContent(), { timeout: 30_000 }).toMatch(/^(Tạo dữ liệu mẫu|Nhập tệp)$/)
  expect(await page.getByTestId('job-elapsed').textContent()).toMatch(/^Đã chạy \d+ s$/)

  // When the job is done the new workspace opens; its first user is created as usual.
  // (encrypted like any new workspace: its recovery secret is shown first)
  await page.getByTestId('recovery-secret-done').waitFor({ timeout: 90_000 })
  await createFirstSupervisor(page, 'Lan', 'lan-password-1')
  await page.getByTestId('page-overview').waitFor()

  const truth = (f: string) => readCsv(join(sampleFolderFor(path), 'truth', f)).length
  const tile = (id: string) => page.getByTestId(`tile-${id}`).locator('dd').textContent()
  expect(Number((await tile('records-site'))?.replace(/\D/g, ''))).toBe(truth('site_rows.csv'))
  expect(Number((await tile('records-registry'))?.replace(/\D/g, ''))).toBe(truth('registry_rows.csv'))
  expect(Number((await tile('records-complaint'))?.replace(/\D/g, ''))).toBe(truth('complaint_rows.csv'))
  expect(await tile('rejects')).toBe('0')

  expect(existsSync(join(sampleFolderFor(path), 'registry.xlsx'))).toBe(true)
  const ws = openWorkspace(path, await unlockWorkspace(path, 'lan-password-1'))
  expect((ws.db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'sample.create'").get() as { n: number }).n).toBe(1)
  ws.close()
  await page.context().close()
})
