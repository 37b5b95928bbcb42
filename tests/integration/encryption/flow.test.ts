import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { openWorkspace, unlockWorkspace, type Workspace } from '../../../main/core/workspace/index.ts'
import { cliInProcess } from '../../helpers/cli.ts'
import { tempDir } from '../../helpers/tmp.ts'

/**
 * A workspace written through the whole flow (import with a LibreOffice conversion,
 * match, review proposals, approve, export), encrypted as `vaxrecon init` makes it. A
 * second connection stays open throughout, so the -wal and -shm files are still there to
 * be read at the end, and the process's temp folder is one of our own.
 */

const SQLCIPHER = '/usr/bin/sqlcipher'
const LAN = 'lan-password-1'
const MINH = 'minh-password-1'

const dir = tempDir()
const ws = join(dir, 'huyen.vaxrecon')
const watchedTmp = tempDir('vaxrecon-watched-tmp-')
let holder: Workspace
let pii: string[] = []
let recordCount = 0
let walBytes = Buffer.alloc(0)

async function run(args: string[], input = '') {
  const r = await cliInProcess(args, input)
  expect(r.code, `vaxrecon ${args.join(' ')}\n${r.stderr}`).toBe(0)
  return r.stdout
}

function filesUnder(root: string): string[] {
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .map((f) => join(root, f))
    .filter((f) => statSync(f).isFile())
}

beforeAll(async () => {
  const demo = join(dir, 'demo')
  await run(['demo', demo, '--persons', '120'])
  const sites = readdirSync(demo).filter((n) => n.startsWith('site_') && n.endsWith('.xlsx'))
  // One site file as an old .xls, so the import goes through a LibreOffice conversion.
  const [first, ...rest] = sites
  if (!first) throw new Error('demo wrote no site file')
  execFileSync(
    'soffice',
    [
      `-env:UserInstallation=file:///tmp/lo-profile-enc-${process.pid}`,
      '--headless',
      '--convert-to',
      'xls',
      '--outdir',
      demo,
      join(demo, first)
    ],
    {
      stdio: 'ignore',
      timeout: 90_000
    }
  )

  const savedTmp = process.env['TMPDIR']
  process.env['TMPDIR'] = watchedTmp
  try {
    const init = await run(['init', ws])
    expect(init).toMatch(/recovery_secret\s+[0-9A-Z-]{49}/)
    holder = openWorkspace(ws, await unlockWorkspace(ws, 'setup: no secret needed yet'))
    // The first user is the supervisor, who then adds (and endorses) the clerk.
    await run(['user', 'add', ws, '--name', 'Minh', '--role', 'supervisor'], `${MINH}\n`)
    await run(['user', 'add', ws, '--as', 'Minh', '--name', 'Lan', '--role', 'clerk'], `${MINH}\n${LAN}\n`)
    await run(['import', ws, '--kind', 'registry', join(demo, 'registry.xlsx')], `${LAN}\n`)
    await run(['import', ws, '--kind', 'site', '--convert', join(demo, first.replace(/\.xlsx$/, '.xls'))], `${LAN}\n`)
    for (const f of rest) await run(['import', ws, '--kind', 'site', join(demo, f)], `${LAN}\n`)
    await run(['import', ws, '--kind', 'complaint', join(demo, 'complaints.xlsx')], `${LAN}\n`)
    await run(['match', ws], `${LAN}\n`)
    await run(['propose', ws, '--as', 'Lan', '--accept-registry', '--class', 'formatting'], `${LAN}\n`)
    await run(['approve', ws, '--as', 'Minh', '--all'], `${MINH}\n`)
    await run(['export', ws, '--as', 'Minh', '--out', join(dir, 'out')], `${MINH}\n`)
  } finally {
    if (savedTmp === undefined) delete process.env['TMPDIR']
    else process.env['TMPDIR'] = savedTmp
  }
  walBytes = readFileSync(`${ws}-wal`)
  const rows = holder.db.prepare('SELECT full_name, national_id, old_national_id, phone FROM records').all() as Record<
    string,
    string | null
  >[]
  recordCount = rows.length
  pii = [...new Set(rows.flatMap((r) => Object.values(r)).filter((v): v is string => typeof v === 'string' && v.length >= 8))]
}, 240_000)

afterAll(() => holder?.close())

test('none of its IDs, names or phones are in the bytes of the workspace, its -wal, its -shm or the temp folder', () => {
  expect(recordCount).toBeGreaterThan(200)
  expect(pii.length).toBeGreaterThan(200)
  expect(walBytes.length).toBeGreaterThan(0)
  const leftInTmp = filesUnder(watchedTmp)
  const places: [string, Buffer][] = [
    ['workspace', readFileSync(ws)],
    ['-wal', walBytes],
    ['-shm', existsSync(`${ws}-shm`) ? readFileSync(`${ws}-shm`) : Buffer.alloc(0)],
    ...leftInTmp.map((f): [string, Buffer] => [f, readFileSync(f)])
  ]
  for (const [where, bytes] of places) {
    const found = pii.filter((v) => bytes.includes(v))
    expect(found.length, `${where} shows ${found.length} personal values`).toBe(0)
  }
  // The converted .xlsx is deleted once its import is done.
  expect(leftInTmp.filter((f) => f.includes('vaxrecon-convert-'))).toEqual([])
})

test.skipIf(!existsSync(SQLCIPHER))("Debian's sqlcipher 3.4.1, an independent SQLCipher, reads the file given the key", async () => {
  const key = await unlockWorkspace(ws, MINH)
  const firstId = holder.db.prepare('SELECT national_id FROM records WHERE national_id IS NOT NULL ORDER BY id LIMIT 1').pluck().get()
  // Its SQLite (3.15) predates STRICT tables: writable_schema lets it read tables whose
  // declarations it cannot parse. What is checked here is the cipher, page by page.
  const r = spawnSync(SQLCIPHER, [ws], {
    encoding: 'utf8',
    input:
      `PRAGMA key = "x'${key?.toString('hex')}'";\nPRAGMA cipher_page_size = 4096;\nPRAGMA writable_schema = ON;\n` +
      'SELECT count(*) FROM records;\nSELECT national_id FROM records WHERE national_id IS NOT NULL ORDER BY id LIMIT 1;\n'
  })
  expect(r.stderr).toBe('')
  expect(r.stdout.trim().split('\n')).toEqual([String(recordCount), String(firstId)])
  // Without the key it is just bytes.
  const locked = spawnSync(SQLCIPHER, [ws], { encoding: 'utf8', input: 'SELECT count(*) FROM records;\n' })
  expect(locked.stderr).toMatch(/not a database|encrypted/)
})
