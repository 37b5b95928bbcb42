import { join } from 'node:path'
import { expect, test } from 'vitest'
import { iterateRecords } from '../../../main/core/records/dump-rows.ts'
import { RecordInserter, type RecordCell } from '../../../main/core/records/record-inserts.ts'
import { createWorkspace } from '../../../main/core/workspace/index.ts'
import { tempDir } from '../../helpers/tmp.ts'

test('rows written several to a statement and the rest one by one all land, in order, with their provenance', () => {
  const ws = createWorkspace(join(tempDir(), 'inserts.vaxrecon'))
  const importId = Number(
    ws.db
      .prepare(
        `INSERT INTO imports (kind, file_name, file_hash, sheet, header_row, header_rows, headers_json, mapping_json, imported_at)
         VALUES ('site', 'f.xlsx', 'h', ?, 1, 1, '[]', '{}', '2026-01-01T00:00:00Z')`
      )
      .run("Trạm 'A'").lastInsertRowid
  )
  const inserter = new RecordInserter(ws.db, ['full_name', 'dose_number'] as const, { importId, kind: 'site', sheet: "Trạm 'A'" })
  // 19 rows: two multi-row statements and three single rows, a NULL among the values.
  const flat: RecordCell[] = []
  for (let i = 0; i < 19; i++) flat.push(i + 2, `["Người ${i}"]`, `Người ${i}`, i === 5 ? null : 1 + (i % 3), '[]')
  expect(inserter.insertFlat(flat)).toBe(19)
  expect(inserter.insertFlat([])).toBe(0)
  const rows = [...iterateRecords(ws.db, 'site', ['full_name', 'dose_number'] as const)]
  expect(rows).toHaveLength(19)
  rows.forEach((r, i) => {
    expect(r).toEqual({
      source_file: 'f.xlsx',
      source_sheet: "Trạm 'A'",
      source_row: i + 2,
      full_name: `Người ${i}`,
      dose_number: i === 5 ? null : 1 + (i % 3),
      warnings_json: '[]'
    })
  })
  ws.close()
})

function siteImport(ws: ReturnType<typeof createWorkspace>): number {
  return Number(
    ws.db
      .prepare(
        `INSERT INTO imports (kind, file_name, file_hash, sheet, header_row, header_rows, headers_json, mapping_json, imported_at)
         VALUES ('site', 'f.xlsx', 'h', 'S', 1, 1, '[]', '{}', '2026-01-01T00:00:00Z')`
      )
      .run().lastInsertRowid
  )
}

test('a batch longer than one statement: full statements, then the rest one by one, every row in order', () => {
  const ws = createWorkspace(join(tempDir(), 'inserts.vaxrecon'))
  const inserter = new RecordInserter(ws.db, ['full_name'] as const, { importId: siteImport(ws), kind: 'site', sheet: 'S' })
  const flat: RecordCell[] = []
  for (let i = 0; i < 113; i++) flat.push(i + 2, `["Người ${i}"]`, `Người ${i}`, '[]')
  expect(inserter.insertFlat(flat)).toBe(113)
  const rows = [...iterateRecords(ws.db, 'site', ['full_name'] as const)]
  expect(rows.map((r) => [r.source_row, r.full_name])).toEqual(Array.from({ length: 113 }, (_, i) => [i + 2, `Người ${i}`]))
  ws.close()
})

test('a row that breaks a constraint in the middle of a multi-row statement fails it, and its transaction rolls back whole', () => {
  const ws = createWorkspace(join(tempDir(), 'inserts.vaxrecon'))
  const inserter = new RecordInserter(ws.db, ['full_name', 'gender'] as const, { importId: siteImport(ws), kind: 'site', sheet: 'S' })
  const flat: RecordCell[] = []
  for (let i = 0; i < 120; i++) flat.push(i + 2, '[]', `Người ${i}`, i === 30 ? 'X' : 'F', '[]')
  ws.db.exec('BEGIN')
  expect(() => inserter.insertFlat(flat)).toThrow(/CHECK constraint failed/)
  ws.db.exec('ROLLBACK')
  expect(ws.db.prepare('SELECT count(*) AS n FROM records').get()).toEqual({ n: 0 })
  ws.close()
})
