import type { Browser } from 'playwright-core'
import { afterAll, beforeAll } from 'vitest'
import { launchChromium } from './browser.ts'
import { startHarness, type Harness } from './server.ts'

export interface E2e {
  browser: Browser
  harness: Harness
}

/** Chromium and the harness for one test file: started before its tests, closed after them. */
export function e2eSession(): E2e {
  const s = {} as E2e
  beforeAll(async () => {
    s.browser = await launchChromium()
    s.harness = await startHarness()
  })
  afterAll(async () => {
    await s.harness?.close()
    await s.browser?.close()
  })
  return s
}
