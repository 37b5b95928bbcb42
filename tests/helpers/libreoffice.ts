import { execFileSync, spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import { tempDir } from './tmp.ts'

/** One headless conversion into outDir, with a LibreOffice profile of its own per kind and process (parallel runs never share one). */
function convert(path: string, to: string, outDir: string, profile: string, timeout: number): void {
  execFileSync(
    'soffice',
    [`-env:UserInstallation=file:///tmp/lo-profile-${profile}-${process.pid}`, '--headless', '--convert-to', to, '--outdir', outDir, path],
    {
      stdio: 'ignore',
      timeout
    }
  )
}

/**
 * Converts the first sheet of an .xlsx to CSV with headless LibreOffice, UTF-8 and "as
 * shown" (so dates come out in the cell's own format).
 */
export function xlsxToCsv(path: string): string[][] {
  const out = tempDir('vaxrecon-lo-')
  convert(path, 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false', out, 'export', 90_000)
  return parseCsv(readFileSync(join(out, basename(path).replace(/\.xlsx$/, '.csv')), 'utf8'))
}

/** Whether headless LibreOffice is installed (tests that need it skip, saying so, when not). */
export const hasLibreOffice = spawnSync('soffice', ['--version'], { stdio: 'ignore', timeout: 60_000 }).status === 0

/** RFC 4180: quoted fields, doubled quotes, newlines inside quotes. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"'
        i++
      } else if (c === '"') quoted = false
      else field += c
    } else if (c === '"') quoted = true
    else if (c === ',') {
      row.push(field)
      field = ''
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++
      row.push(field)
      rows.push(row)
      row = []
      field = ''
    } else field += c
  }
  if (field !== '' || row.length > 0) rows.push([...row, field])
  return rows
}

/**
 * Saves a workbook again as LibreOffice writes .xlsx (shared strings, its own styles): the
 * shape of real files, which our generators do not write. Returns the new file's path.
 */
export function roundTripXlsx(path: string, outDir = tempDir('vaxrecon-lo-')): string {
  convert(path, 'xlsx:Calc MS Excel 2007 XML', outDir, 'xlsx', 180_000)
  return join(outDir, basename(path).replace(/\.[^.]+$/, '.xlsx'))
}
