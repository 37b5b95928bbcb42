import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { readFileSync, readdirSync, statSync } from 'node:fs'
import { basename, join, relative } from 'node:path'
import ExcelJS from 'exceljs'
import { parseCsv } from '../helpers/libreoffice.ts'
import { tempDir } from '../helpers/tmp.ts'

/** A CSV file into objects keyed by its header row. */
export function readCsv(path: string): Record<string, string>[] {
  const [header = [], ...data] = parseCsv(readFileSync(path, 'utf8'))
  return data.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])))
}

export function tagsOf(row: Record<string, string>): string[] {
  return (row['noise_tags'] ?? '').split(';').filter((t) => t !== '')
}

/** sha256 of every file under dir, by relative path. */
export function hashTree(dir: string): Record<string, string> {
  const out: Record<string, string> = {}
  const walk = (d: string) => {
    for (const e of readdirSync(d).sort()) {
      const p = join(d, e)
      if (statSync(p).isDirectory()) walk(p)
      else out[relative(dir, p)] = createHash('sha256').update(readFileSync(p)).digest('hex')
    }
  }
  walk(dir)
  return out
}

export async function readSheet(path: string, sheet?: string): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.readFile(path)
  const ws = sheet ? wb.getWorksheet(sheet) : wb.worksheets[0]
  if (!ws) throw new Error(`no sheet in ${path}`)
  return ws
}

export async function sheetNames(path: string): Promise<string[]> {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.readFile(path)
  return wb.worksheets.map((w) => w.name)
}

/**
 * Converts the first sheet of each file to UTF-8 CSV with LibreOffice, headless, with a
 * profile of its own so parallel runs do not fight over ~/.config/libreoffice.
 */
export function libreOfficeToCsv(files: readonly string[]): Map<string, string[][]> {
  const out = tempDir('vaxrecon-lo-')
  const profile = tempDir('vaxrecon-lo-profile-')
  const r = spawnSync(
    'soffice',
    [
      `-env:UserInstallation=file://${profile}`,
      '--headless',
      '--convert-to',
      'csv:Text - txt - csv (StarCalc):44,34,76,1',
      '--outdir',
      out,
      ...files
    ],
    { encoding: 'utf8', timeout: 110_000 }
  )
  if (r.status !== 0) throw new Error(`soffice failed: ${r.stderr}`)
  const result = new Map<string, string[][]>()
  for (const f of files) {
    const name = basename(f)
    result.set(name, parseCsv(readFileSync(join(out, name.replace(/\.xlsx$/, '.csv')), 'utf8')))
  }
  return result
}
