import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { VaxError } from '../base/errors.ts'

const OURS = /^(registry\.xlsx|complaints\.xlsx|site_\d+_[a-z0-9-]+\.xlsx|truth)$/

/**
 * Makes OUTDIR ready: created if missing; a previous demo set in it is replaced (so a run
 * with fewer sites leaves no stale site file behind). A folder holding anything else is
 * refused rather than mixed with or deleted.
 */
export function prepareOutDir(outDir: string): void {
  let entries: string[]
  try {
    if (!statSync(outDir).isDirectory()) {
      throw new VaxError('DEMO_OUTDIR_NOT_DIR', {
        vi: `Đường dẫn đầu ra không phải là thư mục: ${outDir}`,
        en: `The output path is not a folder: ${outDir}`
      })
    }
    entries = readdirSync(outDir)
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err
    mkdirSync(outDir, { recursive: true })
    entries = []
  }
  const foreign = entries.filter((e) => !OURS.test(e))
  if (entries.includes('truth')) foreign.push(...readdirSync(join(outDir, 'truth')).filter((e) => !e.endsWith('.csv')))
  if (foreign.length > 0) {
    throw new VaxError('DEMO_OUTDIR_NOT_EMPTY', {
      vi: `Thư mục ${outDir} đã có tệp khác (${foreign.length} tệp). Hãy chọn một thư mục trống hoặc thư mục dữ liệu mẫu cũ.`,
      en: `The folder ${outDir} already holds other files (${foreign.length}). Choose an empty folder or an earlier demo folder.`
    })
  }
  for (const e of entries) rmSync(join(outDir, e), { recursive: true, force: true })
  mkdirSync(join(outDir, 'truth'))
}
