import { readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import type { DuckDBConnection } from '@duckdb/node-api'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { literal, openDuckDb } from '../../../main/core/splink/duckdb.ts'
import { RECORD_COLUMNS } from '../../../main/core/splink/record-columns.ts'
import { exportRecords, exportRows } from '../../../main/core/splink/records-export.ts'
import { lastModel, splinkSettings, type SplinkSettings, type StoredModel } from '../../../main/core/splink/settings.ts'
import type { Workspace } from '../../../main/core/workspace/workspace.ts'
import { cliInProcess } from '../../helpers/cli.ts'
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
  f = await faithfulness(ws.db, con, settings)
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
  rmSync(dir, { recursive: true, force: true })
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
      ((await con.runAndReadAll('SELECT unique_id_l, unique_id_r FROM predictions')).getRowsJS() as unknown[][]).map(
        (r) => `${Number(r[0])}:${Number(r[1])}`
      )
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
      for (const source of [
        `read_parquet(${literal(join(dir, `${kind}.parquet`))})`,
        `read_csv(${literal(join(dir, `${kind}.csv`))}, header = true, columns = ${csvColumns})`
      ]) {
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

describe('vaxrecon model export', () => {
  const reference = JSON.parse(readFileSync('/work/shared/data/splink/saved_model_from_demo.json', 'utf8')) as Record<string, unknown>
  const LEVEL_KEYS = [
    'sql_condition',
    'label_for_charts',
    'is_null_level',
    'm_probability',
    'u_probability',
    'fix_m_probability',
    'fix_u_probability',
    'tf_adjustment_column',
    'tf_adjustment_weight',
    'tf_minimum_u_value',
    'disable_tf_exact_match_detection'
  ]
  const columns = new Set(RECORD_COLUMNS.map(([c]) => c))

  it('writes valid JSON with every key Splink reads, in the shape of a model Splink saved', async () => {
    const out = join(dir, 'settings.json')
    const r = await cliInProcess(['model', 'export', ws.path, '--out', out])
    expect(r.code, r.stderr).toBe(0)
    const s = JSON.parse(readFileSync(out, 'utf8')) as SplinkSettings & Record<string, unknown>
    expect(s).toEqual(JSON.parse(JSON.stringify(settings)))
    for (const key of Object.keys(reference).filter((k) => k !== 'linker_uid')) expect(s, key).toHaveProperty(key)
    expect(s.link_type).toBe('link_only')
    expect(s.sql_dialect).toBe('duckdb')
    expect(s.probability_two_random_records_match).toBeGreaterThan(0)
    expect(s.probability_two_random_records_match).toBeLessThan(1)
    expect(s.blocking_rules_to_generate_predictions.length).toBeGreaterThan(0)
    for (const b of s.blocking_rules_to_generate_predictions) expect(Object.keys(b).sort()).toEqual(['blocking_rule', 'sql_dialect'])
    expect(s.comparisons.map((c) => c.output_column_name)).toEqual(stored.comparisons.map((c) => c.name))
  })

  it('gives each comparison a null level first, an ELSE level last, and m and u in (0, 1) that sum to 1', () => {
    for (const c of settings.comparisons) {
      expect(Object.keys(c).sort()).toEqual(['comparison_description', 'comparison_levels', 'output_column_name'])
      const levels = c.comparison_levels
      expect(levels[0]?.is_null_level).toBe(true)
      expect(levels.at(-1)?.sql_condition).toBe('ELSE')
      for (const l of levels) {
        for (const k of Object.keys(l)) expect(LEVEL_KEYS, k).toContain(k)
        expect(l.label_for_charts.length).toBeGreaterThan(0)
        if (l.is_null_level) continue
        for (const p of [l.m_probability, l.u_probability]) {
          expect(p).toBeGreaterThan(0)
          expect(p).toBeLessThan(1)
        }
      }
      const sum = (k: 'm_probability' | 'u_probability'): number => levels.reduce((t, l) => t + (l[k] ?? 0), 0)
      expect(sum('m_probability')).toBeCloseTo(1, 2)
      expect(sum('u_probability')).toBeCloseTo(1, 2)
    }
  })

  it('adjusts names for their frequency and reads only exported columns', () => {
    const tf = settings.comparisons.flatMap((c) => c.comparison_levels.filter((l) => l.tf_adjustment_column))
    expect(tf.length).toBe(4)
    for (const l of tf) {
      expect(columns.has(l.tf_adjustment_column as never)).toBe(true)
      expect(l.tf_adjustment_weight).toBe(1)
    }
    const sql = JSON.stringify(settings)
    const used = [...sql.matchAll(/\\"([a-z_]+)_[lr]\\"/g), ...sql.matchAll(/[lr]\.\\"([a-z_]+)\\"/g)].map((m) => m[1] as string)
    expect(new Set(used).size).toBeGreaterThan(20)
    for (const c of used) expect(columns.has(c as never), c).toBe(true)
  })
})
