/**
 * Review grid speed on a 1,000,000-row review table (VAXRECON_BENCH_ROWS to change it):
 * - a page of 100 rows with a sort and a filter, at random offsets (target p95 < 50 ms),
 *   the first page of a filter not seen before (its row count included), and the facets;
 * - a bulk "accept the registry value" over about 100,000 differences, and its undo.
 * The table is filled straight through SQL (review-fill.ts). VAXRECON_BENCH_FILE names a
 * file to keep the filled workspace in: the first run fills and saves it, later runs work
 * on a copy of it (a million rows take minutes to fill). VAXRECON_BENCH_ONLY=bulk skips the
 * pages and facets.
 *
 * VAXRECON_BENCH_BASELINE=DIR: a copy of an earlier tree (`git archive COMMIT | tar -x -C DIR`,
 * with node_modules linked in) runs the same bench first, on a copy of the same table, so
 * before and after share one run's load. The table is then filled by the baseline (at its
 * schema), and this tree upgrades its copy on open; a kept file made without a baseline is
 * at this tree's schema, which an older tree refuses.
 */
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import type * as Users from '../../main/core/users/users.ts'
import type * as Bulk from '../../main/core/review/bulk.ts'
import type * as Grid from '../../main/core/review/grid.ts'
import type * as Schemas from '../../main/core/review/schemas.ts'
import type * as Undo from '../../main/core/review/undo.ts'
import type * as WorkspaceModule from '../../main/core/workspace/index.ts'
import type { GridPageRequest, ReviewFilter } from '../../main/core/review/schemas.ts'
import type { User } from '../../main/core/users/users.ts'
import type { Workspace } from '../../main/core/workspace/index.ts'
import { uniform } from '../../main/core/base/random.ts'
import { fill, SITES } from './review-fill.ts'

const ROWS = Number(process.env['VAXRECON_BENCH_ROWS'] ?? 1_000_000)
const BASELINE = process.env['VAXRECON_BENCH_BASELINE']
const TARGET_S = 2

/** The core modules the bench drives, from this tree or the baseline's. */
interface Tree {
  label: string
  users: typeof Users
  bulk: typeof Bulk
  grid: typeof Grid
  schemas: typeof Schemas
  undo: typeof Undo
  workspace: typeof WorkspaceModule
}

async function load(label: string, root: URL): Promise<Tree> {
  const at = <T>(path: string) => import(new URL(path, root).href) as Promise<T>
  return {
    label,
    users: await at<typeof Users>('main/core/users/users.ts'),
    bulk: await at<typeof Bulk>('main/core/review/bulk.ts'),
    grid: await at<typeof Grid>('main/core/review/grid.ts'),
    schemas: await at<typeof Schemas>('main/core/review/schemas.ts'),
    undo: await at<typeof Undo>('main/core/review/undo.ts'),
    workspace: await at<typeof WorkspaceModule>('main/core/workspace/index.ts')
  }
}

const ms = (t0: bigint): number => Number(process.hrtime.bigint() - t0) / 1e6
const pct = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0
}
const fmt = (x: number): string => x.toFixed(1)
const load1 = (): string =>
  loadavg()
    .map((x) => x.toFixed(1))
    .join(' ')
const checkpoint = (ws: Workspace): number => {
  const t = process.hrtime.bigint()
  ws.db.pragma('wal_checkpoint(PASSIVE)')
  return ms(t)
}

interface PageTimes {
  label: string
  rows: number
  first: number
  p50: number
  p95: number
  max: number
}

const CASES: { label: string; short: string; filter: Partial<ReviewFilter>; sort: GridPageRequest['sort'] }[] = [
  {
    label: 'sort name asc, filter status=open + class=minor',
    short: 'name asc, open + minor',
    filter: { statuses: ['open'], classes: ['minor'] },
    sort: { column: 'name', dir: 'asc' }
  },
  {
    label: 'sort weight desc, filter site + band=auto',
    short: 'weight desc, site + auto',
    filter: { sites: [SITES[3] ?? ''], bands: ['auto'] },
    sort: { column: 'weight', dir: 'desc' }
  },
  {
    label: 'sort site asc, filter field=national_id',
    short: 'site asc, national_id',
    filter: { fields: ['national_id'] },
    sort: { column: 'site', dir: 'asc' }
  }
]

function pages(t: Tree, ws: Workspace): { pages: PageTimes[]; facetsMs: number } {
  const rand = uniform(7)
  const out: PageTimes[] = []
  process.stdout.write('\npage of 100 rows (random offsets over the whole filtered set, 200 pages each)\n')
  process.stdout.write('case                                                 rows       first page   p50 ms   p95 ms   max ms\n')
  for (const c of CASES) {
    const filter = t.schemas.ReviewFilter.parse(c.filter)
    let s = process.hrtime.bigint()
    const first = t.grid.gridPage(ws, { filter, sort: c.sort, view: 0, startRow: 0, endRow: 100 })
    const firstMs = ms(s)
    const times: number[] = []
    for (let i = 0; i < 200; i++) {
      const start = Math.floor(rand() * Math.max(1, first.rowCount - 100))
      s = process.hrtime.bigint()
      t.grid.gridPage(ws, { filter, sort: c.sort, view: 0, startRow: start, endRow: start + 100 })
      times.push(ms(s))
    }
    const p: PageTimes = {
      label: c.label,
      rows: first.rowCount,
      first: firstMs,
      p50: pct(times, 50),
      p95: pct(times, 95),
      max: Math.max(...times)
    }
    out.push(p)
    process.stdout.write(
      `${p.label.padEnd(52)} ${p.rows.toLocaleString('en').padStart(9)}  ${fmt(p.first).padStart(8)} ms  ${fmt(p.p50).padStart(7)}  ${fmt(p.p95).padStart(7)}  ${fmt(p.max).padStart(7)}\n`
    )
  }
  const s = process.hrtime.bigint()
  t.grid.facets(ws, t.schemas.ReviewFilter.parse({ statuses: ['open'] }))
  const facetsMs = ms(s)
  process.stdout.write(`\nfacets (class, field, site, status, band, kind) over the whole table: ${fmt(facetsMs)} ms\n`)
  return { pages: out, facetsMs }
}

interface BulkTimes {
  apply: number
  applyCpu: number
  undo: number
  undoCpu: number
}

/** Wall and CPU seconds of fn (CPU: this process's, so other work on the machine shows as the gap). */
function timed(fn: () => void): { wall: number; cpu: number } {
  const t = process.hrtime.bigint()
  const c = process.cpuUsage()
  fn()
  const u = process.cpuUsage(c)
  return { wall: ms(t) / 1000, cpu: (u.user + u.system) / 1e6 }
}

/** Preview, apply and undo of "accept the registry value" over the formatting differences at these sites. */
function bulkBench(t: Tree, ws: Workspace, user: User, sites: string[]): BulkTimes {
  const bulk = t.schemas.ReviewFilter.parse({ classes: ['formatting'], sites })
  const s = process.hrtime.bigint()
  const preview = t.bulk.previewBulk(ws, bulk, 'accept_registry')
  const previewMs = ms(s)
  let proposals = 0
  const apply = timed(() => {
    proposals = t.bulk.applyBulk(ws, user, { filter: bulk, action: 'accept_registry', note: '', expected: preview.diffs }).proposals
  })
  // What the job worker does once it has replied (main/core/jobs/worker.ts).
  const checkpointMs = checkpoint(ws)
  const undo = timed(() => t.undo.undoLast(ws, user))
  const undoCheckpointMs = checkpoint(ws)
  process.stdout.write(
    `  ${preview.diffs.toLocaleString('en')} differences (${preview.rows.toLocaleString('en')} rows, ${proposals.toLocaleString('en')} proposals): ` +
      `preview ${fmt(previewMs / 1000)} s, apply ${fmt(apply.wall)} s (CPU ${fmt(apply.cpu)} s), undo ${fmt(undo.wall)} s (CPU ${fmt(undo.cpu)} s)\n` +
      `  then, after the reply, the WAL checkpoint: ${fmt(checkpointMs / 1000)} s after the apply, ${fmt(undoCheckpointMs / 1000)} s after the undo\n`
  )
  return { apply: apply.wall, applyCpu: apply.cpu, undo: undo.wall, undoCpu: undo.cpu }
}

interface Run {
  label: string
  load: string
  pages: PageTimes[]
  facetsMs: number | null
  empty: BulkTimes
  proposed: BulkTimes | null
}

/** The filled table at `filled`: copied from VAXRECON_BENCH_FILE when that exists, else filled by `t` (and kept there). */
async function prepare(t: Tree, filled: string): Promise<void> {
  const keep = process.env['VAXRECON_BENCH_FILE']
  if (keep && existsSync(keep)) {
    copyFileSync(keep, filled)
    return
  }
  const ws = t.workspace.createWorkspace(filled)
  await t.users.addUser(ws, null, { name: 'Bench', role: 'clerk', password: 'bench-password' })
  fill(ws, ROWS)
  ws.db.pragma('wal_checkpoint(TRUNCATE)')
  ws.close()
  if (keep) copyFileSync(filled, keep)
}

/** One tree's run on its own copy of the filled table. */
function run(t: Tree, filled: string, path: string): Run {
  copyFileSync(filled, path)
  const s = process.hrtime.bigint()
  // This tree's schema may be newer than the table's: opening it upgrades the copy.
  const ws = t.workspace.openWorkspace(path)
  const user = t.users.listUsers(ws).find((u) => u.name === 'Bench')
  if (!user) throw new Error(`${filled} is not a review bench workspace`)
  const diffs = ws.db.prepare('SELECT count(*) FROM diffs').pluck().get() as number
  process.stdout.write(
    `\n--- ${t.label}\ntable: ${ROWS.toLocaleString('en')} grid rows, ${diffs.toLocaleString('en')} diffs (opened in ${fmt(ms(s) / 1000)} s)\n`
  )
  const grid = process.env['VAXRECON_BENCH_ONLY'] === 'bulk' ? null : pages(t, ws)

  // About 100,000 differences: formatting-only ones at two of the ten sites (at 100,000 rows, all ten).
  const n = Math.max(1, Math.round((100_000 / (diffs * 0.4)) * SITES.length))
  const loadAtStart = load1()
  process.stdout.write(`\nbulk accept-registry, an empty proposals table:\n`)
  const empty = bulkBench(t, ws, user, SITES.slice(0, n))
  // As a clerk meets it: corrections already proposed elsewhere (at the next two sites), still open.
  let proposed: BulkTimes | null = null
  if (n < SITES.length) {
    const others = t.schemas.ReviewFilter.parse({ classes: ['formatting'], sites: SITES.slice(n, 2 * n) })
    const made = t.bulk.applyBulk(ws, user, { filter: others, action: 'accept_registry', note: '' })
    checkpoint(ws)
    process.stdout.write(`\nthe same, with ${made.proposals.toLocaleString('en')} corrections already proposed at other sites:\n`)
    proposed = bulkBench(t, ws, user, SITES.slice(0, n))
  }
  ws.close()
  return {
    label: t.label,
    load: `${loadAtStart} → ${load1()}`,
    pages: grid?.pages ?? [],
    facetsMs: grid?.facetsMs ?? null,
    empty,
    proposed
  }
}

/** The runs side by side: bulk wall (CPU) seconds, then the grid's first page and p95. */
function sideBySide(runs: Run[]): string {
  const col = (s: string): string => s.padEnd(18)
  const lines = [
    `\nbulk, wall (CPU) seconds; target ${TARGET_S} s each. Load average (1, 5, 15 min) at the start and end of each run's bulk part:`,
    ...runs.map((r) => `  ${r.label}: ${r.load}`),
    ...(BASELINE ? [`  before = the tree at ${BASELINE}`] : []),
    `${''.padEnd(46)}${runs.map((r) => col(r.label)).join('')}`
  ]
  const cell = (wall: number, cpu: number): string => col(`${fmt(wall)} s (${fmt(cpu)})`)
  const bulkRows: [string, (r: Run) => BulkTimes | null][] = [
    ['an empty proposals table', (r) => r.empty],
    ['corrections already proposed', (r) => r.proposed]
  ]
  for (const [label, of] of bulkRows) {
    if (runs.some((r) => of(r) === null)) continue
    lines.push(`${`apply, ${label}`.padEnd(46)}${runs.map((r) => cell(of(r)?.apply ?? 0, of(r)?.applyCpu ?? 0)).join('')}`)
    lines.push(`${`undo, ${label}`.padEnd(46)}${runs.map((r) => cell(of(r)?.undo ?? 0, of(r)?.undoCpu ?? 0)).join('')}`)
  }
  CASES.forEach((c, i) => {
    if (runs.some((r) => r.pages[i] === undefined)) return
    const p = (r: Run): PageTimes => r.pages[i] as PageTimes
    lines.push(`${`first page / p95 ms, ${c.short}`.padEnd(46)}${runs.map((r) => col(`${fmt(p(r).first)} / ${fmt(p(r).p95)}`)).join('')}`)
  })
  if (runs.every((r) => r.facetsMs !== null)) lines.push(`${'facets ms'.padEnd(46)}${runs.map((r) => col(fmt(r.facetsMs ?? 0))).join('')}`)
  return `${lines.join('\n')}\n`
}

export default async function bench(): Promise<void> {
  const trees = [await load('now', new URL('../../', import.meta.url))]
  if (BASELINE) trees.unshift(await load('before', pathToFileURL(`${BASELINE.replace(/\/$/, '')}/`)))
  const dir = mkdtempSync(join(tmpdir(), 'vaxrecon-review-bench-'))
  try {
    const filled = join(dir, 'filled.vaxrecon')
    const s = process.hrtime.bigint()
    // The oldest tree fills it, so every tree can open it.
    await prepare(trees[0] as Tree, filled)
    process.stdout.write(`table ready in ${fmt(ms(s) / 1000)} s\n`)
    const runs = trees.map((t, i) => run(t, filled, join(dir, `bench-${i}.vaxrecon`)))
    process.stdout.write(sideBySide(runs))
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
