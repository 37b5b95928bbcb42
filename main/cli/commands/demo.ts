import { parseArgs } from 'node:util'
import { resolve } from 'node:path'
import { DEMO_LIMITS, generateDemo } from '../../core/demo/generate.ts'
import type { JobProgress } from '../../core/base/job-context.ts'
import { UsageError, type Command } from '../command.ts'

function parseWhole(name: string, text: string): number {
  const cleaned = text.replace(/[_,.]/g, '')
  if (!/^\d+$/.test(cleaned)) throw new UsageError(`--${name} must be a whole number, not "${text}"`)
  return Number(cleaned)
}

/** Progress on stderr for runs big enough to wait for, at most a few lines a second. */
function progressPrinter(persons: number, err: (t: string) => void): (p: JobProgress) => void {
  if (persons < 20_000) return () => {}
  let last = 0
  return (p) => {
    const now = Date.now()
    if (p.stage === 'persons' && now - last < 2000) return
    last = now
    const pct = p.total ? ` ${Math.floor((100 * p.done) / p.total)}%` : ''
    err(`demo: ${p.stage} ${p.done.toLocaleString('en-US')}/${(p.total ?? 0).toLocaleString('en-US')}${pct}\n`)
  }
}

export const demo: Command = {
  usage: `vaxrecon demo OUTDIR [--persons N] [--seed S]   (N from ${DEMO_LIMITS.minPersons} to ${DEMO_LIMITS.maxPersons}, default 2000; S default 1)`,
  async run(args, io) {
    const { positionals, values } = parseArgs({
      args,
      allowPositionals: true,
      options: { persons: { type: 'string', default: '2000' }, seed: { type: 'string', default: '1' } }
    })
    const [outDir] = positionals
    if (!outDir || positionals.length > 1) throw new UsageError('expected exactly one OUTDIR')
    const persons = parseWhole('persons', values.persons)
    const seed = parseWhole('seed', values.seed)
    if (persons < DEMO_LIMITS.minPersons || persons > DEMO_LIMITS.maxPersons) {
      throw new UsageError(`--persons must be from ${DEMO_LIMITS.minPersons} to ${DEMO_LIMITS.maxPersons}`)
    }
    const started = Date.now()
    const s = await generateDemo(resolve(outDir), { persons, seed, onProgress: progressPrinter(persons, io.err) })
    const lines = [
      `wrote ${s.outDir} (seed ${s.seed}, ${s.persons} persons, ${s.district.name}, ${s.district.province})`,
      `registry.xlsx     ${s.registryRows} rows (${s.notInRegistry} persons not in the registry; ${s.twins} twins, ${s.namesakes} namesakes)`,
      ...s.sites.map((f) => `${f.file.padEnd(17)} ${f.dataRows} rows, layout ${f.layout}, data in rows ${f.firstDataRow}-${f.lastDataRow}`),
      `complaints.xlsx   ${s.complaints} rows (${s.trueComplaints} true)`,
      `site rows ${s.siteRows} (${s.duplicateRows} duplicates); ${s.omittedDoses} true doses recorded nowhere`,
      `truth/            site_rows, complaint_rows, registry_rows, duplicate_doses, complaint_evidence, site_files (.csv)`,
      `done in ${((Date.now() - started) / 1000).toFixed(1)} s`
    ]
    io.out(lines.join('\n') + '\n')
    return 0
  }
}
