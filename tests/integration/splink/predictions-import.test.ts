import { renameSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import type { DuckDBConnection } from '@duckdb/node-api'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { inlineContext } from '../../../main/core/base/job-context.ts'
import { applyThresholds } from '../../../main/core/jobs/pipeline.ts'
import { literal, loadRecords, openDuckDb } from '../../../main/core/splink/duckdb.ts'
import { exportRows } from '../../../main/core/splink/records-export.ts'
import { lastModel, splinkSettings } from '../../../main/core/splink/settings.ts'
import { signerFor } from '../../../main/core/users/keys.ts'
import { addUser } from '../../../main/core/users/users.ts'
import { createWorkspace, type Workspace } from '../../../main/core/workspace/index.ts'
import { cliInProcess } from '../../helpers/cli.ts'
import { matchedDemoWorkspace } from '../../helpers/demo-workspace.ts'
import { splinkPredict } from '../../helpers/splink-predict.ts'
import { tempDir } from '../../helpers/tmp.ts'

/**
 * Splink's predictions (here: the exported settings run on DuckDB as Splink runs them)
 * imported as links, and every broken file refused with the workspace unchanged.
 */
process.env['TZ'] = 'UTC'
let dir: string
let ws: Workspace
let con: DuckDBConnection
let before: { links: { subject_kind: string; subject_id: number; registry_record_id: number | null; status: string }[] }

const state = (w: Workspace): string =>
  JSON.stringify(
    ['links', 'candidates', 'match_runs', 'audit_log', 'diffs'].map((t) => w.db.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all())
  )

/** Writes a predictions file from a query over `predictions`. */
async function write(name: string, sql: string): Promise<string> {
  const path = join(dir, name)
  const format = name.endsWith('.csv') ? '(FORMAT csv, HEADER true)' : '(FORMAT parquet)'
  await con.run(`COPY (${sql}) TO ${literal(path)} ${format}`)
  return path
}

beforeAll(async () => {
  dir = tempDir('vaxrecon-splink-import-')
  ws = await matchedDemoWorkspace(dir, 400, 23)
  before = { links: ws.db.prepare(`SELECT subject_kind, subject_id, registry_record_id, status FROM links`).all() as typeof before.links }
  con = await openDuckDb()
  await loadRecords(con, 'site_recs', exportRows(ws.db, 'site'))
  await loadRecords(con, 'registry_recs', exportRows(ws.db, 'registry'))
  // Splink puts the input table whose name sorts first on the left: here the registry.
  await splinkPredict(con, splinkSettings(lastModel(ws.db)), 'registry_recs', 'site_recs')
})
afterAll(() => {
  con?.closeSync()
  ws?.close()
  rmSync(dir, { recursive: true, force: true })
})

describe('vaxrecon links import refuses a broken file and leaves the workspace unchanged', () => {
  const cases: [string, () => Promise<string>, string][] = [
    [
      'an unknown id',
      () =>
        write(
          'unknown.parquet',
          'SELECT * REPLACE (CASE WHEN rowid = 3 THEN 99999999 ELSE unique_id_r END AS unique_id_r) FROM predictions'
        ),
      'unique_id'
    ],
    [
      'a pair given twice',
      () => write('dup.parquet', 'SELECT * FROM predictions UNION ALL SELECT * FROM (SELECT * FROM predictions LIMIT 1)'),
      'twice'
    ],
    [
      'a pair of two registry records',
      () => write('same-side.csv', 'SELECT unique_id_l, unique_id_l AS unique_id_r, match_weight FROM predictions LIMIT 5'),
      'unique_id'
    ],
    ['no weight column', () => write('noweight.csv', 'SELECT unique_id_l, unique_id_r FROM predictions'), 'match_weight'],
    ['no unique_id_r', () => write('noid.parquet', 'SELECT unique_id_l, match_weight FROM predictions'), 'unique_id_r'],
    [
      'a gamma outside the model',
      () => write('gamma.parquet', 'SELECT * REPLACE (CASE WHEN rowid = 1 THEN 42 ELSE gamma_dob END AS gamma_dob) FROM predictions'),
      'gamma'
    ],
    [
      'a weight that is not a number',
      () =>
        write(
          'text.csv',
          `SELECT unique_id_l, unique_id_r, CASE WHEN rowid = 2 THEN 'abc' ELSE CAST(match_weight AS VARCHAR) END AS match_weight FROM predictions`
        ),
      'weight'
    ],
    ['a file that does not exist', () => Promise.resolve(join(dir, 'missing.parquet')), 'exist'],
    [
      'a file that is not Parquet',
      () => write('fake.csv', 'SELECT 1 AS x').then((p) => (renameSync(p, `${p}.parquet`), `${p}.parquet`)),
      'duckdb'
    ]
  ]
  for (const [what, make, says] of cases) {
    it(what, async () => {
      const path = await make()
      const was = state(ws)
      const r = await cliInProcess(['links', 'import', ws.path, path])
      expect(r.code).toBe(1)
      expect(r.stderr).toMatch(/^Lỗi: .+\nError: .+\n$/)
      expect(r.stderr.toLowerCase()).toContain(says)
      expect(r.stderr).not.toMatch(/at .*\.ts:\d+/)
      expect(state(ws)).toBe(was)
    })
  }

  it('model export before any match says so in both languages', async () => {
    const empty = createWorkspace(join(dir, 'empty.vaxrecon'))
    empty.close()
    const r = await cliInProcess(['model', 'export', join(dir, 'empty.vaxrecon'), '--out', join(dir, 's.json')])
    expect(r.code).toBe(1)
    expect(r.stderr).toContain('vaxrecon match')
    expect(r.stderr).toMatch(/^Lỗi: .+\nError: .+\n$/)
  })
})

describe('vaxrecon links import', () => {
  it('turns Splink predictions with gammas into links with weights and waterfalls that agree with VaxRecon’s own', async () => {
    const path = await write('predictions.parquet', 'SELECT * FROM predictions')
    const r = await cliInProcess(['links', 'import', ws.path, path])
    expect(r.code, r.stderr).toBe(0)
    expect(r.stdout).toMatch(/links\s+auto=\d+/)
    const after = ws.db
      .prepare(`SELECT subject_kind, subject_id, registry_record_id, status, contributions_json FROM links`)
      .all() as ((typeof before.links)[number] & {
      contributions_json: string
    })[]
    const key = (l: { subject_kind: string; subject_id: number }): string => `${l.subject_kind}:${l.subject_id}`
    const mine = new Map(before.links.filter((l) => l.status === 'auto').map((l) => [key(l), l.registry_record_id]))
    const same = after.filter((l) => l.status === 'auto' && mine.get(key(l)) === l.registry_record_id).length
    expect(same / mine.size).toBeGreaterThan(0.97)
    const waterfall = JSON.parse((after.find((l) => l.status === 'auto') as { contributions_json: string }).contributions_json) as {
      comparison: string
    }[]
    expect(waterfall[0]?.comparison).toBe('prior')
    expect(waterfall.map((c) => c.comparison)).toContain('given_name')
    // The review queue, the thresholds and `vaxrecon links` work on them as on links made here.
    expect((await cliInProcess(['links', ws.path])).stdout.split('\n')[0]).toContain('match_weight')
    const diffs = ws.db
      .prepare(`SELECT count(*) FROM diffs d JOIN links l ON l.id = d.link_id WHERE l.run_id = (SELECT max(id) FROM match_runs)`)
      .pluck()
      .get() as number
    expect(diffs).toBeGreaterThan(0)
    // Four eyes and a signed batch, on corrections proposed from the imported links.
    // The first user is a supervisor, who endorses the clerk.
    const minh = await addUser(ws, null, { name: 'minh', role: 'supervisor', password: 'minh-pass-123' })
    await addUser(
      ws,
      { userId: minh.id, signer: await signerFor(ws, minh, 'minh-pass-123') },
      { name: 'lan', role: 'clerk', password: 'lan-pass-123' }
    )
    const proposed = await cliInProcess(
      ['propose', ws.path, '--as', 'lan', '--accept-registry', '--class', 'minor', '--class', 'conflict', '--json'],
      'lan-pass-123'
    )
    expect(proposed.code, proposed.stderr).toBe(0)
    expect((await cliInProcess(['approve', ws.path, '--as', 'minh', '--all'], 'minh-pass-123')).code).toBe(0)
    const exported = await cliInProcess(['export', ws.path, '--as', 'minh', '--out', join(dir, 'batch'), '--json'], 'minh-pass-123')
    expect(exported.code, exported.stderr).toBe(0)
    expect((JSON.parse(exported.stdout) as { batch: { corrections: number } }).batch.corrections).toBeGreaterThan(0)
    const moved = applyThresholds(ws, { auto: 40, review: -4 }, inlineContext())
    expect(moved.statuses['review']).toBeGreaterThan(0)
  })

  it('takes a CSV with match_probability only, without gammas and so without a waterfall', async () => {
    const path = await write('probabilities.csv', 'SELECT unique_id_l, unique_id_r, match_probability FROM predictions')
    const r = await cliInProcess(['links', 'import', ws.path, path])
    expect(r.code, r.stderr).toBe(0)
    const links = ws.db.prepare(`SELECT contributions_json, match_weight FROM links WHERE status <> 'none'`).all() as {
      contributions_json: string
      match_weight: number
    }[]
    expect(links.length).toBeGreaterThan(300)
    expect(links.every((l) => l.contributions_json === '[]' && Number.isFinite(l.match_weight))).toBe(true)
  })
})
