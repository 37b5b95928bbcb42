import { resolve } from 'node:path'
import { writeFileAtomic } from '../export/atomic-file.ts'
import type { Workspace } from '../workspace/workspace.ts'
import { progressReport } from './progress.ts'
import { buildReportWorkbook } from './report-workbook.ts'
import type { ProgressReport } from './schema.ts'

/** Computes the progress report and saves it as .xlsx; a crash leaves the old file or the new one. */
export async function saveReport(ws: Workspace, path: string, now?: Date): Promise<{ path: string; report: ProgressReport }> {
  const report = progressReport(ws, now)
  const out = resolve(path)
  writeFileAtomic(out, await buildReportWorkbook(report))
  return { path: out, report }
}
