/**
 * Review grid speed on a 1,000,000-row review table (VAXRECON_BENCH_ROWS to change it):
 * - a page of 100 rows with a sort and a filter, at random offsets (target p95 < 50 ms),
 *   the first page of a filter not seen before (its row count included), and the facets;
 * - a bulk "accept the registry value" over about 100,000 differences, and its undo.
 * The workspace is filled straight through SQL (records, links, diffs, grid rows): this
 * measures the review queries, not the import or the linkage. VAXRECON_BENCH_FILE names a
 * file to keep the filled workspace in: the first run fills and saves it, later runs work
 * on a copy of it (a million rows take minutes to fill). VAXRECON_BENCH_ONLY=bulk skips the
 * pages and facets.
 */
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { addUser, listUsers, type User } from '../../main/core/users/users.ts'
import { applyBulk, previewBulk } from '../../main/core/review/bulk.ts'
import { classBit, fieldBit, type DiffClass, type ReviewField } from '../../main/core/review/fields.ts'
import { facets, gridPage } from '../../main/core/review/grid.ts'
import { ensureReviewFunctions } from '../../main/core/review/rows.ts'
import { GridPageRequest, ReviewFilter } from '../../main/core/review/schemas.ts'
import { undoLast } from '../../main/core/review/undo.ts'
import { uniform } from '../../main/core/base/random.ts'
import { createWorkspace, openWorkspace, type Workspace } from '../../main/core/workspace/index.ts'

const ROWS = Number(process.env['VAXRECON_BENCH_ROWS'] ?? 1_000_000)
const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý']
const MIDDLE = ['Văn', 'Thị', 'Hữu', 'Đức', 'Minh', 'Thanh', 'Ngọc', 'Quốc', 'Thu', 'Hoàng']
const GIVEN = [
  'An',
  'Bình',
  'Chi',
  'Dũng',
  'Giang',
  'Hà',
  'Hải',
  'Hạnh',
  'Hùng',
  'Hương',
  'Khánh',
  'Lan',
  'Linh',
  'Long',
  'Mai',
  'Minh',
  'Nam',
  'Ngọc',
  'Phương',
  'Quân',
  'Sơn',
  'Tâm',
  'Thảo',
  'Trang',
  'Tuấn',
  'Vy'
]
const SITES = Array.from({ length: 10 }, (_, i) => `Trạm Y tế phường ${i + 1}`)
const CLASSES: DiffClass[] = [
  'formatting',
  'formatting',
  'formatting',
  'formatting',
  'minor',
  'minor',
  'minor',
  'conflict',
  'conflict',
  'missing'
]
const FIELDS: ReviewField[] = ['full_name', 'full_name', 'dob', 'national_id', 'national_id', 'phone', 'address', 'gender']

export function fill(ws: Workspace): { diffs: number } {
  const db = ws.db
  ensureReviewFunctions(db)
  // Seeded, so every run measures the same table.
  const rand = uniform(42)
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T
  let diffs = 0
  ws.tx(() => {
    const now = new Date().toISOString()
    const imp = db.prepare('INSERT INTO imports (kind, file_name, file_hash, imported_at) VALUES (?, ?, ?, ?)')
    const regImport = Number(imp.run('registry', 'registry.xlsx', 'r', now).lastInsertRowid)
    const siteImport = Number(imp.run('site', 'site.xlsx', 's', now).lastInsertRowid)
    const rec = db.prepare(
      "INSERT INTO records (id, import_id, kind, source_sheet, source_row, raw_json, full_name, dob, national_id, site_name, person_id) VALUES (?, ?, ?, 'S', ?, '{}', ?, ?, ?, ?, ?)"
    )
    const person = db.prepare('INSERT INTO persons (id, created_at) VALUES (?, ?)')
    const link = db.prepare(
      "INSERT INTO links (id, subject_kind, subject_id, registry_record_id, match_weight, status) VALUES (?, 'person', ?, ?, ?, ?)"
    )
    const diff = db.prepare(
      'INSERT INTO diffs (link_id, registry_record_id, record_id, field, site_value, registry_value, class, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?)'
    )
    const row = db.prepare(
      `INSERT INTO review_rows (link_id, subject_kind, subject_id, full_name, name_key, site_name, band, match_weight, classes, fields, open_diffs, status)
       VALUES (?, 'person', ?, ?, vx_name_key(?), ?, ?, ?, ?, ?, ?, 'open')`
    )
    for (let i = 1; i <= ROWS; i++) {
      const name = `${pick(FAMILY)} ${pick(MIDDLE)} ${pick(GIVEN)}`
      const dob = `${1940 + Math.floor(rand() * 65)}-0${1 + Math.floor(rand() * 9)}-1${Math.floor(rand() * 9)}`
      const id = String(Math.floor(rand() * 1e12)).padStart(12, '0')
      const site = pick(SITES)
      person.run(i, now)
      rec.run(i, regImport, 'registry', i, name, dob, id, null, null)
      rec.run(ROWS + i, siteImport, 'site', i, name, dob, id, site, i)
      const r = rand()
      const band = r < 0.9 ? 'auto' : r < 0.95 ? 'review' : 'confirmed'
      const weight = Math.round((band === 'review' ? 2 + rand() * 4 : 8 + rand() * 12) * 100) / 100
      link.run(i, i, i, weight, band)
      let classes = 0
      let fields = 0
      const n = rand() < 0.6 ? 1 : 2
      const used = new Set<ReviewField>()
      for (let k = 0; k < n; k++) {
        const field = pick(FIELDS)
        if (used.has(field)) continue
        used.add(field)
        const cls = pick(CLASSES)
        diff.run(i, i, ROWS + i, field, `${name} (site)`, name, cls, 'bench')
        classes |= classBit(cls)
        fields |= fieldBit(field)
        diffs++
      }
      row.run(i, i, name, name, site, band, weight, classes, fields, used.size)
    }
  })
  db.pragma('optimize')
  return { diffs }
}

const ms = (t0: bigint): number => Number(process.hrtime.bigint() - t0) / 1e6
const pct = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0
}
const fmt = (x: number): string => x.toFixed(1)
const checkpoint = (ws: Workspace): number => {
  const t = process.hrtime.bigint()
  ws.db.pragma('wal_checkpoint(PASSIVE)')
  return ms(t)
}

function pages(ws: Workspace): void {
  let t: bigint
  const rand = uniform(7)
  const cases: { label: string; filter: Partial<ReviewFilter>; sort: GridPageRequest['sort'] }[] = [
    {
      label: 'sort name asc, filter status=open + class=minor',
      filter: { statuses: ['open'], classes: ['minor'] },
      sort: { column: 'name', dir: 'asc' }
    },
    {
      label: 'sort weight desc, filter site + band=auto',
      filter: { sites: [SITES[3] ?? ''], bands: ['auto'] },
      sort: { column: 'weight', dir: 'desc' }
    },
    { label: 'sort site asc, filter field=national_id', filter: { fields: ['national_id'] }, sort: { column: 'site', dir: 'asc' } }
  ]
  process.stdout.write('\npage of 100 rows (random offsets over the whole filtered set, 200 pages each)\n')
  process.stdout.write('case                                                 rows       first page   p50 ms   p95 ms   max ms\n')
  for (const c of cases) {
    const filter = ReviewFilter.parse(c.filter)
    t = process.hrtime.bigint()
    const first = gridPage(ws, { filter, sort: c.sort, view: 0, startRow: 0, endRow: 100 })
    const firstMs = ms(t)
    const times: number[] = []
    for (let i = 0; i < 200; i++) {
      const start = Math.floor(rand() * Math.max(1, first.rowCount - 100))
      t = process.hrtime.bigint()
      gridPage(ws, { filter, sort: c.sort, view: 0, startRow: start, endRow: start + 100 })
      times.push(ms(t))
    }
    process.stdout.write(
      `${c.label.padEnd(52)} ${first.rowCount.toLocaleString('en').padStart(9)}  ${fmt(firstMs).padStart(8)} ms  ${fmt(pct(times, 50)).padStart(7)}  ${fmt(pct(times, 95)).padStart(7)}  ${fmt(Math.max(...times)).padStart(7)}\n`
    )
  }
  t = process.hrtime.bigint()
  facets(ws, ReviewFilter.parse({ statuses: ['open'] }))
  process.stdout.write(`\nfacets (class, field, site, status, band, kind) over the whole table: ${fmt(ms(t))} ms\n`)
}

/**
 * The figures to compare with, side by side: the same bench on the code before the bulk
 * path read each diff once and dropped its statement journals and key checks (82b02df),
 * run just before the figures in the README, at the load given there.
 */
const BEFORE: Record<number, { load: string; empty: BulkTimes; proposed: BulkTimes }> = {
  1_000_000: {
    load: '5.9',
    empty: { apply: 5.0, applyCpu: 3.1, undo: 3.6, undoCpu: 2.4 },
    proposed: { apply: 4.6, applyCpu: 3.3, undo: 4.0, undoCpu: 2.6 }
  },
  200_000: {
    load: '6.0',
    empty: { apply: 4.0, applyCpu: 1.6, undo: 3.2, undoCpu: 1.4 },
    proposed: { apply: 3.3, applyCpu: 1.9, undo: 2.6, undoCpu: 1.4 }
  }
}
const TARGET_S = 2

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
function bulkBench(ws: Workspace, user: User, sites: string[]): { text: string; times: BulkTimes } {
  const bulk = ReviewFilter.parse({ classes: ['formatting'], sites })
  const t = process.hrtime.bigint()
  const preview = previewBulk(ws, bulk, 'accept_registry')
  const previewMs = ms(t)
  let proposals = 0
  const apply = timed(() => {
    proposals = applyBulk(ws, user, { filter: bulk, action: 'accept_registry', note: '', expected: preview.diffs }).proposals
  })
  // What the job worker does once it has replied (main/core/jobs/worker.ts).
  const checkpointMs = checkpoint(ws)
  const undo = timed(() => undoLast(ws, user))
  const undoCheckpointMs = checkpoint(ws)
  const times = { apply: apply.wall, applyCpu: apply.cpu, undo: undo.wall, undoCpu: undo.cpu }
  const text =
    `  ${preview.diffs.toLocaleString('en')} differences (${preview.rows.toLocaleString('en')} rows, ${proposals.toLocaleString('en')} proposals): ` +
    `preview ${fmt(previewMs / 1000)} s, apply ${fmt(apply.wall)} s (CPU ${fmt(apply.cpu)} s), undo ${fmt(undo.wall)} s (CPU ${fmt(undo.cpu)} s)\n` +
    `  then, after the reply, the WAL checkpoint: ${fmt(checkpointMs / 1000)} s after the apply, ${fmt(undoCheckpointMs / 1000)} s after the undo\n`
  return { text, times }
}

const load = (): string =>
  loadavg()
    .map((x) => x.toFixed(1))
    .join(' ')

/** This run's bulk figures beside the recorded ones at the same size, wall (CPU) seconds. */
function sideBySide(loadAtStart: string, empty: BulkTimes, proposed: BulkTimes | null): string {
  const before = BEFORE[ROWS]
  const cell = (wall: number, cpu: number): string => `${fmt(wall)} s (${fmt(cpu)})`.padEnd(16)
  const lines = [
    `\nbulk, wall (CPU) seconds; target ${TARGET_S} s each. This run: load average ${loadAtStart} at the start, ${load()} at the end.`,
    before ? `before = 82b02df, load average ${before.load}` : `no recorded figures at ${ROWS.toLocaleString('en')} rows to compare with`,
    `${''.padEnd(36)}${before ? 'before'.padEnd(16) : ''}now`
  ]
  const rows: [string, BulkTimes | null, BulkTimes | undefined][] = [
    ['an empty proposals table', empty, before?.empty],
    ['corrections already proposed', proposed, before?.proposed]
  ]
  for (const [label, now, then] of rows) {
    if (!now) continue
    lines.push(`${`apply, ${label}`.padEnd(36)}${then ? cell(then.apply, then.applyCpu) : ''}${cell(now.apply, now.applyCpu)}`)
    lines.push(`${`undo, ${label}`.padEnd(36)}${then ? cell(then.undo, then.undoCpu) : ''}${cell(now.undo, now.undoCpu)}`)
  }
  return `${lines.join('\n')}\n`
}

/** A filled workspace at path: a copy of VAXRECON_BENCH_FILE when it exists, else filled (and saved there). */
async function workspace(path: string): Promise<{ ws: Workspace; user: User; diffs: number }> {
  const keep = process.env['VAXRECON_BENCH_FILE']
  if (keep && existsSync(keep)) {
    copyFileSync(keep, path)
    const ws = openWorkspace(path)
    ensureReviewFunctions(ws.db)
    const user = listUsers(ws).find((u) => u.name === 'Bench')
    if (!user) throw new Error(`${keep} is not a review bench workspace`)
    return { ws, user, diffs: ws.db.prepare('SELECT count(*) FROM diffs').pluck().get() as number }
  }
  const ws = createWorkspace(path)
  const user = await addUser(ws, null, { name: 'Bench', role: 'clerk', password: 'bench-password' })
  const { diffs } = fill(ws)
  if (keep) {
    ws.db.pragma('wal_checkpoint(TRUNCATE)')
    copyFileSync(path, keep)
  }
  return { ws, user, diffs }
}

export default async function bench(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'vaxrecon-review-bench-'))
  try {
    const t = process.hrtime.bigint()
    const { ws, user, diffs } = await workspace(join(dir, 'bench.vaxrecon'))
    process.stdout.write(
      `table: ${ROWS.toLocaleString('en')} grid rows, ${diffs.toLocaleString('en')} diffs (ready in ${fmt(ms(t) / 1000)} s)\n`
    )

    if (process.env['VAXRECON_BENCH_ONLY'] !== 'bulk') pages(ws)

    // About 100,000 differences: formatting-only ones at two of the ten sites (at 100,000 rows, all ten).
    const n = Math.max(1, Math.round((100_000 / (diffs * 0.4)) * SITES.length))
    const loadAtStart = load()
    const first = bulkBench(ws, user, SITES.slice(0, n))
    process.stdout.write(`\nbulk accept-registry, an empty proposals table:\n${first.text}`)
    // As a clerk meets it: corrections already proposed elsewhere (at the next two sites), still open.
    let again: BulkTimes | null = null
    if (n < SITES.length) {
      const others = ReviewFilter.parse({ classes: ['formatting'], sites: SITES.slice(n, 2 * n) })
      const made = applyBulk(ws, user, { filter: others, action: 'accept_registry', note: '' })
      checkpoint(ws)
      const second = bulkBench(ws, user, SITES.slice(0, n))
      again = second.times
      process.stdout.write(
        `\nthe same, with ${made.proposals.toLocaleString('en')} corrections already proposed at other sites:\n${second.text}`
      )
    }
    process.stdout.write(sideBySide(loadAtStart, first.times, again))
    ws.close()
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
