import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { generateDemo } from '../../main/core/demo/generate.ts'
import { importFile } from '../../main/core/import/import-file.ts'
import { inlineContext } from '../../main/core/base/job-context.ts'
import { matchJob } from '../../main/core/jobs/pipeline.ts'
import { createWorkspace, type Workspace } from '../../main/core/workspace/index.ts'

/** A `vaxrecon demo` data set imported as a clerk would (registry, every site file, complaints) and matched. */
export async function matchedDemoWorkspace(dir: string, persons: number, seed: number): Promise<Workspace> {
  const demo = join(dir, 'demo')
  await generateDemo(demo, { persons, seed })
  const ws = createWorkspace(join(dir, 'w.vaxrecon'))
  const ctx = inlineContext()
  await importFile(ws, { kind: 'registry', path: join(demo, 'registry.xlsx') }, ctx, null)
  for (const f of readdirSync(demo).filter((f) => f.startsWith('site_')))
    await importFile(ws, { kind: 'site', path: join(demo, f) }, ctx, null)
  await importFile(ws, { kind: 'complaint', path: join(demo, 'complaints.xlsx') }, ctx, null)
  matchJob(ws, {}, ctx)
  return ws
}
