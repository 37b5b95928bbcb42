/**
 * Import speed and memory: a generated 1,000,000-row site .xlsx (streaming writer), read
 * by exceljs's own streaming reader, then imported by VaxRecon (our sheet scan,
 * normalization, validation, SQLite inserts with the records indexes), each in its own
 * process so peak RSS is its own. VAXRECON_BENCH_ROWS=100000 for a quicker run.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import ExcelJS from 'exceljs'

const SELF = fileURLToPath(import.meta.url)
const ROWS = Number(process.env['VAXRECON_BENCH_ROWS'] ?? 1_000_000)

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý']
const MIDDLE = ['Văn', 'Thị', 'Hữu', 'Đức', 'Minh', 'Thanh', 'Ngọc', 'Quốc', 'Thu', 'Hoàng']
const GIVEN = ['An', 'Bình', 'Chi', 'Dũng', 'Giang', 'Hà', 'Hải', 'Hạnh', 'Hùng', 'Hương', 'Khánh', 'Lan', 'Linh', 'Long', 'Mai', 'Minh', 'Nam', 'Ngọc', 'Phương', 'Quân', 'Sơn', 'Tâm', 'Thảo', 'Trang', 'Tuấn', 'Vy']
const PLACES = [
  'Xã Tân Lập, Huyện Đan Phượng, Thành phố Hà Nội',
  'Phường Bến Nghé, Quận 1, Thành phố Hồ Chí Minh',
  'Xã Hòa Khánh, Huyện Cái Bè, Tỉnh Tiền Giang',
  'Phường Phúc Xá, Quận Ba Đình, Thành phố Hà Nội',
  'Phường Hải Châu I, Quận Hải Châu, Thành phố Đà Nẵng'
]
const VACCINES = ['AstraZeneca', 'Pfizer', 'Moderna', 'Vero Cell', 'Sputnik V']

export async function generate(path: string, rows: number): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: true, useSharedStrings: false })
  const ws = wb.addWorksheet('Danh sách')
  ws.addRow(['STT', 'Họ và tên', 'Ngày sinh', 'Giới tính', 'Số CCCD', 'SĐT', 'Địa chỉ', 'Loại vắc xin', 'Số lô', 'Mũi', 'Ngày tiêm', 'Điểm tiêm']).commit()
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
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, { sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'cache', worksheets: 'emit', entries: 'ignore' })
  for await (const sheet of reader) {
    for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
      rows++
      row.eachCell(() => void cells++)
    }
  }
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

/** Child: the whole VaxRecon import into a fresh workspace. */
async function importWithVaxrecon(path: string, dir: string): Promise<Figures & { rejected: number }> {
  const { createWorkspace } = await import('../../main/core/workspace/index.ts')
  const { importFile } = await import('../../main/core/import/import-file.ts')
  const { inlineContext } = await import('../../main/core/jobs/context.ts')
  const ws = createWorkspace(join(dir, `bench-${process.pid}.vaxrecon`))
  const t0 = process.hrtime.bigint()
  const cpu0 = cpuSeconds()
  const s = await importFile(ws, { kind: 'site', path }, inlineContext(), null)
  // Closing checkpoints the WAL into the workspace file: part of the cost of an import.
  ws.close()
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9
  return { rows: s.imported + s.rejected, rejected: s.rejected, seconds, cpuSeconds: cpuSeconds() - cpu0, maxRssMb: peakRssMb() }
}

function child(mode: string, path: string, dir: string): Figures & { rejected?: number } {
  const r = spawnSync(process.execPath, [SELF], { env: { ...process.env, BENCH_CHILD: mode, BENCH_FILE: path, BENCH_DIR: dir }, encoding: 'utf8', maxBuffer: 1 << 20 })
  if (r.status !== 0) throw new Error(`${mode} failed: ${r.stderr}`)
  return JSON.parse(r.stdout.trim().split('\n').at(-1) ?? '{}') as Figures
}

export default async function bench(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'vaxrecon-bench-'))
  const file = join(dir, `site-${ROWS}.xlsx`)
  try {
    const t = Date.now()
    const gen = spawnSync(process.execPath, [SELF], { env: { ...process.env, BENCH_CHILD: 'generate', BENCH_FILE: file }, encoding: 'utf8' })
    if (gen.status !== 0) throw new Error(`generate failed: ${gen.stderr}`)
    process.stdout.write(`generated ${ROWS.toLocaleString('en')} rows, ${(statSync(file).size / 1e6).toFixed(1)} MB, in ${((Date.now() - t) / 1000).toFixed(0)} s\n`)
    const exceljs = child('exceljs', file, dir)
    const scan = child('scan', file, dir)
    const ours = child('vaxrecon', file, dir)
    const rate = (n: number) => String(Math.round(n).toLocaleString('en')).padStart(9)
    const line = (name: string, f: Figures) =>
      `${name.padEnd(44)} ${rate(f.rows / f.seconds)} rows/s  ${f.seconds.toFixed(1).padStart(6)} s  ${rate(f.rows / f.cpuSeconds)} rows/CPU-s  peak RSS ${Math.round(f.maxRssMb)} MB\n`
    process.stdout.write(line('exceljs streaming reader (read only)', exceljs))
    process.stdout.write(line('VaxRecon sheet scan (read only)', scan))
    process.stdout.write(line('VaxRecon import (read, normalize, SQLite)', ours))
    const ratio = (a: Figures, b: Figures) =>
      `${(a.rows / a.seconds / (b.rows / b.seconds)).toFixed(2)}× wall clock, ${(a.rows / a.cpuSeconds / (b.rows / b.cpuSeconds)).toFixed(2)}× per CPU-second`
    process.stdout.write(`scan vs exceljs: ${ratio(scan, exceljs)}; same cells: ${scan.cells === exceljs.cells ? 'yes' : 'NO'} (${scan.cells ?? 0})\n`)
    process.stdout.write(`import vs exceljs: ${ratio(ours, exceljs)} (target ≥ 2×)\n`)
    process.stdout.write(`import peak RSS ${Math.round(ours.maxRssMb)} MB (target < 400 MB); rejected ${ours.rejected ?? 0}\n`)
  } finally {
    if (existsSync(dir)) rmSync(dir, { recursive: true, force: true })
  }
}

const mode = process.env['BENCH_CHILD']
if (mode) {
  const path = process.env['BENCH_FILE'] ?? ''
  if (mode === 'generate') await generate(path, ROWS)
  else {
    const out =
      mode === 'exceljs' ? await readWithExceljs(path) : mode === 'scan' ? await readWithVaxrecon(path) : await importWithVaxrecon(path, process.env['BENCH_DIR'] ?? tmpdir())
    process.stdout.write(JSON.stringify(out) + '\n')
  }
}
