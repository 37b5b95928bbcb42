/**
 * Import speed and memory on files as Excel and LibreOffice write them: a generated site
 * sheet with shared strings (as Excel stores text), the same sheet saved again by
 * LibreOffice (soffice --convert-to xlsx; skipped when it is not installed), and beside
 * them the inline-string file exceljs writes by default. On each, in its own process so
 * peak RSS is its own: exceljs's streaming reader alone, exceljs's reader feeding SQLite,
 * our sheet scan alone, and the whole VaxRecon import (scan, normalization, validation,
 * SQLite inserts with the records indexes). VAXRECON_BENCH_ROWS sets the rows (200,000).
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import ExcelJS from 'exceljs'
import type * as Workspaces from '../../main/core/workspace/index.ts'
import type * as Imports from '../../main/core/import/import-file.ts'
import type * as Jobs from '../../main/core/base/job-context.ts'
import { FAMILY, GIVEN, MIDDLE } from './bench-names.ts'

const SELF = fileURLToPath(import.meta.url)
const ROWS = Number(process.env['VAXRECON_BENCH_ROWS'] ?? 200_000)

const PLACES = [
  'Xã Tân Lập, Huyện Đan Phượng, Thành phố Hà Nội',
  'Phường Bến Nghé, Quận 1, Thành phố Hồ Chí Minh',
  'Xã Hòa Khánh, Huyện Cái Bè, Tỉnh Tiền Giang',
  'Phường Phúc Xá, Quận Ba Đình, Thành phố Hà Nội',
  'Phường Hải Châu I, Quận Hải Châu, Thành phố Đà Nẵng'
]
const VACCINES = ['AstraZeneca', 'Pfizer', 'Moderna', 'Vero Cell', 'Sputnik V']

export async function generate(path: string, rows: number, sharedStrings = false): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: true, useSharedStrings: sharedStrings })
  const ws = wb.addWorksheet('Danh sách')
  ws.addRow([
    'STT',
    'Họ và tên',
    'Ngày sinh',
    'Giới tính',
    'Số CCCD',
    'SĐT',
    'Địa chỉ',
    'Loại vắc xin',
    'Số lô',
    'Mũi',
    'Ngày tiêm',
    'Điểm tiêm'
  ]).commit()
  for (let i = 0; i < rows; i++) {
    const year = 1940 + (i % 65)
    const dob = new Date(Date.UTC(year, i % 12, 1 + (i % 28)))
    const male = i % 2 === 0
    const row = ws.addRow([
      i + 1,
      `${FAMILY[i % 16]} ${male ? 'Văn' : MIDDLE[i % 10]} ${GIVEN[(i * 7) % 26]}`,
      dob,
      male ? 'Nam' : 'Nữ',
      `0${String(1 + (i % 96)).padStart(2, '0')}${(male ? 0 : 1) + (year >= 2000 ? 2 : 0)}${String(year % 100).padStart(2, '0')}${String(i % 1_000_000).padStart(6, '0')}`,
      `09${String(10_000_000 + ((i * 7919) % 89_999_999)).slice(0, 8)}`,
      `Số ${1 + (i % 200)}, ${PLACES[i % 5]}`,
      VACCINES[i % 5],
      `L${1000 + (i % 500)}`,
      1 + (i % 3),
      new Date(Date.UTC(2021, 6 + (i % 6), 1 + (i % 28))),
      'Trạm Y tế'
    ])
    row.getCell(3).numFmt = 'dd/mm/yyyy'
    row.getCell(11).numFmt = 'dd/mm/yyyy'
    row.commit()
  }
  ws.commit()
  await wb.commit()
}

interface Figures {
  rows: number
  /** Non-empty cells seen: the two readers must agree. */
  cells?: number
  seconds: number
  /** User + system CPU time: on a machine shared with other work, the fairer comparison. */
  cpuSeconds: number
  maxRssMb: number
}

/**
 * Peak resident memory of this process since it started, sampled: getrusage's maxRSS is
 * inherited from the parent across fork and exec on Linux, so it would report the parent's.
 */
let peakRss = process.memoryUsage.rss()
setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage.rss())), 25).unref()
const peakRssMb = (): number => Math.max(peakRss, process.memoryUsage.rss()) / 1024 / 1024

const cpuSeconds = (): number => {
  const u = process.cpuUsage()
  return (u.user + u.system) / 1e6
}

/** Child: exceljs's streaming reader, touching every cell value. */
async function readWithExceljs(path: string): Promise<Figures> {
  const t0 = process.hrtime.bigint()
  const cpu0 = cpuSeconds()
  let rows = 0
  let cells = 0
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    worksheets: 'emit',
    entries: 'ignore'
  })
  for await (const sheet of reader) {
    for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
      rows++
      row.eachCell(() => void cells++)
    }
  }
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9
  return { rows: rows - 1, cells, seconds, cpuSeconds: cpuSeconds() - cpu0, maxRssMb: peakRssMb() }
}

/** Child: exceljs's streaming reader feeding SQLite: every row's cells inserted in one transaction. */
async function exceljsToSqlite(path: string, dir: string): Promise<Figures> {
  const { default: Database } = await import('better-sqlite3')
  const db = new Database(join(dir, `exceljs-${process.pid}.sqlite`))
  db.pragma('journal_mode = WAL')
  db.exec(`CREATE TABLE rows (id INTEGER PRIMARY KEY, ${Array.from({ length: 12 }, (_, i) => `c${i} ANY`).join(', ')}) STRICT`)
  const insert = db.prepare(
    `INSERT INTO rows (${Array.from({ length: 12 }, (_, i) => `c${i}`).join(', ')}) VALUES (${Array(12).fill('?').join(', ')})`
  )
  const t0 = process.hrtime.bigint()
  const cpu0 = cpuSeconds()
  let rows = 0
  let cells = 0
  db.exec('BEGIN')
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    worksheets: 'emit',
    entries: 'ignore'
  })
  for await (const sheet of reader) {
    for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
      rows++
      const values: (string | number | null)[] = Array<string | number | null>(12).fill(null)
      row.eachCell((cell, col) => {
        cells++
        const v = cell.value
        if (col <= 12)
          values[col - 1] =
            v instanceof Date ? v.toISOString() : typeof v === 'number' || typeof v === 'string' ? v : v === null ? null : String(v)
      })
      insert.run(values)
    }
  }
  db.exec('COMMIT')
  db.close()
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9
  return { rows: rows - 1, cells, seconds, cpuSeconds: cpuSeconds() - cpu0, maxRssMb: peakRssMb() }
}

/** Child: VaxRecon's own sheet scan alone, touching every value: the like-for-like reader comparison. */
async function readWithVaxrecon(path: string): Promise<Figures> {
  const { openXlsx } = await import('../../main/core/import/readers/xlsx.ts')
  const t0 = process.hrtime.bigint()
  const cpu0 = cpuSeconds()
  const src = await openXlsx(path)
  let rows = 0
  let cells = 0
  for await (const batch of src.rows(src.sheets[0]?.name ?? '')) {
    for (const r of batch) {
      rows++
      for (const c of r.cells) if (c !== null) cells++
    }
  }
  await src.close()
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9
  return { rows: rows - 1, cells, seconds, cpuSeconds: cpuSeconds() - cpu0, maxRssMb: peakRssMb() }
}

// VAXRECON_BENCH_BASELINE=DIR: a copy of an earlier tree (`git archive COMMIT | tar -x -C DIR`, with
// node_modules linked in) whose whole import runs on the same files in the same run, so before and after share its load.
const BASELINE = process.env['VAXRECON_BENCH_BASELINE']

/** Child: the whole VaxRecon import into a fresh workspace, of this tree or of the one at BENCH_ROOT. */
async function importWithVaxrecon(path: string, dir: string): Promise<Figures & { rejected: number }> {
  const root = process.env['BENCH_ROOT']
    ? pathToFileURL(`${process.env['BENCH_ROOT'].replace(/\/$/, '')}/`)
    : new URL('../../', import.meta.url)
  const at = <T>(module: string) => import(new URL(module, root).href) as Promise<T>
  const { createWorkspace } = await at<typeof Workspaces>('main/core/workspace/index.ts')
  const { importFile } = await at<typeof Imports>('main/core/import/import-file.ts')
  const { inlineContext } = await at<typeof Jobs>('main/core/base/job-context.ts')
  const ws = createWorkspace(join(dir, `bench-${process.pid}.vaxrecon`))
  const t0 = process.hrtime.bigint()
  const cpu0 = cpuSeconds()
  const s = await importFile(ws, { kind: 'site', path }, inlineContext(), null)
  // Closing checkpoints the WAL into the workspace file: part of the cost of an import.
  ws.close()
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9
  return { rows: s.imported + s.rejected, rejected: s.rejected, seconds, cpuSeconds: cpuSeconds() - cpu0, maxRssMb: peakRssMb() }
}

function child(mode: string, path: string, dir: string, root?: string): Figures & { rejected?: number } {
  const r = spawnSync(process.execPath, [SELF], {
    env: { ...process.env, BENCH_CHILD: mode, BENCH_FILE: path, BENCH_DIR: dir, BENCH_ROOT: root ?? '' },
    encoding: 'utf8',
    maxBuffer: 1 << 20
  })
  if (r.status !== 0) throw new Error(`${mode} failed: ${r.stderr}`)
  return JSON.parse(r.stdout.trim().split('\n').at(-1) ?? '{}') as Figures
}

/** The LibreOffice copy of a file (shared strings, its own styles), or null without soffice. */
function libreOfficeCopy(path: string, dir: string): string | null {
  const out = join(dir, 'lo')
  const r = spawnSync(
    'soffice',
    [
      `-env:UserInstallation=file://${join(dir, 'lo-profile')}`,
      '--headless',
      '--convert-to',
      'xlsx:Calc MS Excel 2007 XML',
      '--outdir',
      out,
      path
    ],
    { stdio: 'ignore', timeout: 1_800_000 }
  )
  const made = join(out, basename(path))
  return r.status === 0 && existsSync(made) ? made : null
}

const rate = (n: number) => String(Math.round(n).toLocaleString('en')).padStart(9)
const line = (name: string, f: Figures) =>
  `  ${name.padEnd(40)} ${rate(f.rows / f.seconds)} rows/s  ${f.seconds.toFixed(1).padStart(6)} s  ${rate(f.rows / f.cpuSeconds)} rows/CPU-s  peak RSS ${Math.round(f.maxRssMb)} MB\n`
const ratio = (a: Figures, b: Figures) =>
  `${(a.rows / a.seconds / (b.rows / b.seconds)).toFixed(2)}× wall clock, ${(a.rows / a.cpuSeconds / (b.rows / b.cpuSeconds)).toFixed(2)}× per CPU-second`

function benchFile(label: string, file: string, dir: string): void {
  process.stdout.write(`${label}: ${(statSync(file).size / 1e6).toFixed(1)} MB\n`)
  const exceljs = child('exceljs', file, dir)
  const exceljsSql = child('exceljs-sqlite', file, dir)
  const scan = child('scan', file, dir)
  const before = BASELINE ? child('vaxrecon', file, dir, BASELINE) : null
  const ours = child('vaxrecon', file, dir)
  process.stdout.write(line('exceljs streaming reader (read only)', exceljs))
  process.stdout.write(line('exceljs reader feeding SQLite', exceljsSql))
  process.stdout.write(line('VaxRecon sheet scan (read only)', scan))
  if (before) process.stdout.write(line('VaxRecon import (whole), baseline tree', before))
  process.stdout.write(line('VaxRecon import (whole)', ours))
  process.stdout.write(
    `  scan vs exceljs reader: ${ratio(scan, exceljs)}; same cells: ${scan.cells === exceljs.cells ? 'yes' : 'NO'} (${scan.cells ?? 0})\n`
  )
  if (before) {
    process.stdout.write(`  baseline import vs exceljs reader: ${ratio(before, exceljs)}; peak RSS ${Math.round(before.maxRssMb)} MB\n`)
    process.stdout.write(`  import vs baseline import: ${ratio(ours, before)}\n`)
  }
  process.stdout.write(`  import vs exceljs reader: ${ratio(ours, exceljs)} (target ≥ 2×)\n`)
  process.stdout.write(`  import vs exceljs → SQLite: ${ratio(ours, exceljsSql)}\n`)
  process.stdout.write(`  import peak RSS ${Math.round(ours.maxRssMb)} MB (target ≤ 400 MB); rejected ${ours.rejected ?? 0}\n`)
}

export default async function bench(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'vaxrecon-bench-'))
  try {
    const files: [string, string][] = []
    for (const shared of [true, false]) {
      const file = join(dir, `site-${ROWS}-${shared ? 'shared' : 'inline'}.xlsx`)
      const t = Date.now()
      const gen = spawnSync(process.execPath, [SELF], {
        env: { ...process.env, BENCH_CHILD: 'generate', BENCH_FILE: file, BENCH_SHARED: shared ? '1' : '' },
        encoding: 'utf8'
      })
      if (gen.status !== 0) throw new Error(`generate failed: ${gen.stderr}`)
      process.stdout.write(
        `generated ${ROWS.toLocaleString('en')} rows with ${shared ? 'shared' : 'inline'} strings in ${((Date.now() - t) / 1000).toFixed(0)} s\n`
      )
      files.push([`exceljs-written, ${shared ? 'shared strings (as Excel stores text)' : 'inline strings'}`, file])
      if (shared) {
        const t1 = Date.now()
        const lo = libreOfficeCopy(file, dir)
        if (lo) {
          process.stdout.write(`saved again by LibreOffice in ${((Date.now() - t1) / 1000).toFixed(0)} s\n`)
          files.unshift(['LibreOffice-written (soffice --convert-to xlsx), shared strings', lo])
        } else process.stdout.write('LibreOffice not installed: no LibreOffice-written file\n')
      }
    }
    for (const [label, file] of files) benchFile(label, file, dir)
  } finally {
    if (existsSync(dir)) rmSync(dir, { recursive: true, force: true })
  }
}

const mode = process.env['BENCH_CHILD']
if (mode) {
  const path = process.env['BENCH_FILE'] ?? ''
  const dir = process.env['BENCH_DIR'] ?? tmpdir()
  if (mode === 'generate') await generate(path, ROWS, process.env['BENCH_SHARED'] === '1')
  else {
    const out =
      mode === 'exceljs'
        ? await readWithExceljs(path)
        : mode === 'exceljs-sqlite'
          ? await exceljsToSqlite(path, dir)
          : mode === 'scan'
            ? await readWithVaxrecon(path)
            : await importWithVaxrecon(path, dir)
    process.stdout.write(JSON.stringify(out) + '\n')
  }
}
