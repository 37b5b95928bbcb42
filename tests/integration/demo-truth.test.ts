import { join } from 'node:path'
import type ExcelJS from 'exceljs'
import { beforeAll, describe, expect, test } from 'vitest'
import { CCCD_PROVINCE_CODES, cccdGenderCenturyDigit } from '../../main/core/data/cccd-provinces.ts'
import { stripDiacritics } from '../../main/core/base/vn-text.ts'
import { COMPLAINT_LABEL } from '../../main/core/demo/complaints.ts'
import { generateDemo, type DemoSummary } from '../../main/core/demo/generate.ts'
import { LAYOUTS, type ColumnKey } from '../../main/core/demo/layouts.ts'
import { COMPLAINT_NOISE, PERSON_TAGS, SITE_NOISE } from '../../main/core/demo/noise/rates.ts'
import { VACCINES } from '../../main/core/demo/vaccines.ts'
import { tempDir } from '../helpers/tmp.ts'
import { readCsv, readSheet, tagsOf } from './demo-helpers.ts'

let dir: string
let summary: DemoSummary
let siteRows: Record<string, string>[]
let registryRows: Record<string, string>[]
let complaintRows: Record<string, string>[]

beforeAll(async () => {
  dir = join(tempDir(), 'demo')
  summary = await generateDemo(dir, { persons: 2000, seed: 1 })
  siteRows = readCsv(join(dir, 'truth', 'site_rows.csv'))
  registryRows = readCsv(join(dir, 'truth', 'registry_rows.csv'))
  complaintRows = readCsv(join(dir, 'truth', 'complaint_rows.csv'))
})

function share(rows: Record<string, string>[], tag: string): number {
  return rows.filter((r) => tagsOf(r).includes(tag)).length / rows.length
}

describe('noise', () => {
  test('measured shares of site rows fall within the documented ranges', () => {
    const outside: string[] = []
    for (const [tag, spec] of Object.entries(SITE_NOISE)) {
      const s = share(siteRows, tag)
      if (s < spec.min || s > spec.max) outside.push(`${tag}: ${(s * 100).toFixed(2)}% not in [${spec.min * 100}, ${spec.max * 100}]`)
    }
    expect(outside).toEqual([])
  })

  test('measured shares of complaint rows fall within the documented ranges', () => {
    expect(complaintRows.length).toBeGreaterThan(40)
    const outside: string[] = []
    for (const [tag, spec] of Object.entries(COMPLAINT_NOISE)) {
      const s = share(complaintRows, tag)
      if (s < spec.min || s > spec.max) outside.push(`${tag}: ${(s * 100).toFixed(2)}%`)
    }
    expect(outside).toEqual([])
  })

  test('every tag in the truth is a documented one', () => {
    const known = new Set<string>([...Object.keys(SITE_NOISE), ...Object.keys(COMPLAINT_NOISE), ...PERSON_TAGS])
    const seen = new Set([...siteRows, ...complaintRows].flatMap(tagsOf))
    expect([...seen].filter((t) => !known.has(t))).toEqual([])
  })

  test('the cells say what the tags say', async () => {
    const byFile = new Map<string, ExcelJS.Worksheet>()
    const layoutOf = new Map(summary.sites.map((s) => [s.file, LAYOUTS.find((l) => l.id === s.layout)]))
    const displays = new Set(Object.values(VACCINES).map((v) => v.display))
    const problems: string[] = []
    for (const r of siteRows) {
      const file = r['source_file'] ?? ''
      let sheet = byFile.get(file)
      if (!sheet) {
        sheet = await readSheet(join(dir, file))
        byFile.set(file, sheet)
      }
      const layout = layoutOf.get(file)
      if (!layout) throw new Error(`no layout for ${file}`)
      const row = sheet.getRow(Number(r['source_row']))
      const cell = (key: ColumnKey) => {
        const i = layout.columns.findIndex((c) => c.key === key)
        return i < 0 ? undefined : row.getCell(i + 1).value
      }
      const tags = new Set(tagsOf(r))
      const check = (ok: boolean, what: string) => {
        if (!ok) problems.push(`${file}:${r['source_row']} ${what}`)
      }
      const name =
        cell('full_name') !== undefined ? String(cell('full_name')) : `${String(cell('family_name'))} ${String(cell('given_name'))}`
      if (tags.has('name_upper')) check(name === name.toUpperCase(), 'name_upper')
      if (tags.has('name_no_diacritics')) check(stripDiacritics(name) === name, 'name_no_diacritics')
      check(tags.has('name_nfd') === (name !== name.normalize('NFC')), 'name_nfd')

      const dob = cell('dob')
      if (tags.has('dob_year_only')) check(/^\d{4}$/.test(String(dob)), 'dob_year_only')
      else check(tags.has('dob_text') ? typeof dob === 'string' : dob instanceof Date, 'dob_text')
      check(tags.has('gender_missing') === (cell('gender') === null || cell('gender') === undefined), 'gender_missing')

      const id = cell('national_id')
      if (tags.has('id_missing')) check(id === null || id === undefined, 'id_missing')
      else if (tags.has('id_number')) check(typeof id === 'number', 'id_number')
      else if (tags.has('id_spaces')) check(typeof id === 'string' && id.includes(' '), 'id_spaces')
      else check(typeof id === 'string' && (tags.has('id_cmnd') ? /^\d{9}$/ : /^\d{12}$/).test(id), 'id form')

      const phone = cell('phone')
      if (tags.has('phone_plus84')) check(String(phone).startsWith('+84'), 'phone_plus84')
      if (tags.has('phone_number')) check(typeof phone === 'number', 'phone_number')
      if (tags.has('phone_old_prefix')) check(/^01\d{9}$/.test(String(phone)), 'phone_old_prefix')
      if (tags.has('phone_missing')) check(phone === null || phone === undefined, 'phone_missing')

      const doseDate = cell('dose_date')
      check(tags.has('dose_date_text') ? typeof doseDate === 'string' : doseDate instanceof Date, 'dose_date_text')
      check(tags.has('vaccine_alias') !== displays.has(String(cell('vaccine'))), 'vaccine_alias')
    }
    expect(problems.slice(0, 20)).toEqual([])
  })
})

describe('the truth', () => {
  test('site rows point at registry rows of the same person, or at nobody', () => {
    const keyOfRow = new Map(registryRows.map((r) => [r['registry_row'], r['person_key']]))
    for (const r of siteRows) {
      if (r['registry_row'] === '') expect(tagsOf(r)).toContain('not_in_registry')
      else {
        expect(keyOfRow.get(r['registry_row'])).toBe(r['person_key'])
        expect(tagsOf(r)).not.toContain('not_in_registry')
      }
    }
    expect(share(siteRows, 'not_in_registry')).toBeGreaterThan(0.02)
    // Site files and truth agree on the row counts.
    const files = readCsv(join(dir, 'truth', 'site_files.csv'))
    expect(files.reduce((n, f) => n + Number(f['data_rows']), 0)).toBe(siteRows.length)
  })

  test('duplicates point at an earlier row of the same person', () => {
    const key = new Map(siteRows.map((r) => [`${r['source_file']}:${r['source_row']}`, r]))
    const dups = readCsv(join(dir, 'truth', 'duplicate_doses.csv'))
    expect(dups.length).toBeGreaterThan(20)
    for (const d of dups) {
      const dup = key.get(`${d['source_file']}:${d['source_row']}`)
      const orig = key.get(`${d['duplicate_of_file']}:${d['duplicate_of_row']}`)
      expect(dup?.['person_key']).toBe(orig?.['person_key'])
      expect(tagsOf(dup ?? {})).toContain('duplicate')
    }
    expect(siteRows.filter((r) => tagsOf(r).includes('duplicate')).length).toBe(dups.length)
  })

  test('complaints: the four types, some true and some false, evidence pointing at real site rows', async () => {
    expect(complaintRows.some((c) => c['is_true'] === 'true')).toBe(true)
    expect(complaintRows.some((c) => c['is_true'] === 'false')).toBe(true)
    const sheet = await readSheet(join(dir, 'complaints.xlsx'))
    expect(sheet.getRow(1).values).toEqual([
      undefined,
      'Mã phản ánh',
      'Thời gian gửi',
      'Họ và tên',
      'Ngày sinh',
      'Số CCCD/CMND',
      'Loại phản ánh',
      'Mũi tiêm',
      'Ngày tiêm',
      'Loại vắc xin',
      'Nội dung',
      'Số điện thoại'
    ])
    const types = new Set<string>()
    let previous = 0
    for (const c of complaintRows) {
      const row = sheet.getRow(Number(c['source_row']))
      types.add(String(row.getCell(6).value))
      const submitted = row.getCell(2).value
      expect(submitted).toBeInstanceOf(Date)
      const t = (submitted as Date).getTime()
      expect(t).toBeGreaterThanOrEqual(previous)
      expect((submitted as Date).toISOString() >= '2021-10-01').toBe(true)
      previous = t
    }
    expect(types).toEqual(new Set(Object.values(COMPLAINT_LABEL)))
    const siteKeys = new Set(siteRows.map((r) => `${r['source_file']}:${r['source_row']}`))
    for (const e of readCsv(join(dir, 'truth', 'complaint_evidence.csv')))
      expect(siteKeys.has(`${e['site_file']}:${e['site_row']}`)).toBe(true)
  })
})

describe('the registry', () => {
  let people: { cccd: string; cmnd: string | null; name: string; dob: Date; gender: string; address: string; hard: string }[]

  beforeAll(async () => {
    const sheet = await readSheet(join(dir, 'registry.xlsx'))
    const hard = new Map(registryRows.map((r) => [Number(r['registry_row']), r['hard_case'] ?? '']))
    people = []
    sheet.eachRow((row, n) => {
      if (n === 1) return
      const v = (i: number) => row.getCell(i).value
      people.push({
        cccd: v(1) as string,
        cmnd: (v(2) as string | null) ?? null,
        name: v(3) as string,
        dob: v(4) as Date,
        gender: v(5) as string,
        address: v(6) as string,
        hard: hard.get(n) ?? ''
      })
    })
    expect(people.length).toBe(registryRows.length)
  })

  test('CCCDs are structurally valid text and unique; CMNDs are 9 digits and unique', () => {
    for (const p of people) {
      expect(typeof p.cccd).toBe('string')
      expect(p.cccd).toMatch(/^\d{12}$/)
      expect(CCCD_PROVINCE_CODES[p.cccd.slice(0, 3)]).toBeDefined()
      const year = p.dob.getUTCFullYear()
      expect(Number(p.cccd[3])).toBe(cccdGenderCenturyDigit(p.gender === 'Nam' ? 'M' : 'F', year))
      expect(p.cccd.slice(4, 6)).toBe(String(year % 100).padStart(2, '0'))
      if (p.cmnd !== null) expect(p.cmnd).toMatch(/^\d{9}$/)
    }
    expect(new Set(people.map((p) => p.cccd)).size).toBe(people.length)
    const cmnds = people.flatMap((p) => (p.cmnd ? [p.cmnd] : []))
    expect(new Set(cmnds).size).toBe(cmnds.length)
    expect(cmnds.length / people.length).toBeGreaterThan(0.5)
  })

  test('names: realistic surname shares, gendered middle names, NFC', () => {
    const surname = (n: string) => n.split(' ')[0] ?? ''
    const shareOf = (s: string) => people.filter((p) => surname(p.name) === s).length / people.length
    expect(shareOf('Nguyễn')).toBeGreaterThan(0.34)
    expect(shareOf('Nguyễn')).toBeLessThan(0.42)
    expect(shareOf('Trần')).toBeGreaterThan(0.08)
    expect(shareOf('Trần')).toBeLessThan(0.14)
    expect(shareOf('Lê')).toBeGreaterThan(0.07)
    expect(shareOf('Lê')).toBeLessThan(0.12)
    expect(new Set(people.map((p) => surname(p.name))).size).toBeGreaterThan(30)
    const women = people.filter((p) => p.gender === 'Nữ')
    const men = people.filter((p) => p.gender === 'Nam')
    expect(women.filter((p) => p.name.split(' ').includes('Thị')).length / women.length).toBeGreaterThan(0.4)
    expect(men.filter((p) => p.name.split(' ').includes('Văn')).length / men.length).toBeGreaterThan(0.2)
    expect(men.some((p) => p.name.split(' ').includes('Thị'))).toBe(false)
    for (const p of people) expect(p.name).toBe(p.name.normalize('NFC'))
    // Everyone in the extract lives in the district.
    for (const p of people) expect(p.address.endsWith(`${summary.district.name}, ${summary.district.province}`)).toBe(true)
  })

  test('hard cases: twins share surname, birth date and address, with neighbouring IDs; namesakes share name and birth date', () => {
    const twins = people.filter((p) => p.hard === 'twin')
    expect(twins.length).toBeGreaterThanOrEqual(20)
    let neighbours = 0
    let sameGender = 0
    for (const t of twins) {
      const sibling = twins.find(
        (o) => o !== t && o.dob.getTime() === t.dob.getTime() && o.address === t.address && o.name.split(' ')[0] === t.name.split(' ')[0]
      )
      expect(sibling, t.cccd).toBeDefined()
      expect(sibling?.name.split(' ').pop()).not.toBe(t.name.split(' ').pop())
      if (sibling && sibling.gender === t.gender) {
        sameGender++
        if (Math.abs(Number(sibling.cccd) - Number(t.cccd)) === 1) neighbours++
      }
    }
    expect(sameGender).toBeGreaterThan(0)
    expect(neighbours).toBe(sameGender)

    const namesakes = people.filter((p) => p.hard === 'namesake')
    expect(namesakes.length).toBeGreaterThanOrEqual(10)
    const groups = new Map<string, number>()
    for (const p of namesakes) groups.set(`${p.name}|${p.dob.getTime()}`, (groups.get(`${p.name}|${p.dob.getTime()}`) ?? 0) + 1)
    expect([...groups.values()].filter((n) => n >= 2).length).toBeGreaterThanOrEqual(5)
    // No namesake pair in the registry goes untagged.
    const all = new Map<string, number>()
    for (const p of people) all.set(`${p.name}|${p.dob.getTime()}`, (all.get(`${p.name}|${p.dob.getTime()}`) ?? 0) + 1)
    for (const p of people) if ((all.get(`${p.name}|${p.dob.getTime()}`) ?? 0) > 1) expect(p.hard).toBe('namesake')
  })
})
