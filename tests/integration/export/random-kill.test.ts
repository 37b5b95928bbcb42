import { once } from 'node:events'
import { join } from 'node:path'
import { expect, test } from 'vitest'
import { openWorkspace } from '../../../main/core/workspace/index.ts'
import { cli, cliProcess } from '../../helpers/cli.ts'
import { approvedCorrections, fixtureWorkspace, PASSWORDS } from '../../helpers/corrections.ts'
import { tempDir } from '../../helpers/tmp.ts'
import { uniform } from '../../../main/core/base/random.ts'
import { checkExactlyOnce } from './exactly-once.ts'

const RUNS = 24

/** Starts an export and resolves when the process has started exporting (past Node's start-up and the sign-in). */
function startExport(path: string, out: string) {
  const child = cliProcess(['export', path, '--as', 'Hoa', '--out', out], { VAXRECON_PASSWORD: PASSWORDS.hoa, VAXRECON_CRASH_TRACE: '1' })
  const started = new Promise<number>((resolve) => {
    let err = ''
    child.stderr.on('data', (c: Buffer) => {
      err += c.toString()
      if (err.includes('crash-point export:start')) resolve(Date.now())
    })
    child.on('exit', () => resolve(Date.now()))
  })
  return { child, started, exited: once(child, 'exit') as Promise<[number | null, string | null]> }
}

test(
  `SIGKILL at a random moment of ${RUNS} exports never duplicates or loses a correction`,
  async () => {
    const seed = Number(process.env['VAXRECON_KILL_SEED'] ?? Date.now() % 1_000_000)
    // Seeded, so a failing run can be replayed from the seed in the message.
    const next = uniform(seed)
    const f = await fixtureWorkspace()
    const out = join(tempDir(), 'out')
    const approved = approvedCorrections(f.ws, f.clerk, f.minh, 3)
    f.ws.close()

    // How long an export takes once started, learnt from runs that finish on their own:
    // kills land anywhere in it (the machine's load varies, so the estimate follows it).
    let span = 1500
    let killedMidway = 0
    for (let run = 0; run < RUNS; run++) {
      const ws = openWorkspace(f.path)
      approved.push(...approvedCorrections(ws, f.clerk, f.minh, 1 + Math.floor(next() * 3)))
      ws.close()
      const delay = span * next()
      const { child, started, exited } = startExport(f.path, out)
      const t0 = await started
      const timer = setTimeout(() => child.kill('SIGKILL'), delay)
      const [, signal] = await exited
      clearTimeout(timer)
      if (signal === 'SIGKILL') killedMidway++
      else span = 0.6 * span + 0.4 * (Date.now() - t0)
      await checkExactlyOnce(f.path, out, approved).catch((e: Error) => {
        throw new Error(`seed ${seed}, run ${run}, killed after ${Math.round(delay)} ms: ${e.message}`)
      })
    }
    // Not vacuous: many runs were cut short.
    expect(killedMidway, `seed ${seed}`).toBeGreaterThanOrEqual(RUNS / 3)

    const last = cli(['export', f.path, '--as', 'Hoa', '--out', out], { input: `${PASSWORDS.hoa}\n` })
    expect(last.code, last.stderr).toBe(0)
    const final = await checkExactlyOnce(f.path, out, approved, true)
    expect(final.exported, `seed ${seed}`).toBe(approved.length)
  },
  // Two dozen processes on a shared two-core machine: allow for load, it is usually ~40 s.
  300_000
)
