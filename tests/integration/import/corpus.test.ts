import { expect, test } from 'vitest'
import type { SourceKind } from '../../../main/core/import/fields.ts'
import { rawOf } from '../../../main/core/import/raw.ts'
import { addressOf, PERSONS, type Person } from '../../fixtures/import/persons.ts'
import { freshWorkspace, importFixture, records, type RecordRow } from './helpers.ts'

type Field =
  | 'full_name'
  | 'dob'
  | 'gender'
  | 'national_id'
  | 'id_kind'
  | 'phone'
  | 'address'
  | 'codes'
  | 'vaccine'
  | 'lot'
  | 'dose_number'
  | 'dose_date'

interface Case {
  file: string
  kind: SourceKind
  /** Fields every row must give back exactly as in PERSONS. */
  fields: Field[]
  sheet: string
  headerRow: number
  headerRows?: 1 | 2
  /** Excel row (or CSV line) of the first person. */
  firstRow: number
  /** Lines per record (CSV records with a line break inside a quoted field span two). */
  rowStep?: number
  warnings?: Record<string, number>
}

const PERSON_FIELDS: Field[] = ['full_name', 'dob', 'national_id', 'id_kind']
const ALL: Field[] = [...PERSON_FIELDS, 'gender', 'phone', 'address', 'codes', 'vaccine', 'dose_number', 'dose_date']

/** The corpus: each file is the same ten people written with its own quirks. */
const CASES: Case[] = [
  {
    file: 'site-basic.xlsx',
    kind: 'site',
    fields: [...ALL, 'lot'],
    sheet: 'Danh sách',
    headerRow: 1,
    firstRow: 2,
    warnings: { DATE_YEAR_IN_DATE_CELL: 1 }
  },
  { file: 'site-title-footer.xlsx', kind: 'site', fields: [...ALL, 'lot'], sheet: 'DS tiêm', headerRow: 6, firstRow: 7 },
  {
    file: 'site-two-row-header.xlsx',
    kind: 'site',
    fields: [...PERSON_FIELDS, 'gender', 'address', 'codes', 'vaccine', 'dose_number', 'dose_date'],
    sheet: 'Sheet1',
    headerRow: 2,
    headerRows: 2,
    firstRow: 5
  },
  { file: 'site-split-names.xlsx', kind: 'site', fields: ALL, sheet: 'Danh sách', headerRow: 1, firstRow: 2, warnings: {} },
  {
    file: 'site-dates.xlsx',
    kind: 'site',
    fields: ['full_name', 'dob', 'dose_number', 'dose_date'],
    sheet: 'Ngay sinh',
    headerRow: 1,
    firstRow: 2
  },
  { file: 'site-ids-phones.xlsx', kind: 'site', fields: [...PERSON_FIELDS, 'gender', 'phone'], sheet: 'Data', headerRow: 1, firstRow: 2 },
  { file: 'site-tcvn3.xlsx', kind: 'site', fields: [...PERSON_FIELDS, 'address', 'codes'], sheet: 'Sheet1', headerRow: 1, firstRow: 2 },
  { file: 'site-vni.xlsx', kind: 'site', fields: [...PERSON_FIELDS, 'address', 'codes'], sheet: 'Sheet1', headerRow: 1, firstRow: 2 },
  {
    file: 'registry-extract.xlsx',
    kind: 'registry',
    fields: ['full_name', 'dob', 'gender', 'address', 'codes', 'phone'],
    sheet: 'Dan cu',
    headerRow: 1,
    firstRow: 2
  },
  { file: 'complaints.xlsx', kind: 'complaint', fields: [...PERSON_FIELDS, 'phone'], sheet: 'Phan anh', headerRow: 1, firstRow: 2 },
  { file: 'site-odd-cells.xlsx', kind: 'site', fields: PERSON_FIELDS, sheet: 'Nguoi', headerRow: 1, firstRow: 2 },
  { file: 'site-english.xlsx', kind: 'site', fields: [...ALL, 'lot'], sheet: 'Sheet1', headerRow: 1, firstRow: 2, warnings: {} },
  { file: 'site-streamed.xlsx', kind: 'site', fields: [...ALL, 'lot'], sheet: 'Xuất dữ liệu', headerRow: 1, firstRow: 2, warnings: {} },
  { file: 'site-utf8.csv', kind: 'site', fields: ALL, sheet: 'site-utf8', headerRow: 1, firstRow: 2 },
  { file: 'site-utf8-bom.csv', kind: 'site', fields: ALL, sheet: 'site-utf8-bom', headerRow: 1, firstRow: 2 },
  { file: 'site-utf16.csv', kind: 'site', fields: ALL, sheet: 'site-utf16', headerRow: 1, firstRow: 2 },
  { file: 'site-windows1258.csv', kind: 'site', fields: ALL, sheet: 'site-windows1258', headerRow: 1, firstRow: 2 },
  { file: 'site-semicolon.csv', kind: 'site', fields: PERSON_FIELDS, sheet: 'site-semicolon', headerRow: 1, firstRow: 2, rowStep: 2 },
  { file: 'lo-site-from-csv.xlsx', kind: 'site', fields: ALL, sheet: 'lo-site-from-csv', headerRow: 1, firstRow: 2 },
  {
    file: 'lo-site-from-html.xlsx',
    kind: 'site',
    fields: [...PERSON_FIELDS, 'codes', 'vaccine'],
    sheet: 'Sheet1',
    headerRow: 3,
    headerRows: 2,
    firstRow: 5,
    warnings: {}
  },
  {
    file: 'lo-registry-from-fods.xlsx',
    kind: 'registry',
    fields: [...PERSON_FIELDS, 'gender', 'address', 'codes', 'phone'],
    sheet: 'Trich xuat',
    headerRow: 3,
    firstRow: 4,
    warnings: {}
  },
  {
    file: 'lo-complaints-from-fods.xlsx',
    kind: 'complaint',
    fields: ['full_name', 'national_id', 'id_kind', 'phone'],
    sheet: 'Khieu nai',
    headerRow: 1,
    firstRow: 2
  }
]

function expected(p: Person, f: Field): Partial<RecordRow> {
  switch (f) {
    case 'codes':
      return { province_code: p.province_code, district_code: p.district_code, ward_code: p.ward_code }
    case 'address':
      return { address: addressOf(p) }
    default:
      return { [f]: p[f] }
  }
}

for (const c of CASES) {
  test(`${c.file}: the ten people come back exactly, with their Excel rows`, async () => {
    const ws = freshWorkspace()
    const s = await importFixture(ws, c.file, c.kind)
    expect(s).toMatchObject({
      sheet: c.sheet,
      headerRow: c.headerRow,
      headerRows: c.headerRows ?? 1,
      rowsRead: 10,
      imported: 10,
      rejected: 0
    })
    if (c.warnings) expect(s.warningsByKind).toEqual(c.warnings)
    const rows = records(ws)
    expect(rows.map((r) => r.source_row)).toEqual(PERSONS.map((_, i) => c.firstRow + i * (c.rowStep ?? 1)))
    rows.forEach((r, i) => {
      const p = PERSONS[i] as Person
      for (const f of c.fields) expect(r, `${c.file} row ${r.source_row} ${f}`).toMatchObject(expected(p, f))
      expect(r.source_sheet).toBe(c.sheet)
    })
    ws.close()
  })
}

test('dates: every written form, partial years kept as years, ambiguous day/month flagged', async () => {
  const ws = freshWorkspace()
  await importFixture(ws, 'site-dates.xlsx', 'site')
  const rows = records(ws)
  // Lê Hoàng Dũng has only a birth year: it stays "1972", never 1972-01-01.
  expect(rows[2]?.dob).toBe('1972')
  // 01.12.1955 could be 1 December or 12 January: read day first and say so.
  const tuyet = rows[5] as RecordRow
  expect(tuyet.dob).toBe('1955-12-01')
  expect(JSON.parse(tuyet.warnings_json)).toContainEqual({ field: 'dob', code: 'DATE_AMBIGUOUS_DAY_MONTH' })
  ws.close()
})

test('the footer signature block and the title lines never become rows', async () => {
  const ws = freshWorkspace()
  const s = await importFixture(ws, 'site-title-footer.xlsx', 'site')
  expect(s.imported).toBe(10)
  const names = records(ws).map((r) => r.full_name)
  expect(names).not.toContain('Người Lập Biểu')
  expect(names).not.toContain('Nguyễn Thị Hồng')
  ws.close()
})

test('IDs stored as numbers get their zeros back; old mobile prefixes become 10 digits', async () => {
  const ws = freshWorkspace()
  const s = await importFixture(ws, 'site-ids-phones.xlsx', 'site')
  expect(s.warningsByKind['ID_LEADING_ZERO_RESTORED']).toBeGreaterThan(0)
  expect(s.warningsByKind['PHONE_OLD_PREFIX_CONVERTED']).toBe(2)
  expect(s.warningsByKind['SITE_NO_DOSE']).toBe(10)
  ws.close()
})

test('vaccine spellings are canonicalized and an unknown vaccine is flagged, not guessed', async () => {
  const ws = freshWorkspace()
  const s = await importFixture(ws, 'site-vaccines.xlsx', 'site')
  expect(s.imported).toBe(11)
  const rows = records(ws)
  expect(rows.slice(0, 10).map((r) => r.vaccine)).toEqual([
    'ASTRAZENECA',
    'PFIZER',
    'MODERNA',
    'VEROCELL',
    'SPUTNIKV',
    'JANSSEN',
    'HAYATVAX',
    'ABDALA',
    'PFIZER',
    'ASTRAZENECA'
  ])
  expect(rows[10]?.vaccine).toBeNull()
  expect(rawOf(ws, 'records', rows[10]?.id ?? 0)).toMatchObject({ 'Loại vắc xin': 'Covaxin' })
  expect(s.warningsByKind).toMatchObject({ VACCINE_UNKNOWN: 1 })
  ws.close()
})

test('legacy-encoded names are converted and flagged', async () => {
  for (const [file, code] of [
    ['site-tcvn3.xlsx', 'NAME_FROM_TCVN3'],
    ['site-vni.xlsx', 'NAME_FROM_VNI']
  ] as const) {
    const ws = freshWorkspace()
    const s = await importFixture(ws, file, 'site')
    expect(s.warningsByKind[code]).toBe(10)
    // The raw cell is kept next to the converted name.
    expect(rawOf(ws, 'records', records(ws)[0]?.id ?? 0)?.['Họ và tên']).not.toBe('Nguyễn Văn An')
    ws.close()
  }
})

test('registry: the CMND column next to the ID column becomes old_national_id', async () => {
  const ws = freshWorkspace()
  const s = await importFixture(ws, 'registry-extract.xlsx', 'registry')
  expect(s.mapping).toMatchObject({ national_id: ['Số định danh cá nhân'], old_national_id: ['CMND cũ'] })
  const dung = records(ws)[2] as RecordRow
  expect(dung).toMatchObject({ national_id: null, old_national_id: '013456789' })
  expect(records(ws)[0]).toMatchObject({ national_id: '001085012345', id_kind: 'CCCD', old_national_id: '185012345' })
  ws.close()
})

test('complaints keep their ID, date, type and text', async () => {
  const ws = freshWorkspace()
  await importFixture(ws, 'complaints.xlsx', 'complaint')
  expect(records(ws)[0]).toMatchObject({ complaint_id: 'PA-2022-0001', submitted_at: '2022-03-10', complaint_type: 'Chưa có mũi tiêm' })
  expect(records(ws)[0]?.description).toContain('Tôi đã tiêm mũi 1')
  ws.close()
})

test('a site row with a person but no dose columns is kept with a warning', async () => {
  const ws = freshWorkspace()
  const s = await importFixture(ws, 'site-odd-cells.xlsx', 'site')
  expect(s.warningsByKind['SITE_NO_DOSE']).toBe(10)
  expect(JSON.parse(records(ws)[0]?.warnings_json ?? '[]')).toContainEqual({ field: 'dose', code: 'SITE_NO_DOSE' })
  ws.close()
})

test('bad rows among good ones are rejected with their Excel row and a bilingual reason', async () => {
  const ws = freshWorkspace()
  const s = await importFixture(ws, 'site-some-rejects.xlsx', 'site')
  expect(s).toMatchObject({ rowsRead: 14, imported: 11, rejected: 3, blankRows: 0, rejectsByReason: { NAME_NOT_TEXT: 2, MISSING_NAME: 1 } })
  const rejects = ws.db
    .prepare('SELECT id, source_row, reason_code, reason_vi, reason_en, raw_json FROM rejects ORDER BY source_row')
    .all() as {
    id: number
    source_row: number
    reason_code: string
    reason_vi: string
    reason_en: string
    raw_json: string
  }[]
  expect(rejects.map((r) => [r.source_row, r.reason_code])).toEqual([
    [7, 'NAME_NOT_TEXT'],
    [8, 'MISSING_NAME'],
    [9, 'NAME_NOT_TEXT']
  ])
  for (const r of rejects) expect(r.reason_vi.length * r.reason_en.length).toBeGreaterThan(0)
  expect(rawOf(ws, 'rejects', rejects[0]?.id ?? 0)).toMatchObject({ 'Họ và tên': '#REF!', 'Vắc xin': 'Pfizer' })
  // Row 11 has no name but an ID: kept, flagged.
  const kept = records(ws).find((r) => r.source_row === 11) as RecordRow
  expect(kept).toMatchObject({ full_name: null, national_id: '079190123456' })
  expect(JSON.parse(kept.warnings_json)).toContainEqual({ field: 'full_name', code: 'NAME_MISSING' })
  ws.close()
})

test('notes and hidden sheets are skipped; a sheet can be chosen by name', async () => {
  const ws = freshWorkspace()
  const first = await importFixture(ws, 'site-multi-sheet.xlsx', 'site')
  expect(first).toMatchObject({ sheet: 'Xã Tân Lập', imported: 6 })
  const hidden = await importFixture(freshWorkspace(), 'site-odd-cells.xlsx', 'site')
  expect(hidden.sheet).toBe('Nguoi')
  ws.close()
  const ws2 = freshWorkspace()
  const second = await importFixture(ws2, 'site-multi-sheet.xlsx', 'site', { sheet: 'Xã Hạ Mỗ' })
  expect(second).toMatchObject({ sheet: 'Xã Hạ Mỗ', imported: 4 })
  expect(records(ws2)[0]?.full_name).toBe('Hoàng Minh Tuấn')
  ws2.close()
})

test('the same file imported twice is recognised by its content and adds nothing', async () => {
  const ws = freshWorkspace()
  const a = await importFixture(ws, 'site-basic.xlsx', 'site')
  const auditBefore = (ws.db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n
  const b = await importFixture(ws, 'site-basic.xlsx', 'site')
  expect(b.duplicateOf).toMatchObject({ importId: a.importId })
  expect(records(ws)).toHaveLength(10)
  expect((ws.db.prepare('SELECT count(*) AS n FROM imports').get() as { n: number }).n).toBe(1)
  expect((ws.db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n).toBe(auditBefore)
  // The same content as another kind is a different import.
  const c = await importFixture(ws, 'site-basic.xlsx', 'registry')
  expect(c.duplicateOf).toBeNull()
  ws.close()
})

test('an import is recorded with its file name, hash, sheet, header row and mapping, and audited', async () => {
  const ws = freshWorkspace()
  const s = await importFixture(ws, 'site-two-row-header.xlsx', 'site')
  const imp = ws.db.prepare('SELECT * FROM imports WHERE id = ?').get(s.importId) as Record<string, unknown>
  expect(imp).toMatchObject({
    kind: 'site',
    file_name: 'site-two-row-header.xlsx',
    sheet: 'Sheet1',
    header_row: 2,
    header_rows: 2,
    rows_imported: 10
  })
  expect(String(imp['file_hash'])).toMatch(/^[0-9a-f]{64}$/)
  expect(JSON.parse(String(imp['mapping_json']))).toMatchObject({ dob_male: ['Ngày sinh Nam'], dob_female: ['Ngày sinh Nữ'] })
  const audit = ws.db.prepare("SELECT * FROM audit_log WHERE action = 'import.file'").get() as { entity_id: string; new_json: string }
  expect(audit.entity_id).toBe(String(s.importId))
  // The audit entry carries counts, never personal data.
  expect(audit.new_json).not.toContain('Nguyễn')
  ws.close()
})
