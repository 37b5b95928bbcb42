import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test } from 'vitest'
import { normalizeBatches, type RowBatch, type RowPlan } from '../../../main/core/import/normalize-batches.ts'
import { readInWorker } from '../../../main/core/import/read-worker.ts'
import { openSpreadsheet } from '../../../main/core/import/readers/open.ts'
import { tempDir } from '../../helpers/tmp.ts'
import { fixture } from './helpers.ts'

/** A CSV with a bit of everything: clean rows, warnings, rejects and blank rows (a note only). */
function mixedCsv(rows: number): string {
  const path = join(tempDir(), 'tram.csv')
  const lines = ['Họ và tên,Ngày sinh,Số CCCD,Số điện thoại,Loại vắc xin,Mũi,Ngày tiêm,Ghi chú']
  const names = ['Nguyễn Văn An', 'TRẦN THỊ BÌNH', 'le  van  cuong', '#REF!', '', 'Phạm Thu Hà']
  const phones = ['0912345678', '+84912345678', '1623456789', '', '912 345 678']
  for (let i = 0; i < rows; i++) {
    if (i % 97 === 0) lines.push(',,,,,,,chưa tiêm')
    else
      lines.push(
        `${names[i % 6]},${1 + (i % 28)}/${1 + (i % 12)}/19${50 + (i % 50)},${i % 7 === 0 ? '' : `0010${String(i).padStart(8, '0')}`},${phones[i % 5]},${i % 11 === 0 ? 'Covaxin' : 'Pfizer'},${1 + (i % 3)},15/09/2021,`
      )
  }
  writeFileSync(path, lines.join('\n') + '\n')
  return path
}

const plan = (sheet: string): RowPlan => ({
  kind: 'site',
  sheet,
  dataStart: 2,
  cols: { full_name: [0], dob: [1], national_id: [2], phone: [3], vaccine: [4], dose_number: [5], dose_date: [6] },
  nameCols: [0],
  columns: [
    'full_name',
    'dob',
    'gender',
    'national_id',
    'id_kind',
    'old_national_id',
    'phone',
    'address',
    'province_code',
    'district_code',
    'ward_code',
    'vaccine',
    'lot',
    'dose_number',
    'dose_date',
    'site_name'
  ],
  titleDistricts: [],
  siteName: null
})

/** Everything a run of batches carries, minus the progress figures. */
function collect(batches: RowBatch[]) {
  const warnings: Record<string, number> = {}
  for (const b of batches) for (const [k, n] of Object.entries(b.warnings)) warnings[k] = (warnings[k] ?? 0) + n
  return {
    records: batches.flatMap((b) => b.records),
    rejects: batches.flatMap((b) => b.rejects),
    read: batches.reduce((n, b) => n + b.read, 0),
    blank: batches.reduce((n, b) => n + b.blank, 0),
    warnings
  }
}

test('the reader thread hands over exactly what reading in this thread gives', async () => {
  const path = mixedCsv(5000)
  const source = await openSpreadsheet(path)
  const sheet = source.sheets[0]?.name ?? ''
  const here: RowBatch[] = []
  for await (const b of normalizeBatches(source, plan(sheet))) here.push(b)
  await source.close()
  const there: RowBatch[] = []
  for await (const b of readInWorker(path, plan(sheet))) there.push(b)

  const a = collect(here)
  expect(collect(there)).toEqual(a)
  // The file really has every case, and no row went missing.
  expect(a.rejects.length).toBeGreaterThan(0)
  expect(a.blank).toBeGreaterThan(0)
  expect(Object.keys(a.warnings).length).toBeGreaterThan(2)
  expect(a.read + a.blank).toBe(5000)
})

test('a file the reader thread cannot read fails with its bilingual error', async () => {
  const run = async () => {
    for await (const b of readInWorker(fixture('bad/bad-truncated.xlsx'), plan('Sheet1'))) void b
  }
  await expect(run()).rejects.toMatchObject({ code: 'FILE_DAMAGED' })
})

test('leaving the loop early stops the reader thread', async () => {
  const path = mixedCsv(20_000)
  let batches = 0
  for await (const b of readInWorker(path, plan('tram'))) {
    void b
    if (++batches === 2) break
  }
  expect(batches).toBe(2)
})
