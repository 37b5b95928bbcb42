import type { Page } from 'playwright-core'

/**
 * Signing in through the UI, for every e2e test that opens a workspace: the app shows
 * the sign-in form (or the first-supervisor form) before any page.
 */
export async function signIn(page: Page, name: string, password: string): Promise<void> {
  await page.getByTestId('signin-form').waitFor()
  await page.getByTestId('signin-name').selectOption(name)
  await page.getByTestId('signin-password').fill(password)
  await page.getByTestId('signin-submit').click()
  await page.getByTestId('user-badge').waitFor()
}

/**
 * Creates the first supervisor of a new workspace (the app then signs them in). A workspace
 * the UI just made is encrypted: its recovery secret is shown first, once.
 */
export async function createFirstSupervisor(page: Page, name: string, password: string): Promise<void> {
  const recovery = page.getByTestId('recovery-secret-done')
  await recovery.or(page.getByTestId('first-supervisor-form')).first().waitFor()
  if (await recovery.isVisible()) await recovery.click()
  await page.getByTestId('first-supervisor-form').waitFor()
  await page.getByTestId('first-name').fill(name)
  await page.getByTestId('first-password').fill(password)
  await page.getByTestId('first-confirm').fill(password)
  await page.getByTestId('first-submit').click()
  await page.getByTestId('user-badge').waitFor()
}

/** The password prompt of an encrypted workspace. */
export async function unlock(page: Page, password: string): Promise<void> {
  await page.getByTestId('unlock-form').waitFor()
  await page.getByTestId('unlock-password').fill(password)
  await page.getByTestId('unlock-submit').click()
}

/** "Switch user": back to the sign-in form, then in as someone else. */
export async function switchUser(page: Page, name: string, password: string): Promise<void> {
  await page.getByTestId('switch-user').click()
  await signIn(page, name, password)
}
