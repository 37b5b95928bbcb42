import { basename, dirname, extname, join } from 'node:path'
import { appendAudit } from '../audit/append.ts'
import type { SourceKind } from '../import/fields.ts'
import { importFile } from '../import/import-file.ts'
import type { JobContext } from '../base/job-context.ts'
import type { Workspace } from '../workspace/workspace.ts'
import { generateDemo } from './generate.ts'

/** Every sample workspace is the same small district: easy to follow, quick to make. */
export const SAMPLE_PERSONS = 300
export const SAMPLE_SEED = 2021

/** The sample's spreadsheets go in a folder next to the workspace: "huyen-mau.vaxrecon" → "huyen-mau-du-lieu-mau/". */
export function sampleFolderFor(workspacePath: string): string {
  const name = basename(workspacePath, extname(workspacePath))
  return join(dirname(workspacePath), `${name}-du-lieu-mau`)
}

export interface SampleResult {
  folder: string
  persons: number
  imports: { file: string; kind: SourceKind; imported: number; rejected: number; alreadyImported: boolean }[]
}

/**
 * Fills a workspace with the sample data set, for newcomers: generates it next to the
 * workspace, then imports the registry, every site file and the complaints exactly as a
 * clerk would (the import finds headers and columns by itself), all in one transaction.
 * The data is deterministic, so running the job again adds nothing.
 */
export async function sampleJob(ws: Workspace, ctx: JobContext): Promise<SampleResult> {
  const folder = sampleFolderFor(ws.path)
  const summary = await generateDemo(folder, {
    persons: SAMPLE_PERSONS,
    seed: SAMPLE_SEED,
    onProgress: (p) => {
      ctx.checkCancelled()
      ctx.progress({ ...p, stage: 'generate' })
    }
  })
  const files: { file: string; kind: SourceKind }[] = [
    { file: 'registry.xlsx', kind: 'registry' },
    ...summary.sites.map((s) => ({ file: s.file, kind: 'site' as const })),
    { file: 'complaints.xlsx', kind: 'complaint' }
  ]
  const imports: SampleResult['imports'] = []
  // One transaction for the whole set (each import is a savepoint in it): a cancel or a
  // failure leaves the workspace exactly as it was. The reads in between are asynchronous,
  // so it is opened by hand on the job's own connection.
  const db = ws.db
  db.exec('BEGIN IMMEDIATE')
  try {
    for (const [i, f] of files.entries()) {
      ctx.checkCancelled()
      ctx.progress({ done: i, total: files.length, stage: 'import' })
      const fileCtx: JobContext = {
        progress: () => ctx.progress({ done: i, total: files.length, stage: 'import' }),
        checkCancelled: ctx.checkCancelled
      }
      const s = await importFile(ws, { kind: f.kind, path: join(folder, f.file) }, fileCtx, null)
      imports.push({ file: f.file, kind: f.kind, imported: s.imported, rejected: s.rejected, alreadyImported: s.duplicateOf !== null })
    }
    appendAudit(db, {
      actor: null,
      action: 'sample.create',
      entity: 'workspace',
      new: { folder, persons: SAMPLE_PERSONS, seed: SAMPLE_SEED, files: files.map((f) => f.file) }
    })
    db.exec('COMMIT')
  } catch (err) {
    if (db.inTransaction) db.exec('ROLLBACK')
    throw err
  }
  ctx.progress({ done: files.length, total: files.length, stage: 'done' })
  return { folder, persons: SAMPLE_PERSONS, imports }
}
