import type { DuckDBConnection } from '@duckdb/node-api'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { birthDate } from '../../../main/core/link/compare/dob.ts'
import { nationalId } from '../../../main/core/link/compare/id.ts'
import type { Comparison } from '../../../main/core/link/compare/types.ts'
import { prepare, type Prepared } from '../../../main/core/link/prepare.ts'
import { COMPARISON_SQL } from '../../../main/core/splink/comparisons-sql.ts'
import { loadRecords, openDuckDb } from '../../../main/core/splink/duckdb.ts'
import { exportRow } from '../../../main/core/splink/record-columns.ts'

/**
 * The birth-date and ID levels' SQL against VaxRecon's own, over every pair of a grid of
 * the values that tell the levels apart: 1 January against another day, year-only dates,
 * swapped day and month, CCCDs whose embedded sex or birth year fits their own row, the
 * other row or neither, typos, 9-digit CMNDs and crosswalks. The demo workspace reaches
 * some of these levels rarely or never; here every level is reached.
 */
const DOBS = [
  null,
  '1980',
  '1981',
  '1980-01-01',
  '1980-01-10',
  '1980-10-01',
  '1980-01-02',
  '1980-02-01',
  '1980-03-04',
  '1980-04-03',
  '1981-01-01',
  '1908-01-01',
  '1980-12-31',
  '2005-01-01',
  '2005-06-07'
]
const CCCDS = [
  '001080012345',
  '001180012345',
  '001081012345',
  '001080012346',
  '001080012354',
  '001090012345',
  '001205012345',
  '001305012345',
  '001280012345'
]
const CMNDS = ['123456789', '123456780', '123456798', '987654321']

const row = (
  id: number,
  cells: { dob?: string | null; gender?: string | null; national_id?: string | null; old_national_id?: string | null }
): Prepared =>
  prepare({
    id,
    import_id: 1,
    kind: id % 2 === 0 ? 'site' : 'registry',
    full_name: null,
    dob: null,
    gender: null,
    national_id: null,
    old_national_id: null,
    phone: null,
    address: null,
    province_code: null,
    district_code: null,
    ward_code: null,
    vaccine: null,
    dose_number: null,
    dose_date: null,
    complaint_type: null,
    ...cells
  })

function grid(): { dob: Prepared[]; id: Prepared[] } {
  let n = 0
  const dob = DOBS.map((d) => row(++n, { dob: d }))
  const id: Prepared[] = []
  for (const gender of [null, 'M', 'F'])
    for (const d of [null, '1980', '1980-05-06', '2005-05-06'])
      for (const nid of [null, ...CCCDS, ...CMNDS])
        for (const old of [null, CMNDS[0] as string, CCCDS[0] as string])
          id.push(row(++n, { dob: d, gender, national_id: nid, old_national_id: old }))
  return { dob, id }
}

let con: DuckDBConnection
const records = grid()

beforeAll(async () => {
  con = await openDuckDb()
  for (const [table, recs] of Object.entries(records)) {
    await loadRecords(
      con,
      table,
      recs.map((r) => exportRow(r, { sourceDataset: 'site', sourceFile: 'grid', sourceSheet: 'grid', sourceRow: r.id, fullName: null }))
    )
  }
})
afterAll(() => con?.closeSync())

/** Splink's level for every pair: the first condition that holds, null level first, the last level ELSE. */
async function splinkLevels(c: Comparison, table: string): Promise<Map<string, number>> {
  const sql = COMPARISON_SQL[c.name]?.() ?? {}
  const sided = (s: string): string => s.replace(/"(\w+)_([lr])"/g, '$2."$1"')
  const when = c.levels.slice(0, -1).map((l, i) => `WHEN ${sided(sql[l] as string)} THEN ${i}`)
  const level = `CASE WHEN ${sided(sql['null'] as string)} THEN -1 ${when.join(' ')} ELSE ${c.levels.length - 1} END`
  const rows = (await con.runAndReadAll(`SELECT l.unique_id, r.unique_id, ${level} FROM ${table} l, ${table} r`)).getRowsJS() as unknown[][]
  return new Map(rows.map(([l, r, g]) => [`${Number(l)}:${Number(r)}`, Number(g)]))
}

describe.each([
  [birthDate, 'dob'],
  [nationalId, 'id']
] as const)('the Splink SQL of $name', (c, table) => {
  it('gives VaxRecon’s level on every pair of the grid, and reaches every level', async () => {
    const recs = records[table]
    const splink = await splinkLevels(c, table)
    const differing = new Map<string, number>()
    const reached = new Map<number, number>()
    for (const a of recs)
      for (const b of recs) {
        const mine = c.compare(a, b, { names: null, a: null, b: null })
        reached.set(mine, (reached.get(mine) ?? 0) + 1)
        const theirs = splink.get(`${a.id}:${b.id}`)
        if (theirs !== mine) differing.set(`${mine}→${theirs}`, (differing.get(`${mine}→${theirs}`) ?? 0) + 1)
      }
    expect(Object.fromEntries(differing)).toEqual({})
    expect(splink.size).toBe(recs.length ** 2)
    for (let l = -1; l < c.levels.length; l++) expect(reached.get(l), `level ${l} reached`).toBeGreaterThan(0)
  })
})
