import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test } from 'vitest'
import { cli } from '../helpers/cli.ts'
import { tempDir } from '../helpers/tmp.ts'
import { readCsv } from './demo-helpers.ts'

test('vaxrecon demo writes the set and prints what it wrote', () => {
  const out = join(tempDir(), 'sample')
  const r = cli(['demo', out, '--persons', '150', '--seed', '9'])
  expect(r.stderr).toBe('')
  expect(r.code).toBe(0)
  expect(r.stdout).toMatch(/registry\.xlsx\s+\d+ rows/)
  expect(r.stdout).toMatch(/complaints\.xlsx\s+\d+ rows/)
  expect(readdirSync(out).filter((f) => f.startsWith('site_')).length).toBe(5)
  expect(readCsv(join(out, 'truth', 'registry_rows.csv')).length).toBeGreaterThan(100)

  // Running again over an earlier demo folder replaces it.
  writeFileSync(join(out, 'site_99_stale.xlsx'), 'old')
  expect(cli(['demo', out, '--persons', '150', '--seed', '9']).code).toBe(0)
  expect(existsSync(join(out, 'site_99_stale.xlsx'))).toBe(false)
})

test('bad usage exits 2; a folder holding other files is refused and left alone', () => {
  const out = tempDir()
  expect(cli(['demo']).code).toBe(2)
  const tooFew = cli(['demo', out, '--persons', '10'])
  expect(tooFew.code).toBe(2)
  expect(tooFew.stderr).toContain('--persons must be from 100 to 1000000')

  const busy = join(out, 'busy')
  mkdirSync(busy)
  writeFileSync(join(busy, 'my-notes.txt'), 'keep me')
  const r = cli(['demo', busy, '--persons', '100'])
  expect(r.code).toBe(1)
  expect(r.stderr).toContain('đã có tệp khác')
  expect(r.stderr).toContain('already holds other files')
  expect(readdirSync(busy)).toEqual(['my-notes.txt'])
})
