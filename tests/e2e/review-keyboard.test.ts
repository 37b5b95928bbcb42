import type { Page } from 'playwright-core'
import { beforeAll, expect, test } from 'vitest'
import { reviewWorkspaceForSession, type ReviewFixture } from '../integration/review/fixture.ts'
import { openApp } from './harness/browser.ts'
import { e2eSession } from './harness/session.ts'
import { signIn } from './harness/users.ts'

const e2e = e2eSession()
let f: ReviewFixture

beforeAll(async () => {
  f = await reviewWorkspaceForSession()
})

const focusedTestId = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null)

/** Tab until the element is focused: how a keyboard user reaches it. */
async function tabTo(page: Page, testId: string): Promise<void> {
  for (let i = 0; i < 60; i++) {
    if ((await focusedTestId(page)) === testId) return
    await page.keyboard.press('Tab')
  }
  throw new Error(`Tab never reached ${testId}`)
}

/** The grid cell that has the keyboard focus: its row and column. */
const focusedCell = (page: Page) =>
  page.evaluate(() => {
    const cell = document.activeElement?.closest('[col-id]')
    const row = cell?.closest('[row-index]')
    return cell && row ? `${row.getAttribute('row-index')}:${cell.getAttribute('col-id')}` : null
  })

async function press(page: Page, ...keys: string[]): Promise<void> {
  for (const k of keys) await page.keyboard.press(k)
}

test('a clerk works through a review session from the keyboard alone', async () => {
  const page = await openApp(e2e.browser, e2e.harness)
  e2e.harness.dialogAnswers.push(f.path)
  await page.getByTestId('open-workspace').click()
  await signIn(page, 'Lan', 'mat-khau-lan')

  await tabTo(page, 'nav-review')
  await page.keyboard.press('Enter')
  // The first row takes the focus as soon as the grid loads.
  await expect.poll(() => focusedCell(page), { timeout: 15_000 }).toBe('0:name')
  const message = page.getByTestId('review-message')
  const said = async (text: string) => expect.poll(() => message.textContent()).toContain(text)

  // A click on a facet in between (nothing deferred yet, so the same rows): the keys go back
  // to the grid, and a Space typed then never toggles the filter.
  await page.getByTestId('facet-statuses-deferred').click()
  await expect.poll(() => focusedCell(page)).toBe('0:name')
  await press(page, 'Space')
  expect(await page.getByTestId('facet-statuses-deferred').isChecked()).toBe(true)
  await expect.poll(() => focusedCell(page)).toBe('0:name')

  // Row 0 (Nguyen Van Anh): a on the name column accepts the registry for the whole row, then moves on.
  await press(page, 'a')
  await said('3 đề xuất')
  await expect.poll(() => focusedCell(page)).toBe('1:name')

  // Row 1 is his complaint: "not the same person", with a note, Enter to confirm.
  await press(page, 'n')
  await page.getByTestId('unlink-dialog').waitFor()
  await page.keyboard.type('Người khiếu nại khác')
  await press(page, 'Enter')
  await expect.poll(() => focusedCell(page)).toBe('2:name')

  // Row 2 (Trần Thị Bích): to the birth date cell, keep the site's value.
  await press(page, 'ArrowRight', 'ArrowRight', 'ArrowRight')
  expect(await focusedCell(page)).toBe('2:dob')
  // The scope label follows the focus on the next render.
  await expect.poll(() => page.getByTestId('review-scope').textContent()).toContain('Ngày sinh')
  await press(page, 's')
  await said('1 đề xuất')

  // Row 3 (Lê Văn Cuờng): edit the name (the registry's value is offered), Enter to save.
  await press(page, 'j', 'ArrowLeft')
  expect(await focusedCell(page)).toBe('3:full_name')
  await press(page, 'e')
  await page.getByTestId('edit-dialog').waitFor()
  expect(await page.getByTestId('edit-value').inputValue()).toBe('Lê Văn Cường')
  await press(page, 'Enter')
  await said('1 đề xuất')
  await expect.poll(() => focusedCell(page)).toBe('3:full_name')

  // Defer the ID with a note, then undo it.
  await press(page, 'ArrowRight', 'ArrowRight', 'ArrowRight')
  expect(await focusedCell(page)).toBe('3:national_id')
  await press(page, 'd')
  await page.getByTestId('defer-dialog').waitFor()
  await page.keyboard.type('Chờ trạm y tế gọi lại')
  await press(page, 'Enter')
  await said('1 khác biệt')
  await press(page, 'u')
  await said('Đã hoàn tác')

  // Row 4 (Phạm Thị Dung): her doses, a click inside the panel, and Esc back to the grid.
  await press(page, 'j', 'p')
  const doses = page.getByTestId('person-panel')
  await doses.waitFor()
  await doses.locator('h3').click()
  await press(page, 'Escape')
  await doses.waitFor({ state: 'detached' })
  await expect.poll(() => focusedCell(page)).toBe('4:national_id')
  // The doses again, by a click in the "More" menu: the keys still act on her row.
  await page.getByTestId('act-more').click()
  await page.getByTestId('act-person').click()
  await doses.waitFor()
  await expect.poll(() => focusedCell(page)).toBe('4:national_id')

  // She is in the review band: with the doses open, c opens the candidates; pick the second.
  await press(page, 'c')
  await page.getByTestId('candidates-panel').waitFor()
  expect(await page.getByTestId('candidates-panel').locator('li[data-record-id]').count()).toBe(2)
  // The panel takes the focus, so 1–9 pick at once.
  await expect.poll(() => focusedTestId(page)).toBe('candidates-panel')
  await press(page, '2')
  await page.getByTestId('candidates-panel').waitFor({ state: 'detached' })
  await expect.poll(() => focusedCell(page)).toBe('4:national_id')
  // The link is confirmed now, so values can be taken from the registry.
  await press(page, 'a')
  await said('1 đề xuất')

  // Everything still open, in one bulk decision: the count first, Enter to apply.
  await press(page, 'Shift+A')
  const preview = page.getByTestId('bulk-preview')
  await preview.waitFor()
  expect(await preview.getAttribute('data-diffs')).toBe('3')
  await press(page, 'Enter')
  // Applied as a job in a worker: the dialog closes when it is done.
  await page.getByTestId('bulk-dialog').waitFor({ state: 'detached', timeout: 30_000 })
  await said('3 đề xuất')

  // The shortcuts are one key away.
  await press(page, '?')
  await page.getByTestId('help-dialog').waitFor()
  expect(await page.getByTestId('help-dialog').textContent()).toContain('Shift+A')
  await press(page, 'Escape')
  await page.getByTestId('help-dialog').waitFor({ state: 'detached' })
  await page.context().close()

  const { openWorkspace } = await import('../../main/core/workspace/index.ts')
  const ws = openWorkspace(f.path)
  try {
    const rows = ws.db
      .prepare(
        `SELECT p.target, p.record_id, p.field, p.old_value, p.new_value, u.name AS by FROM proposals p JOIN users u ON u.id = p.proposed_by
         WHERE p.status = 'proposed' ORDER BY p.record_id, p.field, p.target`
      )
      .all()
    const r = f.rec
    expect(rows).toEqual(
      [
        { target: 'registry', record_id: r['R2'], field: 'dob', old_value: '1990-07-04', new_value: '1990-04-07', by: 'Lan' },
        { target: 'site', record_id: r['S1'], field: 'full_name', old_value: 'Nguyen Van Anh', new_value: 'Nguyễn Văn Anh', by: 'Lan' },
        { target: 'site', record_id: r['S2'], field: 'national_id', old_value: null, new_value: '001085012345', by: 'Lan' },
        { target: 'site', record_id: r['S4'], field: 'full_name', old_value: 'Lê Văn Cuờng', new_value: 'Lê Văn Cường', by: 'Lan' },
        { target: 'site', record_id: r['S4'], field: 'national_id', old_value: '001078034576', new_value: '001078034567', by: 'Lan' },
        {
          target: 'site',
          record_id: r['S5'],
          field: 'address',
          old_value: 'Xã Tân Lập, Huyện Đan Phượng, Thành phố Hà Nội',
          new_value: 'Xã Hồng Hà, Huyện Đan Phượng, Thành phố Hà Nội',
          by: 'Lan'
        },
        { target: 'site', record_id: r['S5'], field: 'gender', old_value: 'M', new_value: 'F', by: 'Lan' },
        { target: 'site', record_id: r['S5'], field: 'national_id', old_value: null, new_value: '001301099999', by: 'Lan' },
        { target: 'site', record_id: r['S7'], field: 'national_id', old_value: null, new_value: '001085012345', by: 'Lan' }
      ].sort((a, b) => (a.record_id ?? 0) - (b.record_id ?? 0) || a.field.localeCompare(b.field) || a.target.localeCompare(b.target))
    )
    expect(ws.db.prepare('SELECT status, decided_by FROM links WHERE id = ?').get(f.link['C1'])).toEqual({
      status: 'rejected',
      decided_by: 'Lan'
    })
    expect(ws.db.prepare('SELECT status, registry_record_id FROM links WHERE id = ?').get(f.link['P4'])).toEqual({
      status: 'confirmed',
      registry_record_id: f.rec['R5']
    })
    expect(ws.db.prepare("SELECT count(*) FROM diffs WHERE status IN ('open', 'deferred')").pluck().get()).toBe(0)
  } finally {
    ws.close()
  }
})
