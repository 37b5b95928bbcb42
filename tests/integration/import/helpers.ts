import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { SourceKind } from '../../../main/core/import/fields.ts'
import { importFile, type ImportOptions } from '../../../main/core/import/import-file.ts'
import { inlineContext } from '../../../main/core/base/job-context.ts'
import { createWorkspace, openWorkspace, type Workspace } from '../../../main/core/workspace/index.ts'
import { tempDir } from '../../helpers/tmp.ts'

export const FIXTURES = fileURLToPath(new URL('../../fixtures/import/', import.meta.url))
export const fixture = (name: string): string => join(FIXTURES, name)

export function freshWorkspace(): Workspace {
  return createWorkspace(join(tempDir('vaxrecon-import-'), 'w.vaxrecon'))
}

export function importFixture(ws: Workspace, name: string, kind: SourceKind, extra: Partial<ImportOptions> = {}) {
  return importFile(ws, { kind, path: fixture(name), ...extra }, inlineContext(), null)
}

export interface RecordRow {
  id: number
  source_row: number
  source_sheet: string
  full_name: string | null
  dob: string | null
  gender: string | null
  national_id: string | null
  id_kind: string | null
  old_national_id: string | null
  phone: string | null
  address: string | null
  province_code: string | null
  district_code: string | null
  ward_code: string | null
  vaccine: string | null
  lot: string | null
  dose_number: number | null
  dose_date: string | null
  site_name: string | null
  complaint_id: string | null
  submitted_at: string | null
  complaint_type: string | null
  description: string | null
  warnings_json: string
  raw_json: string
}

export const records = (ws: Workspace): RecordRow[] => ws.db.prepare('SELECT * FROM records ORDER BY id').all() as RecordRow[]

/** Everything that says what a workspace holds: the file's bytes after close, and its row counts. */
export function snapshot(path: string): { hash: string; counts: Record<string, number> } {
  const ws = openWorkspace(path)
  const counts: Record<string, number> = {}
  for (const t of ['imports', 'records', 'rejects', 'audit_log', 'mapping_templates']) {
    counts[t] = (ws.db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n
  }
  ws.db.pragma('wal_checkpoint(TRUNCATE)')
  ws.close()
  return { hash: createHash('sha256').update(readFileSync(path)).digest('hex'), counts }
}
