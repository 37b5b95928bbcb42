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
import { tmpdir } from 'node:os'
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

/** The figures to compare with: the README's before the page cache, the count rewrite and the selection-driven accept. */
const EARLIER =
  'earlier, at 1,000,000 rows (100,349 differences): apply 6.8 s, undo 5.9 s at low load; 52.5 s / 47.9 s at load ~24. Target: 2 s each.'

/** Preview, apply and undo of "accept the registry value" over the formatting differences at these sites. */
function bulkBench(ws: Workspace, user: User, sites: string[]): string {
  const bulk = ReviewFilter.parse({ classes: ['formatting'], sites })
  let t = process.hrtime.bigint()
  const preview = previewBulk(ws, bulk, 'accept_registry')
  const previewMs = ms(t)
  t = process.hrtime.bigint()
  const result = applyBulk(ws, user, { filter: bulk, action: 'accept_registry', note: '', expected: preview.diffs })
  const applyMs = ms(t)
  // What the job worker does once it has replied (main/core/jobs/worker.ts).
  const checkpointMs = checkpoint(ws)
  t = process.hrtime.bigint()
  undoLast(ws, user)
  const undoMs = ms(t)
  const undoCheckpointMs = checkpoint(ws)
  return (
    `  ${preview.diffs.toLocaleString('en')} differences (${preview.rows.toLocaleString('en')} rows, ${result.proposals.toLocaleString('en')} proposals): ` +
    `preview ${fmt(previewMs / 1000)} s, apply ${fmt(applyMs / 1000)} s, undo ${fmt(undoMs / 1000)} s\n` +
    `  then, after the reply, the WAL checkpoint: ${fmt(checkpointMs / 1000)} s after the apply, ${fmt(undoCheckpointMs / 1000)} s after the undo\n`
  )
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
    const first = bulkBench(ws, user, SITES.slice(0, n))
    process.stdout.write(`\nbulk accept-registry, an empty proposals table:\n${first}`)
    // As a clerk meets it: corrections already proposed elsewhere (at the next two sites), still open.
    if (n < SITES.length) {
      const others = ReviewFilter.parse({ classes: ['formatting'], sites: SITES.slice(n, 2 * n) })
      const made = applyBulk(ws, user, { filter: others, action: 'accept_registry', note: '' })
      checkpoint(ws)
      const again = bulkBench(ws, user, SITES.slice(0, n))
      process.stdout.write(`\nthe same, with ${made.proposals.toLocaleString('en')} corrections already proposed at other sites:\n${again}`)
    }
    process.stdout.write(`\n${EARLIER}\n`)
    ws.close()
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
