import { chromium, type Browser, type Page } from 'playwright-core'
import type { Harness } from './server.ts'

export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium'

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    // The closed network here refuses Chromium's background connections; these flags stop it trying.
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync']
  })
}

/**
 * The renderer's window.vaxrecon, carried over the harness's loopback transport. It is
 * injected by the test (never bundled), so the shipped renderer knows only the preload bridge.
 */
function bridgeScript({ token }: { token: string }): void {
  const listeners = new Map<string, Set<(p: unknown) => void>>()
  const source = new EventSource(`/__events?token=${token}`)
  source.onmessage = (m: MessageEvent<string>) => {
    const { event, payload } = JSON.parse(m.data) as { event: string; payload: unknown }
    for (const l of listeners.get(event) ?? []) l(payload)
  }
  Object.defineProperty(window, 'vaxrecon', {
    value: {
      invoke: (channel: string, payload: unknown) =>
        fetch('/__ipc', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-vaxrecon-token': token },
          body: JSON.stringify({ channel, payload })
        }).then((r) => r.json()),
      on: (event: string, listener: (p: unknown) => void) => {
        const set = listeners.get(event) ?? new Set()
        set.add(listener)
        listeners.set(event, set)
        return () => set.delete(listener)
      },
      // A page has no file paths; a test says where each dropped file's name lives on disk.
      pathForFile: (file: File) => (window as { __vaxreconDropPaths?: Record<string, string> }).__vaxreconDropPaths?.[file.name] ?? ''
    }
  })
}

/** A clerk's laptop screen, the size the layout is made for first. */
export const LAPTOP = { width: 1366, height: 768 }

export interface OpenOptions {
  /** The browser's clock zone (the PC's), e.g. America/New_York; the machine's by default. */
  timezoneId?: string
  viewport?: { width: number; height: number }
  /** Collects console errors and uncaught page errors from the first load on. */
  errors?: string[]
}

export async function openApp(browser: Browser, harness: Harness, opts: OpenOptions = {}): Promise<Page> {
  const context = await browser.newContext({
    locale: 'vi-VN',
    viewport: opts.viewport ?? { width: 1360, height: 860 },
    ...(opts.timezoneId ? { timezoneId: opts.timezoneId } : {})
  })
  const page = await context.newPage()
  const errors = opts.errors
  if (errors) {
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()))
    page.on('pageerror', (e) => errors.push(e.message))
  }
  await page.addInitScript(bridgeScript, { token: harness.token })
  await page.goto(harness.url)
  return page
}
