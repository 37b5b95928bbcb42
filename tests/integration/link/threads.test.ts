import { copyFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test } from 'vitest'
import { generateDemo } from '../../../main/core/demo/generate.ts'
import { importFile } from '../../../main/core/import/import-file.ts'
import { inlineContext } from '../../../main/core/base/job-context.ts'
import { createWorkspace } from '../../../main/core/workspace/index.ts'
import { cli } from '../../helpers/cli.ts'
import { tempDir } from '../../helpers/tmp.ts'

/**
 * `vaxrecon match --threads N` compares pairs on N threads; the links, weights, persons
 * and statuses must not depend on N. Both runs start from the same imported workspace,
 * large enough that every batch of pairs is shared between the threads.
 */
test('--threads 1 and --threads 2 give identical links on a demo workspace', { timeout: 120_000 }, async () => {
  const dir = tempDir('vaxrecon-threads-')
  await generateDemo(join(dir, 'demo'), { persons: 300, seed: 15 })
  const one = join(dir, 'one.vaxrecon')
  const ws = createWorkspace(one)
  const ctx = inlineContext()
  await importFile(ws, { kind: 'registry', path: join(dir, 'demo', 'registry.xlsx') }, ctx, null)
  for (const f of readdirSync(join(dir, 'demo')).filter((f) => f.startsWith('site_')))
    await importFile(ws, { kind: 'site', path: join(dir, 'demo', f) }, ctx, null)
  await importFile(ws, { kind: 'complaint', path: join(dir, 'demo', 'complaints.xlsx') }, ctx, null)
  ws.close()
  const two = join(dir, 'two.vaxrecon')
  copyFileSync(one, two)

  const links = (path: string, threads: string) => {
    const m = cli(['match', path, '--threads', threads, '--json'])
    expect(m.code, m.stderr).toBe(0)
    const out = cli(['links', path, '--format', 'csv'])
    expect(out.code, out.stderr).toBe(0)
    const { links: counts, doseIssues } = JSON.parse(m.stdout) as { links: Record<string, number>; doseIssues: Record<string, number> }
    return { counts, doseIssues, csv: out.stdout }
  }
  const a = links(one, '1')
  const b = links(two, '2')
  expect(a.csv.split('\n').length).toBeGreaterThan(300)
  expect(a.counts['auto']).toBeGreaterThan(0)
  expect(b).toEqual(a)
  expect(cli(['match', one, '--threads', '0']).code).toBe(2)
})
