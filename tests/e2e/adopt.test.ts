import { expect, test } from 'vitest'
import { trustedUsers } from '../../main/core/users/endorse.ts'
import { openWorkspace } from '../../main/core/workspace/index.ts'
import { approvedCorrections, fixtureWorkspace, PASSWORDS } from '../helpers/corrections.ts'
import { LAPTOP, openApp } from './harness/browser.ts'
import { e2eSession } from './harness/session.ts'
import { signIn } from './harness/users.ts'

const e2e = e2eSession()

test('a supervisor of a workspace made before signed approvals adopts it from the Users page and counts as a supervisor at once', async () => {
  const f = await fixtureWorkspace()
  approvedCorrections(f.ws, f.clerk, f.minh, 2)
  // What migration 0004 leaves in an older workspace: no endorsement, no signed act.
  f.ws.db.exec('UPDATE users SET endorsement = NULL; UPDATE approvals SET act_id = NULL')
  f.ws.close()

  const page = await openApp(e2e.browser, e2e.harness, { viewport: LAPTOP })
  e2e.harness.dialogAnswers.push(f.path)
  await page.getByTestId('open-workspace').click()
  await signIn(page, 'Hoa', PASSWORDS.hoa)
  // No chain vouches for Hoa yet: the app counts her as a clerk.
  expect(await page.getByTestId('current-user').getAttribute('data-role')).toBe('clerk')

  await page.getByTestId('manage-users').click()
  await page.getByTestId('adopt-form').waitFor()
  expect(await page.getByTestId('adopt-form').textContent()).toContain('được tạo trước khi có phê duyệt ký số')
  expect(await page.getByTestId('adopt-users').textContent()).toContain('Minh (Người phê duyệt)')
  expect(await page.getByTestId('add-user-form').count()).toBe(0)

  await page.getByTestId('adopt-password').fill('wrong-password')
  await page.getByTestId('adopt-submit').click()
  const banner = page.getByTestId('users-panel').getByTestId('error-banner')
  await banner.waitFor()
  expect(await banner.getAttribute('data-code')).toBe('SIGNING_KEY_LOCKED')
  expect(await page.getByTestId('adopt-result').count()).toBe(0)

  await page.getByTestId('adopt-password').fill(PASSWORDS.hoa)
  await page.getByTestId('adopt-submit').click()
  await page.getByTestId('adopt-result').waitFor()
  expect(await page.getByTestId('adopt-result').textContent()).toContain('người gốc là “Hoa”')
  expect(await page.getByTestId('adopt-endorsed').textContent()).toContain('Minh (Người phê duyệt)')
  expect(await page.getByTestId('adopt-endorsed').textContent()).toContain('Lan (văn thư) (Văn thư)')
  expect(await page.getByTestId('adopt-left-out').textContent()).toContain('không ai')
  expect(await page.getByTestId('adopt-unsigned').textContent()).toContain('2 điều chỉnh đã duyệt trước đây không có chữ ký')
  // The session refreshed: Hoa is a supervisor now, with her key open to add users.
  await expect.poll(() => page.getByTestId('current-user').getAttribute('data-role')).toBe('supervisor')
  await page.getByTestId('add-user-form').waitFor()
  expect(await page.getByTestId('adopt-form').count()).toBe(0)

  const ws = openWorkspace(f.path)
  try {
    const trust = trustedUsers(ws.db)
    expect(trust.rootKeyId).toBe(trust.users.get(f.hoa.id)?.keyId)
  } finally {
    ws.close()
  }
})
