import { spawnSync } from 'node:child_process'
import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { tempDir } from '../../helpers/tmp.ts'

const BIN = new URL('../../../bin/vaxrecon.js', import.meta.url).pathname

function vaxrecon(args: string[]): string {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' })
  if (r.status !== 0) throw new Error(`vaxrecon ${args[0]} failed (${r.status}): ${r.stderr}`)
  return r.stdout
}

/**
 * A real workspace the way a district fills one: `vaxrecon demo` writes the spreadsheets,
 * `vaxrecon import` reads each of them, `vaxrecon match` links and builds the diffs.
 */
export function demoWorkspace(persons: number, seed: number): { path: string; demoDir: string } {
  const dir = tempDir('vaxrecon-review-demo-')
  const demoDir = join(dir, 'demo')
  const path = join(dir, 'demo.vaxrecon')
  vaxrecon(['demo', demoDir, '--persons', String(persons), '--seed', String(seed)])
  vaxrecon(['init', path, '--plain'])
  vaxrecon(['import', path, '--kind', 'registry', join(demoDir, 'registry.xlsx')])
  for (const f of readdirSync(demoDir)
    .filter((f) => f.startsWith('site_'))
    .sort())
    vaxrecon(['import', path, '--kind', 'site', join(demoDir, f)])
  vaxrecon(['import', path, '--kind', 'complaint', join(demoDir, 'complaints.xlsx')])
  vaxrecon(['match', path])
  return { path, demoDir }
}
