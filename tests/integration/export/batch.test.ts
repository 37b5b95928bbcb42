import { spawnSync } from 'node:child_process'
import { copyFileSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createHash } from 'node:crypto'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { beforeAll, expect, test } from 'vitest'
import { CHANGES_SHEET, SUMMARY_SHEET } from '../../../main/core/export/batch-workbook.ts'
import { verifyRecordedBatch } from '../../../main/core/export/verify-batch.ts'
import { openWorkspace } from '../../../main/core/workspace/index.ts'
import { cli } from '../../helpers/cli.ts'
import { approvedCorrections, fixtureWorkspace, PASSWORDS, propose, type Fixture } from '../../helpers/corrections.ts'
import { xlsxToCsv } from '../../helpers/libreoffice.ts'
import { tempDir } from '../../helpers/tmp.ts'

const HYPERLINK = '=HYPERLINK("http://example.invalid/x","Bấm vào đây")'
const INJECTIONS = [HYPERLINK, '+84 912 345 678', '-1+1', '@SUM(A1:A2)', '\tmột tab']

let f: Fixture
let out: string
let batch: { file: string; sig: string; pub: string; batchNo: string }
let approvedIds: number[]

beforeAll(async () => {
  f = await fixtureWorkspace()
  approvedIds = [
    ...approvedCorrections(f.ws, f.clerk, f.minh, 3),
    ...approvedCorrections(f.ws, f.clerk, f.minh, 1, { field: 'dob', oldValue: '1980-03-02', newValue: '1980-02-03', kind: 'minor' }),
    ...INJECTIONS.map(
      (v) =>
        approvedCorrections(f.ws, f.clerk, f.minh, 1, {
          field: 'phone',
          oldValue: v,
          newValue: v,
          kind: 'conflict',
          site: 'Trạm Y tế xã Ba Trại'
        })[0] as number
    )
  ]
  propose(f.ws, f.clerk) // still awaiting approval: must stay out of the batch
  f.ws.close()
  out = join(tempDir(), 'lo-xuat')
  const r = cli(['export', f.path, '--as', 'Hoa', '--out', out], { input: `${PASSWORDS.hoa}\n` })
  expect(r.code, r.stderr).toBe(0)
  const get = (k: string) => new RegExp(`^${k}\\s+(.+)$`, 'm').exec(r.stdout)?.[1] ?? ''
  batch = { file: get('file'), sig: get('signature'), pub: get('public_key'), batchNo: get('batch') }
  expect(get('corrections')).toBe(String(approvedIds.length))
})

test('the batch verifies with the stock minisign tool and with vaxrecon verify', () => {
  expect(readdirSync(out).sort()).toEqual([batch.pub, batch.file, batch.sig].map((p) => p.split('/').pop()).sort())
  const ms = spawnSync('minisign', ['-V', '-p', batch.pub, '-m', batch.file], { encoding: 'utf8' })
  expect(ms.status, ms.stderr).toBe(0)
  expect(ms.stdout).toContain(`Trusted comment: batch:${batch.batchNo} time:`)
  const v = cli(['verify', batch.file, '--pubkey', batch.pub, '--workspace', f.path])
  expect(v.code, v.stderr).toBe(0)
  expect(v.stdout).toMatch(/result\s+OK/)
  // Without --pubkey the key beside the batch is used, with a warning to compare fingerprints.
  const beside = cli(['verify', batch.file])
  expect(beside.code).toBe(0)
  expect(beside.stderr).toContain('Compare its fingerprint')
})

test('one changed byte fails both verifiers', () => {
  const dir = tempDir()
  const name = batch.file.split('/').pop() ?? ''
  const copy = join(dir, name)
  const bytes = readFileSync(batch.file)
  const i = Math.floor(bytes.length / 2)
  bytes.writeUInt8(bytes.readUInt8(i) ^ 0x01, i)
  writeFileSync(copy, bytes)
  copyFileSync(batch.sig, `${copy}.minisig`)
  const ms = spawnSync('minisign', ['-V', '-p', batch.pub, '-m', copy], { encoding: 'utf8' })
  expect(ms.status).not.toBe(0)
  const v = cli(['verify', copy, '--pubkey', batch.pub])
  expect(v.code).toBe(1)
  expect(v.stdout).toMatch(/result\s+FAILED/)
  expect(v.stderr).toContain('the batch file was changed')
})

test('the workspace records the batch with its hash, and exactly the approved corrections are marked exported', () => {
  const ws = openWorkspace(f.path)
  try {
    const b = ws.db.prepare('SELECT id, batch_no, file_hash, correction_count FROM export_batches').all() as {
      id: number
      batch_no: string
      file_hash: string
      correction_count: number
    }[]
    expect(b).toHaveLength(1)
    expect(b[0]?.file_hash).toBe(createHash('sha256').update(readFileSync(batch.file)).digest('hex'))
    const exported = ws.db
      .prepare(`SELECT id FROM proposals WHERE status = 'exported' AND batch_id = ? ORDER BY id`)
      .all(b[0]?.id)
      .map((r) => (r as { id: number }).id)
    expect(exported).toEqual(approvedIds)
    expect(ws.db.prepare(`SELECT count(*) AS n FROM proposals WHERE status = 'proposed'`).get()).toEqual({ n: 1 })
  } finally {
    ws.close()
  }
})

test('the sheets carry Vietnamese headers, dd/mm/yyyy dates and formula-like values as plain text (exceljs)', async () => {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.readFile(batch.file)
  expect(wb.worksheets.map((w) => w.name)).toEqual([CHANGES_SHEET, SUMMARY_SHEET])
  const sheet = wb.getWorksheet(CHANGES_SHEET)
  if (!sheet) throw new Error('no changes sheet')
  const header = (sheet.getRow(1).values as unknown[]).slice(1)
  expect(header).toEqual(
    expect.arrayContaining([
      'Số CCCD',
      'Họ và tên',
      'Trường',
      'Giá trị cũ',
      'Giá trị mới',
      'Lý do',
      'Bằng chứng (tệp nguồn, dòng)',
      'Người đề xuất',
      'Thời điểm đề xuất',
      'Người phê duyệt',
      'Thời điểm phê duyệt'
    ])
  )
  expect(sheet.rowCount).toBe(1 + approvedIds.length)
  const col = (name: string) => header.indexOf(name) + 1
  const values: unknown[] = []
  sheet.eachRow((row, n) => {
    if (n === 1) return
    for (const c of [col('Giá trị cũ'), col('Giá trị mới')]) {
      const cell = row.getCell(c)
      expect(cell.type).toBe(ExcelJS.ValueType.String)
      expect(cell.numFmt).toBe('@')
      values.push(cell.value)
    }
  })
  for (const v of INJECTIONS) expect(values).toContain(v)
  expect(values).toContain('02/03/1980')
  const summary = wb.getWorksheet(SUMMARY_SHEET)
  const rows = new Map<string, unknown>()
  summary?.eachRow((r) => rows.set(String(r.getCell(1).value), r.getCell(2).value))
  expect(rows.get('Số lô')).toBe(batch.batchNo)
  expect(rows.get('Huyện/quận')).toBe('Huyện Ba Vì (mã 271)')
  expect(rows.get('Tổng số điều chỉnh')).toBe(approvedIds.length)
  expect(rows.get('Theo loại: Mâu thuẫn')).toBe(INJECTIONS.length)
  expect(rows.get('Người ký')).toBe('Hoa')
  expect(String(rows.get('Dấu vân tay khoá công khai (SHA-256)'))).toMatch(/^([0-9A-F]{4} ){15}[0-9A-F]{4}$/)
})

test('LibreOffice opens the batch and converts it to CSV with one row per correction; the HYPERLINK stays text', () => {
  const rows = xlsxToCsv(batch.file)
  expect(rows[0]?.[2]).toBe('Số CCCD')
  expect(rows).toHaveLength(1 + approvedIds.length)
  const header = rows[0] ?? []
  const ids = rows.slice(1).map((r) => Number(r[header.indexOf('Mã điều chỉnh')]))
  expect(ids.sort((a, b) => a - b)).toEqual(approvedIds)
  const old = rows.slice(1).map((r) => r[header.indexOf('Giá trị cũ')])
  // Evaluated, the formula would show "Bấm vào đây"; as text it shows itself.
  expect(old).toContain(HYPERLINK)
  expect(old).not.toContain('Bấm vào đây')
  expect(old).toContain('@SUM(A1:A2)')
  expect(old).toContain('-1+1')
  expect(rows[1]?.[header.indexOf('Thời điểm phê duyệt')]).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/)
})

test('nothing approved: no new batch; lost files are written again from the workspace and still verify', () => {
  for (const p of [batch.file, batch.sig]) rmSync(p)
  const r = cli(['export', f.path, '--as', 'Hoa', '--out', tempDir()], { input: `${PASSWORDS.hoa}\n` })
  expect(r.code, r.stderr).toBe(0)
  expect(r.stdout).toContain(`completed    ${batch.batchNo}`)
  expect(r.stdout).toContain('No approved correction is waiting to be exported.')
  expect(spawnSync('minisign', ['-Vq', '-p', batch.pub, '-m', batch.file]).status).toBe(0)

  // A later check from the workspace notices a file changed on disk.
  const bytes = readFileSync(batch.file)
  bytes.writeUInt8(bytes.readUInt8(100) ^ 0x20, 100)
  writeFileSync(batch.file, bytes)
  const ws = openWorkspace(f.path)
  try {
    const id = (ws.db.prepare('SELECT id FROM export_batches').get() as { id: number }).id
    expect(verifyRecordedBatch(ws, id)).toMatchObject({ ok: false, files: 'modified', problems: ['file-modified'] })
  } finally {
    ws.close()
  }
})
