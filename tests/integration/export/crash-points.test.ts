import { once } from 'node:events'
import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test } from 'vitest'
import { cli, cliProcess } from '../../helpers/cli.ts'
import { approvedCorrections, fixtureWorkspace, PASSWORDS } from '../../helpers/corrections.ts'
import { tempDir } from '../../helpers/tmp.ts'
import { completeInterruptedBatches } from '../../../main/core/export/batch-files.ts'
import { openWorkspace } from '../../../main/core/workspace/index.ts'
import { checkExactlyOnce } from './exactly-once.ts'

// Every named point of the export, in order (see main/core/export): a power cut at any of
// them must leave no batch, or one batch that the next run completes.
const POINTS = [
  'export:start',
  'export:signed',
  'export:in-transaction',
  'export:committed',
  'export:temp:pub',
  'export:renamed:pub',
  'export:temp:minisig',
  'export:renamed:minisig',
  'export:temp:xlsx',
  'export:renamed:xlsx'
]
const RECORDED_FROM = POINTS.indexOf('export:committed')

test('a crash at each named point of the export leaves no batch or one that the next run completes', async () => {
  const f = await fixtureWorkspace()
  const out = join(tempDir(), 'out')
  const approved: number[] = []
  let batches = 0
  for (const [i, point] of POINTS.entries()) {
    approved.push(...approvedCorrections(f.ws, f.clerk, f.minh, 2))
    f.ws.close()
    const child = cliProcess(['export', f.path, '--as', 'Hoa', '--out', out], {
      VAXRECON_PASSWORD: PASSWORDS.hoa,
      VAXRECON_CRASH_AT: point
    })
    const [code, signal] = (await once(child, 'exit')) as [number | null, string | null]
    expect(signal, `${point}: exit ${code}`).toBe('SIGKILL')
    const state = await checkExactlyOnce(f.path, out, approved)
    if (i >= RECORDED_FROM) batches++
    expect(state.batches, point).toBe(batches)
    // Before the commit nothing is on disk yet; the .xlsx only appears once its signature is there.
    if (i < RECORDED_FROM) expect((existsSync(out) ? readdirSync(out) : []).filter((n) => n.endsWith('.xlsx'))).toHaveLength(batches)
    // What the next export (or the batch list) does first: finish the interrupted batch.
    f.ws = openWorkspace(f.path)
    completeInterruptedBatches(f.ws)
    f.ws.close()
    await checkExactlyOnce(f.path, out, approved, true)
    f.ws = openWorkspace(f.path)
  }
  f.ws.close()
  const r = cli(['export', f.path, '--as', 'Hoa', '--out', out], { input: `${PASSWORDS.hoa}\n` })
  expect(r.code, r.stderr).toBe(0)
  const final = await checkExactlyOnce(f.path, out, approved, true)
  expect(final.exported).toBe(approved.length)
  // A dozen processes on a shared two-core machine: allow for load, it is usually ~30 s.
}, 300_000)
