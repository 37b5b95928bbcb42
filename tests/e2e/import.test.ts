import { existsSync } from 'node:fs'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import type { Page } from 'playwright-core'
import { expect, test } from 'vitest'
import { addUser } from '../../main/core/users/users.ts'
import { createWorkspace, openWorkspace } from '../../main/core/workspace/index.ts'
import { tempDir } from '../helpers/tmp.ts'
import { fixture } from '../integration/import/helpers.ts'
import { snapshot } from '../integration/import/helpers.ts'
import { openApp } from './harness/browser.ts'
import { e2eSession } from './harness/session.ts'
import { signIn } from './harness/users.ts'

const e2e = e2eSession()

async function workspaceWithClerk(): Promise<string> {
  const path = join(tempDir('vaxrecon-e2e-import-'), 'import.vaxrecon')
  const ws = createWorkspace(path)
  await addUser(ws, null, { name: 'Lan', role: 'clerk', password: 'lan-password-1' })
  ws.close()
  return path
}

async function openImport(path: string): Promise<Page> {
  const page = await openApp(e2e.browser, e2e.harness)
  e2e.harness.dialogAnswers.push(path)
  await page.getByTestId('open-workspace').click()
  await signIn(page, 'Lan', 'lan-password-1')
  await page.getByTestId('nav-import').click()
  await page.getByTestId('import-wizard').waitFor()
  return page
}

test('a clerk walks the wizard on a two-row-header file, then drops a registry file on the window', async () => {
  const path = await workspaceWithClerk()
  const page = await openImport(path)

  // 1. File, through the dialog.
  e2e.harness.dialogAnswers.push(fixture('site-two-row-header.xlsx'))
  await page.getByTestId('choose-file').click()
  await page.getByTestId('mapping-table').waitFor()
  // 2. The sheet and the two-row header were found.
  expect(await page.getByTestId('sheet').inputValue()).toBe('Sheet1')
  expect(await page.getByTestId('header-row').inputValue()).toBe('2')
  // 3. The mapping was suggested: "Ngày sinh / Nam" is the male birth-date column; the site's
  //    STT column (index 0) is not imported.
  expect(await page.getByTestId('map-2').inputValue()).toBe('dob_male')
  expect(await page.getByTestId('map-0').inputValue()).toBe('')
  // The file names no site (no site column, no title rows): the wizard offers its file name
  //    for the clerk to check, and the clerk writes the site's real name.
  expect(await page.getByTestId('site-name').inputValue()).toBe('site-two-row-header')
  await page.getByTestId('site-name').fill('Trạm Y tế Xã Tân Lập')
  // The clerk decides the vaccine column should not be imported after all, and saves the mapping.
  await page.getByTestId('map-9').selectOption('')
  await page.getByTestId('template-name').fill('Mẫu huyện Đan Phượng')
  await page.getByTestId('template-save').click()
  // 4. Preview of the first rows, as in the file.
  expect(await page.getByTestId('preview-table').locator('tbody tr').count()).toBe(10)
  // 5. Validation of those rows.
  await page.getByTestId('validate').click()
  await page.getByTestId('validate-table').waitFor()
  expect(await page.getByTestId('validate-table').locator('tbody tr[data-status="ok"]').count()).toBe(10)
  expect(await page.getByTestId('validate-table').textContent()).toContain('Nguyễn Văn An')
  // 6. Import, 7. report.
  await page.getByTestId('start-import').click()
  await page.getByTestId('import-report').waitFor({ timeout: 60_000 })
  expect(await page.getByTestId('report-imported').locator('dd').textContent()).toBe('10')
  expect(await page.getByTestId('report-rejected').locator('dd').textContent()).toBe('0')

  let ws = openWorkspace(path)
  const rows = ws.db
    .prepare("SELECT full_name, dob, gender, national_id, vaccine, ward_code FROM records WHERE kind = 'site' ORDER BY source_row")
    .all() as Record<string, unknown>[]
  expect(rows).toHaveLength(10)
  expect(rows[0]).toEqual({
    full_name: 'Nguyễn Văn An',
    dob: '1985-03-12',
    gender: 'M',
    national_id: '001085012345',
    vaccine: null,
    ward_code: '09820'
  })
  expect(ws.db.prepare('SELECT imported_by, header_row, header_rows FROM imports').get()).toEqual({
    imported_by: 'Lan',
    header_row: 2,
    header_rows: 2
  })
  expect(ws.db.prepare('SELECT name, kind, site_name FROM mapping_templates').all()).toEqual([
    { name: 'Mẫu huyện Đan Phượng', kind: 'site', site_name: 'Trạm Y tế Xã Tân Lập' }
  ])
  expect(ws.db.prepare("SELECT DISTINCT site_name FROM records WHERE kind = 'site'").pluck().all()).toEqual(['Trạm Y tế Xã Tân Lập'])
  ws.close()

  // Drag and drop onto the window: a registry extract.
  await page.getByTestId('import-again').click()
  await page.getByTestId('kind-registry').check()
  // What preload does in Electron for a really dropped file: main grants its path for import.
  e2e.harness.session.paths.grant(fixture('registry-extract.xlsx'), 'import')
  await page.evaluate((p) => {
    ;(window as { __vaxreconDropPaths?: Record<string, string> }).__vaxreconDropPaths = { 'registry-extract.xlsx': p }
    const dt = new DataTransfer()
    dt.items.add(new File(['x'], 'registry-extract.xlsx'))
    window.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, cancelable: true }))
    window.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, cancelable: true }))
  }, fixture('registry-extract.xlsx'))
  await page.getByTestId('mapping-table').waitFor()
  expect(await page.getByTestId('import-path').textContent()).toBe(fixture('registry-extract.xlsx'))
  await page.getByTestId('start-import').click()
  await page.getByTestId('import-report').waitFor({ timeout: 60_000 })
  ws = openWorkspace(path)
  expect(ws.db.prepare("SELECT count(*) AS n FROM records WHERE kind = 'registry'").get()).toEqual({ n: 10 })
  ws.close()
  await page.context().close()
})

test('rejected rows are reported with their reasons and exported to Excel for the site', async () => {
  const path = await workspaceWithClerk()
  const page = await openImport(path)
  e2e.harness.dialogAnswers.push(fixture('site-some-rejects.xlsx'))
  await page.getByTestId('choose-file').click()
  await page.getByTestId('start-import').click()
  await page.getByTestId('import-report').waitFor({ timeout: 60_000 })
  expect(await page.getByTestId('report-rejected').locator('dd').textContent()).toBe('3')
  expect(await page.getByTestId('report-reasons').locator('tr[data-code="NAME_NOT_TEXT"]').textContent()).toContain(
    'không phải là tên người'
  )
  // Each warning kind opens the rows that carry it, by the row number Excel shows.
  await page.getByTestId('warning-NAME_MISSING').click()
  await page.getByTestId('warning-rows-NAME_MISSING').waitFor()
  const warned = page.getByTestId('warning-rows-NAME_MISSING').locator('li')
  expect(await warned.count()).toBe(1)
  expect(await warned.textContent()).toMatch(/^Dòng \d+: — \(full_name\)$/)
  const out = join(tempDir('vaxrecon-e2e-rejects-'), 'tra-lai.xlsx')
  e2e.harness.dialogAnswers.push(out)
  await page.getByTestId('export-rejects').click()
  await page.getByTestId('rejects-exported').waitFor()
  expect(existsSync(out)).toBe(true)
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.readFile(out)
  const sheet = wb.worksheets[0]
  expect(sheet?.getRow(2).getCell(1).value).toBe(7)
  expect(String(sheet?.getRow(2).getCell(3).value)).toContain('không phải là tên người')
  await page.context().close()
})

test('a password-protected file shows the bilingual error and leaves the workspace unchanged', async () => {
  const path = await workspaceWithClerk()
  const before = snapshot(path)
  const page = await openImport(path)
  e2e.harness.dialogAnswers.push(fixture('bad/bad-encrypted.xlsx'))
  await page.getByTestId('choose-file').click()
  const banner = page.getByTestId('error-banner')
  await banner.waitFor()
  expect(await banner.getAttribute('data-code')).toBe('FILE_ENCRYPTED')
  expect(await banner.textContent()).toContain('đặt mật khẩu')
  await page.getByTestId('lang-toggle').click()
  expect(await banner.textContent()).toContain('password-protected')
  // An old .xls offers the conversion through LibreOffice.
  e2e.harness.dialogAnswers.push(fixture('bad/bad-old-binary.xls'))
  await page.getByTestId('choose-file').click()
  await expect.poll(() => banner.getAttribute('data-code')).toBe('FILE_XLS_BINARY')
  await page.getByTestId('convert').waitFor()
  await page.context().close()
  e2e.harness.session.replaceWorkspace(null)
  expect(snapshot(path)).toEqual(before)
})
