import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, test } from 'vitest'
import { generateDemo, type DemoSummary } from '../../main/core/demo/generate.ts'
import { tempDir } from '../helpers/tmp.ts'
import { hashTree, libreOfficeToCsv, readCsv, readSheet, sheetNames } from './demo-helpers.ts'

let dir: string
let summary: DemoSummary

beforeAll(async () => {
  dir = join(tempDir(), 'demo')
  summary = await generateDemo(dir, { persons: 300, seed: 42 })
})

describe('the files', () => {
  test('are the registry, one file per site with an ASCII name, the complaints and the truth', () => {
    const files = readdirSync(dir).sort()
    expect(files).toContain('registry.xlsx')
    expect(files).toContain('complaints.xlsx')
    expect(files).toContain('truth')
    const sites = files.filter((f) => f.startsWith('site_'))
    expect(sites.length).toBe(summary.sites.length)
    expect(sites.length).toBeGreaterThanOrEqual(5)
    for (const f of sites) expect(f).toMatch(/^site_\d{2}_[a-z0-9-]+\.xlsx$/)
    expect(readdirSync(join(dir, 'truth')).sort()).toEqual([
      'complaint_evidence.csv',
      'complaint_rows.csv',
      'duplicate_doses.csv',
      'registry_rows.csv',
      'site_files.csv',
      'site_rows.csv'
    ])
  })

  test('the same seed gives byte-identical files, another seed different ones', async () => {
    const again = join(tempDir(), 'again')
    await generateDemo(again, { persons: 300, seed: 42 })
    const first = hashTree(dir)
    expect(hashTree(again)).toEqual(first)

    const other = join(tempDir(), 'other')
    await generateDemo(other, { persons: 300, seed: 43 })
    const second = hashTree(other)
    expect(second['registry.xlsx']).not.toBe(first['registry.xlsx'])
    expect(second['truth/site_rows.csv']).not.toBe(first['truth/site_rows.csv'])
  })

  test('open in LibreOffice with the row counts the truth gives', () => {
    const siteFiles = readCsv(join(dir, 'truth', 'site_files.csv'))
    const siteRows = readCsv(join(dir, 'truth', 'site_rows.csv'))
    const files = ['registry.xlsx', 'complaints.xlsx', ...siteFiles.map((s) => s['source_file'] ?? '')].map((f) => join(dir, f))
    const csv = libreOfficeToCsv(files)

    const registry = csv.get('registry.xlsx') ?? []
    expect(registry[0]?.slice(0, 6)).toEqual(['Số CCCD', 'CMND cũ', 'Họ và tên', 'Ngày sinh', 'Giới tính', 'Địa chỉ thường trú'])
    expect(registry.slice(1).filter((r) => /^\d{12}$/.test(r[0] ?? '')).length).toBe(
      readCsv(join(dir, 'truth', 'registry_rows.csv')).length
    )

    const complaints = csv.get('complaints.xlsx') ?? []
    expect(complaints.slice(1).filter((r) => /^PA21-\d{6}$/.test(r[0] ?? '')).length).toBe(
      readCsv(join(dir, 'truth', 'complaint_rows.csv')).length
    )

    for (const s of siteFiles) {
      const file = s['source_file'] ?? ''
      const rows = csv.get(file) ?? []
      const first = Number(s['first_data_row'])
      const last = Number(s['last_data_row'])
      const inTruth = siteRows.filter((r) => r['source_file'] === file).length
      // STT runs 1..n down the data block and nowhere else.
      const numbered = rows.filter((r) => /^\d+$/.test(r[0] ?? ''))
      expect(numbered.length, file).toBe(inTruth)
      expect(last - first + 1, file).toBe(inTruth)
      expect(rows[first - 1]?.[0], file).toBe('1')
      expect(rows[last - 1]?.[0], file).toBe(String(inTruth))
      const text = rows.flat().join('\n')
      expect(text, file).toContain('DANH SÁCH NGƯỜI ĐƯỢC TIÊM VẮC XIN PHÒNG COVID-19')
      expect(text, file).toContain('Người lập biểu')
      expect(text, file).toContain('Thủ trưởng đơn vị')
      expect(text, file).toMatch(/, ngày 31 tháng 12 năm 2021/)
    }
  })

  test('site layouts vary and look like government forms', async () => {
    const siteFiles = readCsv(join(dir, 'truth', 'site_files.csv'))
    const layouts = new Set(siteFiles.map((s) => s['layout']))
    expect(layouts).toEqual(new Set(['standard', 'split-name', 'two-row-header', 'local-words', 'split-address']))

    const split = siteFiles.find((s) => s['layout'] === 'split-name')
    const splitSheet = await readSheet(join(dir, split?.['source_file'] ?? ''))
    const header = splitSheet.getRow(Number(split?.['header_first_row'])).values as unknown[]
    expect(header).toContain('Họ và đệm')
    expect(header).toContain('Tên')

    const two = siteFiles.find((s) => s['layout'] === 'two-row-header')
    const twoSheet = await readSheet(join(dir, two?.['source_file'] ?? ''))
    const top = Number(two?.['header_first_row'])
    expect(Number(two?.['header_last_row'])).toBe(top + 1)
    expect(twoSheet.getRow(top).values as unknown[]).toContain('Thông tin mũi tiêm')
    expect(twoSheet.getRow(top + 1).values as unknown[]).toContain('Ngày tiêm')
    // Merged cells above and in the header.
    const merges = (twoSheet.model as { merges?: string[] }).merges ?? []
    expect(merges).toContain('A1:D1')
    expect(merges.length).toBeGreaterThan(8)

    for (const s of siteFiles) expect(await sheetNames(join(dir, s['source_file'] ?? ''))).toEqual([s['sheet'], 'Ghi chú'])
  })
})
