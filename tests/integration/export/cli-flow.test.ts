import { spawnSync } from 'node:child_process'
import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test } from 'vitest'
import { openWorkspace } from '../../../main/core/workspace/index.ts'
import { cli, cliInProcess } from '../../helpers/cli.ts'
import { xlsxToCsv } from '../../helpers/libreoffice.ts'
import { tempDir } from '../../helpers/tmp.ts'

const value = (stdout: string, key: string) => new RegExp(`^${key}\\s+(.+)$`, 'm').exec(stdout)?.[1]?.trim() ?? ''

function ok(args: string[], input?: string) {
  const r = cli(args, { input })
  expect(r.code, `vaxrecon ${args.join(' ')}\n${r.stderr}`).toBe(0)
  return r.stdout
}

/** Setup steps run the same commands in this process; the four-eyes steps run as real processes. */
async function setup(args: string[], input?: string) {
  const r = await cliInProcess(args, input)
  expect(r.code, `vaxrecon ${args.join(' ')}\n${r.stderr}`).toBe(0)
  return r.stdout
}

test('the whole flow from the command line: demo → import → match → propose → approve → export, checked by minisign and LibreOffice', async () => {
  const dir = tempDir()
  const demo = join(dir, 'demo')
  const ws = join(dir, 'huyen.vaxrecon')
  const out = join(dir, 'lo')
  await setup(['demo', demo, '--persons', '200'])
  await setup(['init', ws, '--plain'])
  await setup(['user', 'add', ws, '--name', 'Minh', '--role', 'supervisor'], 'minh-password-1\n')
  await setup(['user', 'add', ws, '--as', 'Minh', '--name', 'Lan', '--role', 'clerk'], 'minh-password-1\nlan-password-1\n')
  await setup(['import', ws, '--kind', 'registry', join(demo, 'registry.xlsx')])
  for (const f of readdirSync(demo).filter((n) => n.startsWith('site_') && n.endsWith('.xlsx')))
    await setup(['import', ws, '--kind', 'site', join(demo, f)])
  await setup(['import', ws, '--kind', 'complaint', join(demo, 'complaints.xlsx')])
  await setup(['match', ws])

  const proposed = Number(
    value(ok(['propose', ws, '--as', 'Lan', '--accept-registry', '--class', 'formatting'], 'lan-password-1\n'), 'proposals')
  )
  expect(proposed).toBeGreaterThan(0)
  // The clerk who proposed cannot approve; the supervisor approves them all.
  expect(cli(['approve', ws, '--as', 'Lan', '--all'], { input: 'lan-password-1\n' }).code).toBe(1)
  expect(value(ok(['approve', ws, '--as', 'Minh', '--all'], 'minh-password-1\n'), 'approved')).toBe(String(proposed))

  const exported = ok(['export', ws, '--as', 'Minh', '--out', out], 'minh-password-1\n')
  expect(value(exported, 'corrections')).toBe(String(proposed))
  const file = value(exported, 'file')
  const pub = value(exported, 'public_key')
  const ms = spawnSync('minisign', ['-V', '-p', pub, '-m', file], { encoding: 'utf8' })
  expect(ms.status, ms.stderr).toBe(0)
  expect(ms.stdout).toContain(`batch:${value(exported, 'batch')}`)
  expect(value(ok(['verify', file, '--pubkey', pub, '--workspace', ws]), 'result')).toBe('OK')

  // LibreOffice reads the batch: one row per exported correction, each what the workspace approved.
  const rows = xlsxToCsv(file)
  const header = rows[0] ?? []
  const col = (name: string) => header.indexOf(name)
  expect(rows).toHaveLength(1 + proposed)
  const w = openWorkspace(ws)
  try {
    const db = w.db
    const expected = db.prepare(`SELECT id, field, old_value, new_value FROM proposals WHERE status = 'exported' ORDER BY id`).all() as {
      id: number
      field: string
      old_value: string
      new_value: string
    }[]
    expect(expected).toHaveLength(proposed)
    const got = rows
      .slice(1)
      .map((r) => ({
        id: Number(r[col('Mã điều chỉnh')]),
        field: r[col('Mã trường')],
        old_value: r[col('Giá trị cũ')],
        new_value: r[col('Giá trị mới')]
      }))
      .sort((a, b) => a.id - b.id)
    expect(got).toEqual(expected)
    for (const r of rows.slice(1)) {
      expect(r[col('Số CCCD')]).toMatch(/^\d{12}$/)
      expect(r[col('Người đề xuất')]).toBe('Lan')
      expect(r[col('Người phê duyệt')]).toBe('Minh')
      expect(r[col('Thời điểm phê duyệt')]).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/)
      expect(r[col('Bằng chứng (tệp nguồn, dòng)')]).toMatch(/^site_\d\d_.+\.xlsx, trang .+, dòng \d+$/)
    }
  } finally {
    w.close()
  }
  expect(value(ok(['audit', 'verify', ws]), 'result')).toBe('OK')
  const report = (await setup(['report', ws, '--out', join(dir, 'bao-cao.xlsx')])).trim().split('\n')
  const total = report.at(-1)?.split('\t') ?? []
  expect(total[0]).toBe('Toàn huyện')
  expect(total[(report[0]?.split('\t') ?? []).indexOf('exported')]).toBe(String(proposed))
})
