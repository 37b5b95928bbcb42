import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** A fresh folder under the system temp dir, for one test's files. */
export function tempDir(prefix = 'vaxrecon-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix))
}
