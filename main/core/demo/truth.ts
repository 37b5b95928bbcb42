import { join } from 'node:path'
import { CsvFile } from './writers/csv.ts'

/**
 * The ground truth, one CSV per question the later steps ask. Column names are a
 * contract with the linkage and review tests; README "Sample data and ground truth"
 * documents them.
 */
export const TRUTH_HEADERS = {
  'site_rows.csv': ['source_file', 'source_row', 'registry_row', 'person_key', 'noise_tags'],
  'complaint_rows.csv': ['source_file', 'source_row', 'registry_row', 'person_key', 'is_true', 'noise_tags'],
  'registry_rows.csv': ['registry_row', 'person_key', 'hard_case'],
  'duplicate_doses.csv': ['source_file', 'source_row', 'duplicate_of_file', 'duplicate_of_row'],
  'complaint_evidence.csv': ['source_file', 'source_row', 'complaint_type', 'site_file', 'site_row'],
  'site_files.csv': [
    'source_file',
    'site_name',
    'sheet',
    'layout',
    'header_first_row',
    'header_last_row',
    'first_data_row',
    'last_data_row',
    'data_rows',
    'mapping'
  ]
} as const

export type TruthFile = keyof typeof TRUTH_HEADERS

export class TruthFiles {
  private readonly files = new Map<TruthFile, CsvFile>()

  constructor(outDir: string) {
    for (const [name, header] of Object.entries(TRUTH_HEADERS)) {
      this.files.set(name as TruthFile, new CsvFile(join(outDir, 'truth', name), header))
    }
  }

  row(file: TruthFile, values: readonly (string | number | null)[]): void {
    this.files.get(file)?.row(values)
  }

  async drain(): Promise<void> {
    for (const f of this.files.values()) await f.drain()
  }

  async close(): Promise<void> {
    for (const f of this.files.values()) await f.close()
  }
}
