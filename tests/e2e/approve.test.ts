import { spawnSync } from 'node:child_process'
import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { expect, test } from 'vitest'
import { openWorkspace } from '../../main/core/workspace/index.ts'
import { fixtureWorkspace, PASSWORDS, propose } from '../helpers/corrections.ts'
import { tempDir } from '../helpers/tmp.ts'
import { openApp } from './harness/browser.ts'
import { e2eSession } from './harness/session.ts'
import { createFirstSupervisor, signIn, switchUser } from './harness/users.ts'

const e2e = e2eSession()

async function openWorkspaceInUi(page: Page, path: string): Promise<void> {
  e2e.harness.dialogAnswers.push(path)
  await page.getByTestId('open-workspace').click()
}

const statuses = (path: string) => {
  const ws = openWorkspace(path)
  try {
    return Object.fromEntries(
      (ws.db.prepare('SELECT id, status FROM proposals').all() as { id: number; status: string }[]).map((r) => [r.id, r.status])
    )
  } finally {
    ws.close()
  }
}

test('a clerk is offered no approval, and the channel refuses one; a supervisor approves, rejects and exports a signed batch', async () => {
  const f = await fixtureWorkspace()
  const ids = [
    propose(f.ws, f.clerk),
    propose(f.ws, f.clerk),
    propose(f.ws, f.clerk, { field: 'phone', oldValue: '=HYPERLINK("http://x.invalid","Bấm")', newValue: '0912345678', kind: 'conflict' })
  ]
  const [first, toReject] = ids as [number, number, number]
  const own = propose(f.ws, f.minh)
  f.ws.close()

  const page = await openApp(e2e.browser, e2e.harness)
  await openWorkspaceInUi(page, f.path)
  await signIn(page, f.clerk.name, PASSWORDS.clerk)
  expect(await page.getByTestId('current-user').getAttribute('data-role')).toBe('clerk')

  // The clerk's approval page: their own proposals, and no way to decide.
  await page.getByTestId('nav-approve').click()
  await page.getByTestId('clerk-note').waitFor()
  await page.getByTestId(`proposal-${first}`).waitFor()
  for (const id of ['approve-selected', 'reject-selected', 'approve-all', 'withdraw-selected', 'select-page', `select-${first}`]) {
    expect(await page.getByTestId(id).count(), id).toBe(0)
  }
  // Going round the UI to the channel itself is refused too.
  const direct = await page.evaluate(
    (id) => window.vaxrecon.invoke('approve:decide', { verdict: 'approve', selection: { ids: [id] }, comment: '' }),
    first
  )
  expect(direct).toMatchObject({ ok: false, error: { code: 'APPROVE_NOT_SUPERVISOR' } })
  await page.getByTestId('nav-export').click()
  await page.getByTestId('export-only-supervisor').waitFor()
  expect(await page.getByTestId('export-start').count()).toBe(0)

  // The supervisor signs in over the same window.
  await switchUser(page, 'Minh', PASSWORDS.minh)
  await page.getByTestId('nav-approve').click()
  await page.getByTestId(`proposal-${first}`).waitFor()
  // Minh's own proposal is not in Minh's queue.
  expect(await page.getByTestId(`proposal-${own}`).count()).toBe(0)

  await page.getByTestId(`select-${toReject}`).check()
  await page.getByTestId('approve-comment').fill('Họ tên trên phiếu khác, cần xác minh')
  await page.getByTestId('reject-selected').click()
  await page.getByTestId('approve-notice').waitFor()
  await expect.poll(() => page.getByTestId(`proposal-${toReject}`).count()).toBe(0)

  await page.getByTestId('approve-all').click()
  expect(await page.getByTestId('confirm-all').textContent()).toContain('Duyệt 2 điều chỉnh')
  await page.getByTestId('confirm-all-yes').click()
  await expect.poll(() => page.getByTestId('approve-notice').textContent()).toContain('Đã phê duyệt 2 điều chỉnh')
  expect(statuses(f.path)).toMatchObject({ [first]: 'approved', [toReject]: 'rejected', [own]: 'proposed' })

  // Export: choose a folder, sign with the password, and the batch is listed and verifies.
  const out = join(tempDir(), 'lo')
  await page.getByTestId('nav-export').click()
  await expect.poll(() => page.getByTestId('export-pending').textContent()).toBe('2')
  e2e.harness.dialogAnswers.push(out)
  await page.getByTestId('export-choose-dir').click()
  await expect.poll(() => page.getByTestId('export-dir').textContent()).toBe(out)
  await page.getByTestId('export-password').fill(PASSWORDS.minh)
  await page.getByTestId('export-start').click()
  const result = page.getByTestId('export-result')
  await result.waitFor({ timeout: 60_000 })
  expect(await result.textContent()).toMatch(/Đã xuất lô 271-\d{8}-0001 gồm 2 điều chỉnh/)
  const batchNo = /271-\d{8}-0001/.exec((await result.textContent()) ?? '')?.[0] ?? ''
  await expect.poll(() => page.getByTestId(`batch-files-${batchNo}`).textContent()).toBe('Đủ')
  await page.getByTestId(`batch-verify-${batchNo}`).click()
  await expect.poll(() => page.getByTestId(`batch-verdict-${batchNo}`).textContent()).toBe('Chữ ký hợp lệ')
  expect(await page.getByTestId('export-pending').textContent()).toBe('0')

  const files = readdirSync(out)
  const xlsx = files.find((n) => n.endsWith('.xlsx')) ?? ''
  const pub = files.find((n) => n.endsWith('.pub')) ?? ''
  expect(spawnSync('minisign', ['-Vq', '-p', join(out, pub), '-m', join(out, xlsx)]).status).toBe(0)
  expect(statuses(f.path)).toMatchObject({ [first]: 'exported', [own]: 'proposed' })

  // The rejection went back to the clerk, with its comment.
  await switchUser(page, f.clerk.name, PASSWORDS.clerk)
  await page.getByTestId('nav-approve').click()
  await page.getByTestId('approve-tab-rejected').click()
  await expect.poll(() => page.getByTestId(`decision-${toReject}`).textContent()).toContain('Họ tên trên phiếu khác, cần xác minh')
  await page.context().close()
})

test('a new workspace asks for its first supervisor, who then adds a clerk', async () => {
  const path = join(tempDir(), 'moi.vaxrecon')
  const page = await openApp(e2e.browser, e2e.harness)
  e2e.harness.dialogAnswers.push(path)
  await page.getByTestId('create-workspace').click()
  await createFirstSupervisor(page, 'Nguyễn Thị Hoa', 'hoa-password-1')
  expect(await page.getByTestId('current-user').textContent()).toContain('Nguyễn Thị Hoa')
  await page.getByTestId('manage-users').click()
  await page.getByTestId('users-panel').waitFor()
  expect(await page.getByTestId('my-public-key').textContent()).toMatch(/^untrusted comment: minisign public key [0-9A-F]{16}\n/)
  await page.getByTestId('add-user-name').fill('Trần Văn Lâm')
  await page.getByTestId('add-user-role').selectOption('clerk')
  await page.getByTestId('add-user-password').fill('lam-password-1')
  // The password is typed twice: a typo keeps the form from being sent.
  await page.getByTestId('add-user-confirm').fill('lam-pasword-1')
  expect(await page.getByTestId('add-user-submit').isDisabled()).toBe(true)
  await page.getByTestId('add-user-confirm').fill('lam-password-1')
  await page.getByTestId('add-user-submit').click()
  await page.getByTestId('users-panel').getByText('Trần Văn Lâm').waitFor()
  await page.keyboard.press('Escape')
  await switchUser(page, 'Trần Văn Lâm', 'lam-password-1')
  expect(await page.getByTestId('current-user').getAttribute('data-role')).toBe('clerk')

  // Back as the supervisor: deactivate him (two clicks); he is no longer offered at sign-in.
  await switchUser(page, 'Nguyễn Thị Hoa', 'hoa-password-1')
  await page.getByTestId('manage-users').click()
  const lam = page.getByTestId('users-panel').locator('tr', { hasText: 'Trần Văn Lâm' })
  await lam.locator('[data-testid^=deactivate-]').click()
  await lam.locator('[data-testid^=deactivate-confirm-]').click()
  await page.getByTestId('users-panel').locator('tr', { hasText: 'Trần Văn Lâm' }).waitFor({ state: 'detached' })
  await page.keyboard.press('Escape')
  await page.getByTestId('switch-user').click()
  await page.getByTestId('signin-form').waitFor()
  expect(await page.getByTestId('signin-name').locator('option').allTextContents()).not.toContain('Trần Văn Lâm')
  await page.context().close()
})
