import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { beforeAll, expect, test } from 'vitest'
import { workspaceDistrict } from '../../../main/core/export/district.ts'
import { dailySeries } from '../../../main/core/reports/daily.ts'
import { progressReport } from '../../../main/core/reports/progress.ts'
import { DISTRICT_TOTAL, provinceOf } from '../../../main/core/reports/report-file.ts'
import {
  DAY_COLUMNS,
  DAY_KEY_HEADERS,
  DAYS_SHEET,
  SUMMARY_SHEET,
  UNIT_COLUMNS,
  UNIT_KEY_HEADERS,
  UNITS_SHEET
} from '../../../main/core/reports/report-layout.ts'
import { readReport } from '../../../main/core/reports/read-report.ts'
import { openWorkspace } from '../../../main/core/workspace/index.ts'
import { cliInProcess } from '../../helpers/cli.ts'
import { hasLibreOffice, roundTripXlsx } from '../../helpers/libreoffice.ts'
import { PASSWORDS, spreadWorkspace, STEPS, type SpreadWorkspace } from './spread-workspace.ts'

let w: SpreadWorkspace
let file: string
let stderr: string

beforeAll(async () => {
  process.env.TZ = 'America/New_York'
  w = await spreadWorkspace()
  file = join(w.dir, 'bao-cao-huyen.xlsx')
  process.env.VAXRECON_NOW = STEPS.report
  try {
    const r = await cliInProcess(
      ['report', w.path, '--out', file, '--from', '2021-12-27', '--to', '2022-01-03', '--as', 'Minh'],
      `${PASSWORDS.minh}\n`
    )
    expect(r.code, r.stderr).toBe(0)
    stderr = r.stderr
  } finally {
    delete process.env.VAXRECON_NOW
  }
})

test('the district report is signed like a batch: the stock minisign tool accepts it and names district and period', () => {
  expect(stderr).toContain('bao-cao-huyen.xlsx.minisig')
  const pub = join(w.dir, 'bao-cao-huyen.pub')
  const ms = spawnSync('minisign', ['-V', '-p', pub, '-m', file], { encoding: 'utf8' })
  expect(ms.status, ms.stderr).toBe(0)
  const ws = openWorkspace(w.path)
  try {
    expect(ms.stdout).toContain(
      `report:district district:${workspaceDistrict(ws).code} province:${provinceOf(workspaceDistrict(ws).code).code} from:2021-12-27 to:2022-01-03`
    )
    expect(ws.db.prepare("SELECT actor FROM audit_log WHERE action = 'report.sign'").all()).toEqual([{ actor: 'Minh' }])
  } finally {
    ws.close()
  }
})

test.skipIf(!hasLibreOffice)('LibreOffice reads the layout back: summary, per site and per day, as the README documents it', async () => {
  const roundTripped = roundTripXlsx(file)
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.readFile(roundTripped)
  expect(wb.worksheets.map((s) => s.name)).toEqual([SUMMARY_SHEET, UNITS_SHEET.district, DAYS_SHEET, 'Lô đã xuất'])
  const cells = (sheet: string) => {
    const out: string[][] = []
    wb.getWorksheet(sheet)?.eachRow((r) =>
      out.push((r.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v))))
    )
    return out
  }

  const ws = openWorkspace(w.path)
  try {
    const district = workspaceDistrict(ws)
    const summary = new Map(cells(SUMMARY_SHEET).map((r) => [r[0], r[2]]))
    expect(
      Object.fromEntries(
        ['format', 'level', 'district_code', 'district_name', 'province_code', 'period_from', 'period_to', 'generated_at', 'signer'].map(
          (k) => [k, summary.get(k)]
        )
      )
    ).toEqual({
      format: 'vaxrecon-report/1',
      level: 'district',
      district_code: district.code,
      district_name: district.name,
      province_code: provinceOf(district.code).code,
      period_from: '2021-12-27',
      period_to: '2022-01-03',
      generated_at: '2022-01-03T12:00:00+07:00',
      signer: 'Minh'
    })
    expect(summary.get('key_id')).toMatch(/^[0-9A-F]{16}$/)

    const snap = progressReport(ws, new Date(STEPS.report))
    const units = cells(UNITS_SHEET.district)
    expect(units[0]).toEqual([...UNIT_KEY_HEADERS, ...UNIT_COLUMNS.map((c) => c.header)])
    expect(units.slice(1).map((r) => r[2])).toEqual([...snap.sites.map((s) => s.site || 'Không rõ điểm tiêm'), DISTRICT_TOTAL])
    const total = units.at(-1) ?? []
    expect(total.slice(0, 2)).toEqual(['Huyện', district.code])
    expect(Number(total[3 + UNIT_COLUMNS.findIndex((c) => c.key === 'records')])).toBe(snap.total.records)
    expect(Number(total[3 + UNIT_COLUMNS.findIndex((c) => c.key === 'exported')])).toBe(snap.total.exported)

    const series = dailySeries(ws, { from: '2021-12-27', to: '2022-01-03', now: new Date(STEPS.report) })
    const days = cells(DAYS_SHEET)
    expect(days[0]).toEqual([...DAY_KEY_HEADERS, ...DAY_COLUMNS.map((c) => c.header)])
    expect(days).toHaveLength(1 + 8 * (series.sites.length + 1))
    const totals = days.filter((r) => r[1] === 'Huyện')
    expect(totals.map((r) => r[0])).toEqual(series.days)
    expect(
      totals.map((r) =>
        DAY_COLUMNS.map((c, i) => Number(r[DAY_KEY_HEADERS.length + i]) === series.district[series.days.indexOf(r[0] ?? '')]?.[c.key])
      )
    ).toEqual(totals.map(() => DAY_COLUMNS.map(() => true)))
    expect(Number(totals.find((r) => r[0] === '2021-12-28')?.[DAY_KEY_HEADERS.length])).toBeGreaterThan(0)

    // A program reads the file LibreOffice wrote as well as ours.
    const back = await readReport(readFileSync(roundTripped), 'round-trip.xlsx')
    expect(back).toMatchObject({ level: 'district', districtCode: district.code, from: '2021-12-27', to: '2022-01-03', signerName: 'Minh' })
    expect(back.units.at(-1)?.counts.records).toBe(snap.total.records)
  } finally {
    ws.close()
  }
})
