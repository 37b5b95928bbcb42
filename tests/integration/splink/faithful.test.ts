import { join } from 'node:path'
import type { DuckDBConnection } from '@duckdb/node-api'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { literal, openDuckDb } from '../../../main/core/splink/duckdb.ts'
import { RECORD_COLUMNS } from '../../../main/core/splink/record-columns.ts'
import { exportRecords, exportRows } from '../../../main/core/splink/records-export.ts'
import { lastModel, splinkSettings, type SplinkSettings, type StoredModel } from '../../../main/core/splink/settings.ts'
import type { Workspace } from '../../../main/core/workspace/workspace.ts'
import { matchedDemoWorkspace } from '../../helpers/demo-workspace.ts'
import { faithfulness, type Faithfulness } from '../../helpers/splink-faithful.ts'
import { splinkPredict } from '../../helpers/splink-predict.ts'
import { tempDir } from '../../helpers/tmp.ts'

/**
 * The exported settings, run as Splink runs them on DuckDB over the exported records, give
 * VaxRecon's own comparison levels and weights: on a 2,000-person demo workspace, matched
 * in another clock zone.
 */
process.env['TZ'] = 'America/New_York'
let dir: string
let ws: Workspace
let con: DuckDBConnection
let stored: StoredModel
let settings: SplinkSettings
let f: Faithfulness

const csvColumns = `{${RECORD_COLUMNS.map(([c, t]) => `'${c}': '${t}'`).join(', ')}}`

beforeAll(async () => {
  dir = tempDir('vaxrecon-splink-')
  ws = await matchedDemoWorkspace(dir, 2000, 17)
  stored = lastModel(ws.db)
  settings = splinkSettings(stored)
  for (const kind of ['site', 'registry'] as const) {
    await exportRecords(ws.db, kind, join(dir, `${kind}.parquet`))
    await exportRecords(ws.db, kind, join(dir, `${kind}.csv`))
  }
  con = await openDuckDb()
  await con.run(`CREATE TABLE site_recs AS SELECT * FROM read_parquet(${literal(join(dir, 'site.parquet'))})`)
  await con.run(`CREATE TABLE registry_recs AS SELECT * FROM read_parquet(${literal(join(dir, 'registry.parquet'))})`)
  const timing = await splinkPredict(con, settings, 'site_recs', 'registry_recs')
  f = await faithfulness(ws.db, con, stored)
  const differing = [...f.differing].sort((a, b) => b[1] - a[1])
  process.stdout.write(
    `splink faithfulness: ${f.agreeing}/${f.pairs} pairs (${((100 * f.agreeing) / f.pairs).toFixed(3)}%) agree on every level; ` +
      `${f.weightsWithin} of those within 0.01 bits (max difference ${f.maxWeightDiff.written.toExponential(1)} bits with names in written order, ` +
      `${f.maxWeightDiff.reordered.toFixed(2)} with a name reordered); DuckDB ${timing.blockSeconds.toFixed(2)} s blocking, ${timing.scoreSeconds.toFixed(2)} s scoring\n` +
      differing.map(([k, n]) => `  differs: ${k}  ${n}\n`).join('')
  )
})
afterAll(() => {
  con?.closeSync()
  ws?.close()
})

describe('the exported model, run by DuckDB as Splink would', () => {
  it('gives VaxRecon’s comparison levels for at least 99.9% of compared pairs', () => {
    expect(f.pairs).toBeGreaterThan(3000)
    expect(f.agreeing / f.pairs).toBeGreaterThanOrEqual(0.999)
  })

  it('gives VaxRecon’s match weights within 0.01 bits where the levels agree, except some reordered names', () => {
    expect(f.maxWeightDiff.written).toBeLessThan(0.01)
    // A name read in another order ("Anh Nguyễn Văn") takes its frequency adjustment from
    // the aligned word in VaxRecon, from the written-order given name in Splink (a record's column).
    expect(f.weightsWithin / f.agreeing).toBeGreaterThan(0.98)
  })

  it('finds the pairs VaxRecon linked, except those only its slip rules pair', async () => {
    const linked = ws.db
      .prepare(
        `SELECT DISTINCT l.subject_id AS person, l.registry_record_id AS reg FROM links l WHERE l.subject_kind = 'person' AND l.status = 'auto'`
      )
      .all() as { person: number; reg: number }[]
    const rows = ws.db.prepare(`SELECT id FROM records WHERE person_id = ? AND kind = 'site'`).pluck()
    const blocked = new Set(
      ((await con.runAndReadAll('SELECT unique_id_l, unique_id_r FROM predictions')).getRowsJS() as unknown[][]).map((r) => `${Number(r[0])}:${Number(r[1])}`)
    )
    const found = linked.filter((p) => (rows.all(p.person) as number[]).some((id) => blocked.has(`${id}:${p.reg}`))).length
    process.stdout.write(`splink blocking recall of VaxRecon's auto links: ${found}/${linked.length}\n`)
    expect(found / linked.length).toBeGreaterThan(0.995)
  })
})

describe('vaxrecon records export', () => {
  it('round-trips every column through Parquet and CSV', async () => {
    for (const kind of ['site', 'registry'] as const) {
      const want = [...exportRows(ws.db, kind)]
      for (const source of [`read_parquet(${literal(join(dir, `${kind}.parquet`))})`, `read_csv(${literal(join(dir, `${kind}.csv`))}, header = true, columns = ${csvColumns})`]) {
        const got = (await con.runAndReadAll(`SELECT * FROM ${source} ORDER BY unique_id`)).getRowObjectsJS()
        expect(got.length).toBe(want.length)
        got.forEach((row, i) => {
          const normal = Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : v]))
          expect(normal).toEqual(want[i])
        })
      }
    }
  })

  it('keeps each record’s provenance and the ids Splink needs', () => {
    const site = [...exportRows(ws.db, 'site')]
    expect(new Set(site.map((r) => r.unique_id)).size).toBe(site.length)
    expect(new Set(site.map((r) => r.record_kind))).toEqual(new Set(['site', 'complaint']))
    expect(site.every((r) => r.source_dataset === 'site' && typeof r.source_file === 'string' && (r.source_row as number) >= 2)).toBe(true)
  })
})
