import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { _electron as electron } from 'playwright-core'
import { expect, test } from 'vitest'

/**
 * The Electron binary's path, or null where it was not downloaded (ELECTRON_SKIP_BINARY_DOWNLOAD=1,
 * as in CI). Read from the package's files, because require('electron') would try to download it.
 */
function electronBinary(): string | null {
  const pkg = dirname(fileURLToPath(import.meta.resolve('electron/package.json')))
  const pathFile = join(pkg, 'path.txt')
  if (!existsSync(pathFile)) return null
  const binary = join(pkg, 'dist', readFileSync(pathFile, 'utf8').trim())
  return existsSync(binary) ? binary : null
}

const binary = electronBinary()
const canShowWindow = process.platform !== 'linux' || Boolean(process.env['DISPLAY'])

test.skipIf(binary === null || !canShowWindow)(
  'the Electron app opens a sandboxed window with the bridge and the Vietnamese home screen ' +
    '(skipped when the Electron binary is not installed, or on Linux without a display)',
  async () => {
    const app = await electron.launch({ executablePath: binary ?? '', args: ['.'] })
    const page = await app.firstWindow()
    await page.getByTestId('create-workspace').waitFor()
    expect(await page.getByTestId('create-workspace').textContent()).toBe('Tạo không gian làm việc mới…')
    expect(await page.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined')
    expect(await page.evaluate(() => typeof window.vaxrecon.invoke)).toBe('function')
    const info = await page.evaluate(() => window.vaxrecon.invoke('app:info', {}))
    expect(info.ok).toBe(true)
    await app.close()
  }
)
