import { spawnSync } from 'node:child_process'
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { beforeAll, expect, test } from 'vitest'
import { vnDateIso } from '../../../main/core/base/clock.ts'
import { PROVINCE_TOTAL } from '../../../main/core/reports/report-file.ts'
import { SOURCES_SHEET, UNITS_SHEET } from '../../../main/core/reports/report-layout.ts'
import { readReport } from '../../../main/core/reports/read-report.ts'
import { cli, cliInProcess } from '../../helpers/cli.ts'
import { approvedCorrections, fixtureWorkspace, PASSWORDS, propose } from '../../helpers/corrections.ts'
import { tempDir } from '../../helpers/tmp.ts'

/**
 * Two districts of Hà Nội, Ba Vì (271, signed by Minh) and Phúc Thọ (272, signed by Hoa),
 * each reporting the same day; then each bad input the province may be handed.
 */
const dir = tempDir('vaxrecon-merge-')
const today = vnDateIso()
const period = ['--from', today, '--to', today]
let baVi: string
let phucTho: string
let minhPub: string
let hoaPub: string

async function district(name: string, code: string | null, n: number): Promise<string> {
  const f = await fixtureWorkspace(tempDir())
  approvedCorrections(f.ws, f.clerk, f.hoa, n, { site: `Trạm Y tế ${name}` })
  propose(f.ws, f.clerk, { site: `Trạm Y tế ${name}` })
  if (code) f.ws.tx(() => f.ws.db.prepare("INSERT INTO settings (key, value) VALUES ('district_code', ?)").run(code))
  f.ws.close()
  return f.path
}

async function report(ws: string, out: string, signer: 'Minh' | 'Hoa', extra: string[] = period): Promise<string> {
  const r = await cliInProcess(
    ['report', ws, '--out', out, ...extra, '--as', signer],
    `${signer === 'Minh' ? PASSWORDS.minh : PASSWORDS.hoa}\n`
  )
  expect(r.code, r.stderr).toBe(0)
  return out
}

beforeAll(async () => {
  const a = await district('xã Tản Lĩnh', null, 2) // the code comes from its site rows (271)
  const b = await district('xã Võng Xuyên', '272', 3)
  baVi = await report(a, join(dir, 'ba-vi.xlsx'), 'Minh')
  phucTho = await report(b, join(dir, 'phuc-tho.xlsx'), 'Hoa')
  minhPub = join(dir, 'ba-vi.pub')
  hoaPub = join(dir, 'phuc-tho.pub')
  // The reports of the bad cases.
  await report(a, join(dir, 'ba-vi-lan-2.xlsx'), 'Minh')
  await report(b, join(dir, 'phuc-tho-ky-khac.xlsx'), 'Hoa', ['--from', '2021-12-01', '--to', today])
  copyFileSync(baVi, join(dir, 'ba-vi-sua.xlsx'))
  copyFileSync(`${baVi}.minisig`, join(dir, 'ba-vi-sua.xlsx.minisig'))
  const r = await cliInProcess(['report', a, '--out', join(dir, 'khong-ky.xlsx'), ...period])
  expect(r.code, r.stderr).toBe(0)
})

test('two signed district reports merge into a province report with the same sheets one level up', async () => {
  const out = join(dir, 'ha-noi.xlsx')
  const r = cli(['report', 'merge', '--out', out, baVi, phucTho, '--pubkey', minhPub, '--pubkey', hoaPub])
  expect(r.code, r.stderr).toBe(0)
  expect(r.stdout).toMatch(/^province\s+01 Thành phố Hà Nội$/m)
  expect(r.stdout).toMatch(/^districts\s+271 272$/m)

  const province = await readReport(readFileSync(out), 'ha-noi.xlsx')
  const a = await readReport(readFileSync(baVi), 'ba-vi.xlsx')
  const b = await readReport(readFileSync(phucTho), 'phuc-tho.xlsx')
  expect(province).toMatchObject({ level: 'province', provinceCode: '01', provinceName: 'Thành phố Hà Nội', from: today, to: today })
  expect(province.units.map((u) => [u.kind, u.code, u.name])).toEqual([
    ['district', '271', 'Huyện Ba Vì'],
    ['district', '272', 'Huyện Phúc Thọ'],
    ['province', '01', PROVINCE_TOTAL]
  ])
  const total = (x: typeof a) => x.units.at(-1)?.counts
  expect(province.units[2]?.counts.approved).toBe((total(a)?.approved ?? 0) + (total(b)?.approved ?? 0))
  expect(province.units[2]?.counts).toMatchObject({ records: 7, proposed: 7, approved: 5, awaiting: 2 })
  expect(province.days.map((d) => [d.date, d.kind, d.code])).toEqual([
    [today, 'district', '271'],
    [today, 'district', '272'],
    [today, 'province', '01']
  ])
  expect(province.days[2]?.counts).toMatchObject({ imported: 7, proposed: 7, approved: 5 })

  const wb = new ExcelJS.Workbook()
  await wb.xlsx.readFile(out)
  expect(wb.getWorksheet(UNITS_SHEET.province)).toBeDefined()
  const sources: string[][] = []
  wb.getWorksheet(SOURCES_SHEET)?.eachRow((row) => sources.push([1, 2, 3].map((c) => String(row.getCell(c).value))))
  expect(sources.slice(1)).toEqual([
    ['271', 'Huyện Ba Vì', 'Minh'],
    ['272', 'Huyện Phúc Thọ', 'Hoa']
  ])
})

/** A refused merge: exit 1, both languages, no stack trace, no province file. */
function refused(files: string[], keys: string[], vi: string, en: string): void {
  const out = join(dir, `refused-${Math.random().toString(36).slice(2)}.xlsx`)
  const r = cli(['report', 'merge', '--out', out, ...files.map((f) => join(dir, f)), ...keys.flatMap((k) => ['--pubkey', k])])
  expect(r.code, r.stderr).toBe(1)
  expect(r.stderr).toContain(vi)
  expect(r.stderr).toContain(en)
  expect(r.stderr).not.toMatch(/\bat .+:\d+:\d+/)
  expect(existsSync(out)).toBe(false)
}

test('a report changed after signing is refused, and minisign agrees', () => {
  const tampered = join(dir, 'ba-vi-sua.xlsx')
  const bytes = readFileSync(tampered)
  bytes[bytes.length - 30] = (bytes[bytes.length - 30] ?? 0) ^ 0xff
  writeFileSync(tampered, bytes)
  expect(spawnSync('minisign', ['-Vq', '-p', minhPub, '-m', tampered]).status).not.toBe(0)
  refused(['ba-vi-sua.xlsx', 'phuc-tho.xlsx'], [minhPub, hoaPub], 'tệp đã bị sửa sau khi ký', 'the file was changed after it was signed')
})

test('two reports of one district are refused', () => {
  refused(
    ['ba-vi.xlsx', 'ba-vi-lan-2.xlsx', 'phuc-tho.xlsx'],
    [minhPub, hoaPub],
    'Hai báo cáo của cùng huyện 271: ba-vi.xlsx, ba-vi-lan-2.xlsx',
    'Two reports of the same district 271'
  )
})

test('reports of different periods are refused', () => {
  refused(['ba-vi.xlsx', 'phuc-tho-ky-khac.xlsx'], [minhPub, hoaPub], 'khác kỳ báo cáo', `phuc-tho-ky-khac.xlsx: 2021-12-01 → ${today}`)
})

test('a report signed by a key the province was not given, or not signed at all, is refused', () => {
  refused(['ba-vi.xlsx', 'phuc-tho.xlsx'], [minhPub], 'không thuộc các khoá công khai đã cho', 'which is not among the public keys given')
  refused(['khong-ky.xlsx', 'phuc-tho.xlsx'], [minhPub, hoaPub], 'không có chữ ký', 'no signature')
})
