import { execFileSync, spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import { tempDir } from './tmp.ts'

/**
 * Converts the first sheet of an .xlsx to CSV with headless LibreOffice, UTF-8 and "as
 * shown" (so dates come out in the cell's own format). Its own profile per test process,
 * so parallel conversions never share one.
 */
export function xlsxToCsv(path: string): string[][] {
  const out = tempDir('vaxrecon-lo-')
  execFileSync(
    'soffice',
    [
      `-env:UserInstallation=file:///tmp/lo-profile-export-${process.pid}`,
      '--headless',
      '--convert-to',
      'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false',
      '--outdir',
      out,
      path
    ],
    { stdio: 'ignore', timeout: 90_000 }
  )
  return parseCsv(readFileSync(join(out, basename(path).replace(/\.xlsx$/, '.csv')), 'utf8'))
}

/** Whether headless LibreOffice is installed (tests that need it skip, saying so, when not). */
export const hasLibreOffice = spawnSync('soffice', ['--version'], { stdio: 'ignore' }).status === 0

/** An .xlsx as LibreOffice Calc reads and writes it again: every sheet, its own cell and style tables. */
export function xlsxThroughLibreOffice(path: string): string {
  const out = tempDir('vaxrecon-lo-')
  execFileSync(
    'soffice',
    [
      `-env:UserInstallation=file:///tmp/lo-profile-export-${process.pid}`,
      '--headless',
      '--convert-to',
      'xlsx:Calc MS Excel 2007 XML',
      '--outdir',
      out,
      path
    ],
    { stdio: 'ignore', timeout: 90_000 }
  )
  return join(out, basename(path))
}

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

/** Whether headless LibreOffice is installed here (tests that need it skip, saying why, when not). */
export function hasSoffice(): boolean {
  return spawnSync('soffice', ['--version'], { stdio: 'ignore', timeout: 60_000 }).status === 0
}

/**
 * Saves a workbook again as LibreOffice writes .xlsx (shared strings, its own styles): the
 * shape of real files, which our generators do not write. Returns the new file's path.
 */
export function roundTripXlsx(path: string, outDir = tempDir('vaxrecon-lo-')): string {
  execFileSync(
    'soffice',
    [
      `-env:UserInstallation=file:///tmp/lo-profile-xlsx-${process.pid}`,
      '--headless',
      '--convert-to',
      'xlsx:Calc MS Excel 2007 XML',
      '--outdir',
      outDir,
      path
    ],
    { stdio: 'ignore', timeout: 180_000 }
  )
  return join(outDir, basename(path).replace(/\.[^.]+$/, '.xlsx'))
}
