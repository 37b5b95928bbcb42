import { execFile } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, dirname, extname, join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { VaxError } from '../../base/errors.ts'

/** Where LibreOffice is, if installed: on PATH, or in its usual Windows folders. */
export function findLibreOffice(): string | null {
  const names = process.platform === 'win32' ? ['soffice.exe', 'soffice.com'] : ['soffice', 'libreoffice']
  const dirs = (process.env['PATH'] ?? '').split(process.platform === 'win32' ? ';' : ':')
  if (process.platform === 'win32') {
    for (const pf of [process.env['ProgramFiles'], process.env['ProgramFiles(x86)']]) if (pf) dirs.push(join(pf, 'LibreOffice', 'program'))
  } else dirs.push('/usr/bin', '/usr/local/bin', '/opt/libreoffice/program', '/Applications/LibreOffice.app/Contents/MacOS')
  for (const d of dirs) for (const n of names) if (d && existsSync(join(d, n))) return join(d, n)
  return null
}

const CONVERT_PREFIX = 'vaxrecon-convert-'

// The import filter LibreOffice needs for each source: an HTML table named .xls would otherwise open in Writer.
const FILTERS: Record<string, string | null> = { xls: null, ods: null, html: 'HTML (StarCalc)', xml2003: 'MS Excel 2003 XML' }

// A converted file is the source's personal data in plain text: it lives only until the
// import that reads it is done, or the workspace closes.
const conversions = new Set<string>()

/**
 * Deletes one converted file's folder (LibreOffice's profile with it) once it was imported
 * or refused; other paths are ignored. The import may run in a worker thread, which did not
 * make the folder, so a folder is recognised by its name as well as by this thread's list.
 */
export function removeConversion(convertedPath: string): void {
  const dir = dirname(convertedPath)
  if (!conversions.delete(dir) && !basename(dir).startsWith(CONVERT_PREFIX)) return
  rmSync(dir, { recursive: true, force: true })
}

/** Deletes every folder this process converted into. */
export function removeConversions(): void {
  for (const dir of conversions) rmSync(dir, { recursive: true, force: true })
  conversions.clear()
}

/**
 * Converts an old .xls, an HTML table or a SpreadsheetML file to .xlsx with LibreOffice,
 * into a fresh temporary folder (the original is never touched). Returns the new path.
 */
export function convertToXlsx(path: string, format: 'xls' | 'html' | 'xml2003' | 'ods', soffice = findLibreOffice()): Promise<string> {
  if (!soffice) {
    return Promise.reject(
      new VaxError('LIBREOFFICE_MISSING', {
        vi: 'Chưa cài LibreOffice nên không tự chuyển đổi được. Hãy mở tệp trong Excel và lưu thành .xlsx.',
        en: 'LibreOffice is not installed, so the file cannot be converted automatically. Open it in Excel and save it as .xlsx.'
      })
    )
  }
  const out = mkdtempSync(join(tmpdir(), CONVERT_PREFIX))
  conversions.add(out)
  const profile = pathToFileURL(join(out, 'profile')).href
  const filter = FILTERS[format]
  const args = [
    '--headless',
    '--norestore',
    `-env:UserInstallation=${profile}`,
    ...(filter ? [`--infilter=${filter}`] : []),
    '--convert-to',
    'xlsx',
    '--outdir',
    out,
    path
  ]
  return new Promise((resolve, reject) => {
    execFile(soffice, args, { timeout: 180_000 }, () => {
      const want = `${basename(path, extname(path))}.xlsx`
      const made = readdirSync(out).find((f) => f === want)
      if (made) resolve(join(out, made))
      else
        reject(
          new VaxError('CONVERT_FAILED', {
            vi: 'LibreOffice không chuyển được tệp này sang .xlsx. Hãy mở tệp trong Excel và lưu thành .xlsx.',
            en: 'LibreOffice could not convert this file to .xlsx. Open it in Excel and save it as .xlsx.'
          })
        )
    })
  })
}
