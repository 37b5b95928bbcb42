import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generateDemo } from '../../../main/core/demo/generate.ts'
import { importFile } from '../../../main/core/import/import-file.ts'
import { inlineContext } from '../../../main/core/base/job-context.ts'
import { matchJob } from '../../../main/core/jobs/pipeline.ts'
import { createWorkspace, type Workspace } from '../../../main/core/workspace/index.ts'
import { tempDir } from '../../helpers/tmp.ts'
import { demoQuality, prf, type DemoQuality } from './quality.ts'

/**
 * The regression floor on realistic data: 1,500 persons from `vaxrecon demo`, imported
 * like a clerk would, matched, and scored against the generator's truth files.
 */
let ws: Workspace
let q: DemoQuality

beforeAll(async () => {
  const dir = tempDir('vaxrecon-link-demo-')
  await generateDemo(join(dir, 'demo'), { persons: 1500, seed: 5 })
  ws = createWorkspace(join(dir, 'w.vaxrecon'))
  const ctx = inlineContext()
  await importFile(ws, { kind: 'registry', path: join(dir, 'demo', 'registry.xlsx') }, ctx, null)
  for (const f of readdirSync(join(dir, 'demo')).filter((f) => f.startsWith('site_')))
    await importFile(ws, { kind: 'site', path: join(dir, 'demo', f) }, ctx, null)
  await importFile(ws, { kind: 'complaint', path: join(dir, 'demo', 'complaints.xlsx') }, ctx, null)
  matchJob(ws, {}, ctx)
  q = demoQuality(ws, join(dir, 'demo'))
})
afterAll(() => ws?.close())

describe('linkage on demo data', () => {
  it('links site rows with F1 above 0.99, far above the exact-ID VLOOKUP', () => {
    const f1 = prf(q.site).f1
    expect(f1).toBeGreaterThan(0.99)
    expect(prf(q.site).precision).toBeGreaterThan(0.998)
    expect(f1 - prf(q.exactId).f1).toBeGreaterThan(0.04)
  })

  it('never auto-links a twin or a namesake wrongly', () => {
    // Twins and namesakes are auto-linked on an exact or crosswalked ID, or without it
    // only where the row shares with one of them alone what tells them apart (a given name
    // the others contradict, the candidate's household): apart.test.ts has those cases and
    // match.test.ts the close calls (a sex or a phone never settles it).
    expect(q.hardAuto).toBeGreaterThan(0)
    expect(q.hardWrong).toBe(0)
  })

  it('links complaints too', () => {
    expect(prf(q.complaints).f1).toBeGreaterThan(0.97)
  })

  it('finds the people missing their ID, where the VLOOKUP finds nobody', () => {
    const noId = q.byTag.get('id_missing')
    expect(noId && prf(noId.vaxrecon).recall).toBeGreaterThan(0.95)
    expect(noId && prf(noId.exactId).recall).toBe(0)
  })
})
