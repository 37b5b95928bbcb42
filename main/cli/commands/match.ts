import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { inlineContext } from '../../core/jobs/context.ts'
import { matchJob, type MatchResult } from '../../core/link/match-job.ts'
import { openWorkspace } from '../../core/workspace/index.ts'
import { UsageError, type Command } from '../command.ts'

const counts = (c: Record<string, number>): string => {
  const order = ['auto', 'review', 'none', 'confirmed', 'rejected']
  const keys = [...order.filter((k) => k in c), ...Object.keys(c).filter((k) => !order.includes(k)).sort()]
  return keys.length === 0 ? '0' : keys.map((k) => `${k}=${c[k]}`).join(' ')
}

function format(r: MatchResult): string {
  const rows: [string, string][] = [
    ['run_id', String(r.runId)],
    ['site_rows', String(r.siteRows)],
    ['complaints', String(r.complaints)],
    ['persons', String(r.persons)],
    ['links', counts(r.links)],
    ['rows', counts(r.rows)],
    ['dose_issues', counts(r.doseIssues)],
    ['seconds', r.seconds.toFixed(1)]
  ]
  const width = Math.max(...rows.map(([k]) => k.length))
  return rows.map(([k, v]) => `${k.padEnd(width)}  ${v}`).join('\n') + '\n'
}

export const matchCommand: Command = {
  name: 'match',
  summary: 'Liên kết với CSDL dân cư / link site rows and complaints to the registry',
  usage:
    'vaxrecon match WORKSPACE [--json]\n' +
    '  Prints counts by status: links counts persons and complaints, rows counts site and complaint rows.\n' +
    '  Decisions already made by clerks are kept.',
  run(args, io) {
    const { positionals, values } = parseArgs({ args, allowPositionals: true, options: { json: { type: 'boolean', default: false } } })
    const [path] = positionals
    if (!path || positionals.length !== 1) throw new UsageError('expected exactly one WORKSPACE path')
    const ws = openWorkspace(resolve(path))
    try {
      const result = matchJob(ws, {}, inlineContext())
      io.out(values.json ? JSON.stringify(result, null, 2) + '\n' : format(result))
    } finally {
      ws.close()
    }
    return 0
  }
}
