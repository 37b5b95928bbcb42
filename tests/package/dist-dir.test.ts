import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { spawnSync } from 'node:child_process'
import { extractFile, listPackage } from '@electron/asar'
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses'
import { beforeAll, describe, expect, test } from 'vitest'
import { tempDir } from '../helpers/tmp.ts'
import { writeStandInElectronDist } from './standin-electron.ts'

/**
 * Packages the built app with electron-builder's `--dir` target, as `npm run dist` does,
 * against a stand-in Electron distribution (no Electron binary can be downloaded here), and
 * checks the unpacked tree a clerk's PC would get. `npm test` builds `out/` first.
 */

const root = join(import.meta.dirname, '..', '..')
const config = JSON.parse(readFileSync(join(root, 'electron-builder.json'), 'utf8')) as {
  productName: string
  electronFuses: Record<string, boolean>
  linux: { executableName: string }
}
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string> }
const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, { dev?: boolean }>
}

let appDir = ''
let files: string[] = []

function sizeOf(path: string): number {
  const st = statSync(path)
  if (!st.isDirectory()) return st.size
  return readdirSync(path).reduce((sum, name) => sum + sizeOf(join(path, name)), 0)
}

/** A fuse's byte in the wire: ASCII '1' on, '0' off (@electron/fuses' FuseState). */
const FUSE_ON = 0x31
const FUSE_OFF = 0x30

/** `node_modules/a/node_modules/@s/b/lib/x.js` → `node_modules/a/node_modules/@s/b`; a bare scope folder → null */
function packageOf(entry: string): string | null {
  const m = /^((?:node_modules\/(?:@[^/]+\/)?[^/@][^/]*\/?)+)/.exec(entry)
  return m?.[1] ? m[1].replace(/\/$/, '') : null
}

beforeAll(() => {
  const work = tempDir('vaxrecon-dist-')
  const electronDist = join(work, 'electron-dist')
  writeStandInElectronDist(electronDist)
  const r = spawnSync(
    join(root, 'node_modules', '.bin', 'electron-builder'),
    [
      '--linux',
      'dir',
      '--config',
      'electron-builder.json',
      `-c.electronDist=${electronDist}`,
      `-c.directories.output=${join(work, 'dist')}`
    ],
    { cwd: root, encoding: 'utf8', env: { ...process.env, CI: 'true' } }
  )
  expect(r.status, r.stderr + r.stdout).toBe(0)
  appDir = join(work, 'dist', 'linux-unpacked')
  files = listPackage(join(appDir, 'resources', 'app.asar'), { isPack: false }).map((f) => f.replace(/^[/\\]/, '').replaceAll('\\', '/'))
  const asarBytes = statSync(join(appDir, 'resources', 'app.asar')).size
  const unpackedBytes = sizeOf(join(appDir, 'resources', 'app.asar.unpacked'))
  process.stdout.write(
    `packaged app (stand-in Electron): app.asar ${(asarBytes / 1e6).toFixed(1)} MB, ` +
      `app.asar.unpacked ${(unpackedBytes / 1e6).toFixed(1)} MB, ${files.length} entries\n`
  )
})

describe('the packaged app (electron-builder --dir)', () => {
  test('the asar holds the built app, package.json and production dependencies, nothing else', () => {
    for (const f of ['out/main/index.js', 'out/main/worker.js', 'out/preload/index.cjs', 'out/renderer/index.html', 'package.json']) {
      expect(files, f).toContain(f)
    }
    const topLevel = new Set(files.map((f) => f.split('/')[0]))
    expect([...topLevel].sort()).toEqual(['node_modules', 'out', 'package.json'])
    // The font ships inside the renderer bundle, so it works offline.
    expect(files.some((f) => /^out\/renderer\/assets\/be-vietnam-pro-vietnamese-.*\.woff2$/.test(f))).toBe(true)
    expect(files.some((f) => /(^|\/)(tests?|fixtures|bench)\//.test(f))).toBe(false)
    expect(files.some((f) => f.endsWith('.map') || f.endsWith('.ts'))).toBe(false)

    // electron-builder may hoist a nested production dependency (@fast-csv's own @types/node),
    // so a packaged package is judged by name: some copy of it must be a production one.
    const nameOf = (path: string): string => path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length)
    const production = new Set(
      Object.entries(lock.packages)
        .filter(([path, entry]) => path.includes('node_modules/') && entry.dev !== true)
        .map(([path]) => nameOf(path))
    )
    const packages = new Set(files.map(packageOf).filter((p): p is string => p !== null))
    for (const p of packages) expect(production.has(nameOf(p)), `${p} is not a production dependency`).toBe(true)
    for (const dep of Object.keys(pkg.dependencies)) expect(packages, dep).toContain(`node_modules/${dep}`)
    for (const dev of [
      'better-sqlite3',
      'electron',
      'vitest',
      'typescript',
      'react',
      'ag-grid-community',
      'playwright-core',
      'electron-builder'
    ]) {
      expect(packages.has(`node_modules/${dev}`), dev).toBe(false)
    }
  })

  test("the SQLite driver's native binary for this platform is unpacked beside the asar, and no other platform's", () => {
    const prebuilds = join(appDir, 'resources', 'app.asar.unpacked', 'node_modules', 'better-sqlite3-multiple-ciphers', 'prebuilds')
    expect(readdirSync(prebuilds)).toEqual([`${process.platform}-${process.arch}.node`])
    const inAsar = files.filter((f) => f.endsWith('.node'))
    expect(
      inAsar.every((f) => existsSync(join(appDir, 'resources', 'app.asar.unpacked', f))),
      inAsar.join(', ')
    ).toBe(true)
  })

  test('the fuses are flipped in the packaged executable as the configuration says', async () => {
    const wire = await getCurrentFuseWire(join(appDir, config.linux.executableName))
    const want: Record<string, number> = {}
    for (const [name, on] of Object.entries(config.electronFuses)) {
      const option = FuseV1Options[(name.charAt(0).toUpperCase() + name.slice(1)) as keyof typeof FuseV1Options]
      expect(option, name).toBeDefined()
      want[name] = on ? FUSE_ON : FUSE_OFF
      expect(wire[option], name).toBe(want[name])
    }
    // The checklist's items, stated once more so a config edit cannot drop one silently.
    expect(want).toMatchObject({
      runAsNode: FUSE_OFF,
      enableNodeOptionsEnvironmentVariable: FUSE_OFF,
      enableNodeCliInspectArguments: FUSE_OFF,
      enableEmbeddedAsarIntegrityValidation: FUSE_ON,
      onlyLoadAppFromAsar: FUSE_ON
    })
  })

  test('the packaged package.json gives the About screen its name and version, with no scripts or dev dependencies', () => {
    const source = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { name: string; version: string }
    const packaged = JSON.parse(extractFile(join(appDir, 'resources', 'app.asar'), 'package.json').toString('utf8')) as {
      name: string
      version: string
      productName?: string
      devDependencies?: unknown
    }
    expect(packaged.version).toBe(source.version)
    expect(packaged.name).toBe(source.name)
    expect(packaged.productName ?? config.productName).toBe('VaxRecon')
    expect(packaged.devDependencies).toBeUndefined()
  })
})
