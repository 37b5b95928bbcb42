import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { expect, test } from 'vitest'
import { ROW_COLUMNS } from '../../../main/core/import/rows.ts'
import { createWorkspace, openWorkspace } from '../../../main/core/workspace/index.ts'
import { tempDir } from '../../helpers/tmp.ts'
import { fixture } from './helpers.ts'

const BIN = new URL('../../../bin/vaxrecon.js', import.meta.url).pathname
const FEBRL = new URL('../../../../shared/data/febrl/dataset1.csv', import.meta.url).pathname

function vaxrecon(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', maxBuffer: 64 << 20 })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}

function workspace(): string {
  const path = join(tempDir('vaxrecon-cli-import-'), 'w.vaxrecon')
  createWorkspace(path).close()
  return path
}

const FEBRL_MAP = [
  '--map',
  'given_name=given_name',
  '--map',
  'family_name=surname',
  '--map',
  'dob=date_of_birth',
  '--map',
  'national_id=soc_sec_id',
  '--map',
  'address=street_number,address_1,address_2,suburb,postcode,state'
]

test('the FEBRL benchmark imports through the CLI with the linkage mapping: no rejects, rows by line number', () => {
  if (!existsSync(FEBRL)) return
  const ws = workspace()
  const r = vaxrecon(['import', ws, '--kind', 'registry', FEBRL, ...FEBRL_MAP, '--json'])
  expect(r.code, r.stderr).toBe(0)
  expect(JSON.parse(r.stdout)).toMatchObject({ rowsRead: 1000, imported: 1000, rejected: 0, headerRow: 1 })

  const dump = vaxrecon(['rows', ws, '--kind', 'registry', '--format', 'csv'])
  expect(dump.code).toBe(0)
  const lines = dump.stdout.trimEnd().split('\r\n')
  expect(lines[0]).toBe(ROW_COLUMNS.join(','))
  expect(lines).toHaveLength(1001)
  // Line 2 of the file is "rec-223-org, , waller, 6, tullaroop street, …, 19081209, 6988048".
  const first = Object.fromEntries(ROW_COLUMNS.map((c, i) => [c, lines[1]?.split(',')[i]]))
  expect(first).toMatchObject({
    source_file: 'dataset1.csv',
    source_row: '2',
    full_name: 'Waller',
    dob: '1908-12-09',
    national_id: '6988048',
    id_kind: 'OTHER'
  })
  const source = readFileSync(FEBRL, 'utf8').split('\n')
  const json = JSON.parse(vaxrecon(['rows', ws, '--kind', 'registry', '--format', 'json']).stdout) as Record<string, unknown>[]
  for (const row of json.slice(0, 50)) {
    // source_row is the line number (header on line 1): the linkage maps rows back to rec_id by it.
    const line = source[Number(row['source_row']) - 1] ?? ''
    expect(line.split(', ')[10]?.trim()).toBe(row['national_id'] ?? '')
  }
})

test('import prints rows read, imported, rejected by reason and warnings by kind; the same file again adds nothing', () => {
  const ws = workspace()
  const r = vaxrecon(['import', ws, '--kind', 'site', fixture('site-some-rejects.xlsx')])
  expect(r.code, r.stderr).toBe(0)
  expect(r.stdout).toMatch(/rows_read\s+14/)
  expect(r.stdout).toMatch(/imported\s+11/)
  expect(r.stdout).toMatch(/rejected\s+3/)
  expect(r.stdout).toMatch(/rejected by reason:\n\s+NAME_NOT_TEXT\s+2/)
  expect(r.stdout).toMatch(/warnings by kind:\n(.*\n)*\s+NAME_MISSING\s+1/)
  const again = vaxrecon(['import', ws, '--kind', 'site', fixture('site-some-rejects.xlsx')])
  expect(again.code).toBe(0)
  expect(again.stdout).toContain('already imported')
  const check = openWorkspace(ws)
  expect(check.db.prepare('SELECT (SELECT count(*) FROM records) AS records, (SELECT count(*) FROM rejects) AS rejects').get()).toEqual({
    records: 11,
    rejects: 3
  })
  check.close()

  // Rejects go back to the site as an .xlsx: Excel row, reason in both languages, the row as it was.
  const out = join(tempDir(), 'tra-lai.xlsx')
  expect(vaxrecon(['rejects', ws, '--out', out]).code).toBe(0)
  return (async () => {
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.readFile(out)
    const sheet = wb.worksheets[0]
    expect(sheet?.getRow(1).values).toEqual([
      undefined,
      'Dòng / Row',
      'Trang tính / Sheet',
      'Lý do',
      'Reason',
      'Họ và tên',
      'Ngày sinh',
      'Số CCCD',
      'Vắc xin',
      'Mũi',
      'Ngày tiêm'
    ])
    expect(sheet?.getRow(2).values).toEqual([
      undefined,
      7,
      'DS',
      expect.stringContaining('không phải là tên người'),
      expect.stringContaining("not a person's name"),
      '#REF!',
      '01/01/1990',
      undefined,
      'Pfizer',
      1,
      '01/09/2021'
    ])
    expect(sheet?.rowCount).toBe(4)
  })()
})

test('--sheet, --header-row and --map override what is detected', () => {
  const ws = workspace()
  const r = vaxrecon([
    'import',
    ws,
    '--kind',
    'site',
    fixture('site-multi-sheet.xlsx'),
    '--sheet',
    'Xã Hạ Mỗ',
    '--header-row',
    '1',
    '--map',
    'national_id=Số CCCD',
    '--json'
  ])
  expect(r.code, r.stderr).toBe(0)
  expect(JSON.parse(r.stdout)).toMatchObject({ sheet: 'Xã Hạ Mỗ', headerRow: 1, imported: 4 })
  const out = join(tempDir(), 'rows.json')
  expect(vaxrecon(['rows', ws, '--kind', 'site', '--format', 'json', '--out', out]).code).toBe(0)
  const rows = JSON.parse(readFileSync(out, 'utf8')) as Record<string, unknown>[]
  expect(rows[0]).toMatchObject({
    source_sheet: 'Xã Hạ Mỗ',
    source_row: 2,
    full_name: 'Hoàng Minh Tuấn',
    dob: '1999-02-28',
    gender: null,
    national_id: '036099007788'
  })
})

test('errors: bilingual on stderr with exit 1; bad usage exits 2', () => {
  const ws = workspace()
  const bad = vaxrecon(['import', ws, '--kind', 'site', fixture('bad/bad-encrypted.xlsx')])
  expect(bad.code).toBe(1)
  expect(bad.stderr).toContain('mật khẩu')
  expect(bad.stderr).toContain('password')
  expect(vaxrecon(['import', ws, '--kind', 'vaccine', fixture('site-basic.xlsx')]).code).toBe(2)
  expect(vaxrecon(['import', ws, '--kind', 'site', fixture('site-basic.xlsx'), '--map', 'nickname=Họ tên']).code).toBe(2)
  expect(vaxrecon(['rows', ws, '--kind', 'site', '--format', 'xml']).code).toBe(2)
})
