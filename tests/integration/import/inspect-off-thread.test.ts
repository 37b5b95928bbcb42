import { join } from 'node:path'
import { expect, test } from 'vitest'
import { VaxError } from '../../../main/core/base/errors.ts'
import { QueryRunner } from '../../../main/core/jobs/query-runner.ts'
import { tempDir } from '../../helpers/tmp.ts'
import { inlineCell, writeZip, xlsxParts } from '../../helpers/zip-writer.ts'
import { fixture, freshWorkspace } from './helpers.ts'

const WORKER = new URL('../../../main/core/jobs/worker.ts', import.meta.url)

/**
 * The app parses a chosen file (import:inspect, import:preview) in the query worker, not in
 * Electron's main process: the answers, and the refusals, come back from that thread.
 */
test('inspection and preview run in the query worker; a hostile file is refused from there with its own error', async () => {
  const ws = freshWorkspace()
  const runner = new QueryRunner(WORKER, ws.path)
  try {
    const info = await runner.run({ kind: 'import-inspect', path: fixture('site-basic.xlsx'), importKind: 'site' })
    expect(info).toMatchObject({ fileName: 'site-basic.xlsx', format: 'xlsx' })
    expect(info.preview.length).toBeGreaterThan(0)
    const preview = await runner.run({
      kind: 'import-preview',
      path: fixture('site-basic.xlsx'),
      importKind: 'site',
      sheet: info.sheet,
      headerRow: info.headerRow,
      mapping: info.mapping
    })
    expect(preview.rows.filter((r) => r.status === 'ok').length).toBe(10)

    const hostile = join(tempDir('vaxrecon-offthread-'), 'zzzzzz.xlsx')
    await writeZip(hostile, xlsxParts([inlineCell('A2', 'Nguyễn Văn An') + inlineCell('ZZZZZZ2', 'x')]))
    const err = await runner.run({ kind: 'import-inspect', path: hostile, importKind: 'site' }).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(VaxError)
    expect((err as VaxError).code).toBe('FILE_TOO_WIDE')
    // The worker still answers after a refusal.
    expect(runner.alive).toBe(true)
    expect((await runner.run({ kind: 'import-inspect', path: fixture('site-basic.xlsx'), importKind: 'site' })).fileName).toBe(
      'site-basic.xlsx'
    )
  } finally {
    await runner.close()
    ws.close()
  }
})
