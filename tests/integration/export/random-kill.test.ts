import { once } from 'node:events'
import { join } from 'node:path'
import { expect, test } from 'vitest'
import { openWorkspace } from '../../../main/core/workspace/index.ts'
import { cli, cliProcess } from '../../helpers/cli.ts'
import { approvedCorrections, fixtureWorkspace, PASSWORDS } from '../../helpers/corrections.ts'
import { tempDir } from '../../helpers/tmp.ts'
import { checkExactlyOnce } from './exactly-once.ts'

const RUNS = 24

/** A small seeded generator, so a failing run can be replayed from the seed in the message. */
function random(seed: number): () => number {
  let s = seed >>> 0
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0
    return s / 2 ** 32
  }
}

test(`SIGKILL at a random moment of ${RUNS} exports never duplicates or loses a correction`, async () => {
  const seed = Number(process.env['VAXRECON_KILL_SEED'] ?? Date.now() % 1_000_000)
  const next = random(seed)
  const f = await fixtureWorkspace()
  const out = join(tempDir(), 'out')
  const approved = approvedCorrections(f.ws, f.clerk, f.minh, 3)
  f.ws.close()

  // One uninterrupted run tells how long an export takes here. Kills are spread over its
  // second half and a little beyond: the first half is mostly Node starting up.
  const started = Date.now()
  expect(cli(['export', f.path, '--as', 'Hoa', '--out', out], { input: `${PASSWORDS.hoa}\n` }).code).toBe(0)
  const span = Date.now() - started

  let killedMidway = 0
  for (let run = 0; run < RUNS; run++) {
    const ws = openWorkspace(f.path)
    approved.push(...approvedCorrections(ws, f.clerk, f.minh, 1 + Math.floor(next() * 3)))
    ws.close()
    const delay = span * (0.45 + 0.65 * next())
    const child = cliProcess(['export', f.path, '--as', 'Hoa', '--out', out], { VAXRECON_PASSWORD: PASSWORDS.hoa })
    const timer = setTimeout(() => child.kill('SIGKILL'), delay)
    const [, signal] = (await once(child, 'exit')) as [number | null, string | null]
    clearTimeout(timer)
    if (signal === 'SIGKILL') killedMidway++
    await checkExactlyOnce(f.path, out, approved).catch((e: Error) => {
      throw new Error(`seed ${seed}, run ${run}, killed after ${Math.round(delay)} ms: ${e.message}`)
    })
  }
  expect(killedMidway, `seed ${seed}`).toBeGreaterThan(RUNS / 3)

  const last = cli(['export', f.path, '--as', 'Hoa', '--out', out], { input: `${PASSWORDS.hoa}\n` })
  expect(last.code, last.stderr).toBe(0)
  const final = await checkExactlyOnce(f.path, out, approved, true)
  expect(final.exported, `seed ${seed}`).toBe(approved.length)
})
