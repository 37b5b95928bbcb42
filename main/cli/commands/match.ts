import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { inlineContext } from '../../core/base/job-context.ts'
import { STATUSES } from '../../core/link/decide.ts'
import { matchJob } from '../../core/jobs/pipeline.ts'
import type { MatchResult } from '../../core/link/match-job.ts'
import { openForCli } from '../auth.ts'
import { UsageError, type Command } from '../command.ts'
import { formatCounts, formatPairs } from '../kv.ts'

const counts = (c: Record<string, number>): string => formatCounts(c, STATUSES)

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
  return formatPairs(rows)
}

export const matchCommand: Command = {
  usage:
    'vaxrecon match WORKSPACE [--json] [--duplicate-window DAYS] [--threads N]\n' +
    '  Prints counts by status: links counts persons and complaints, rows counts site and complaint rows.\n' +
    '  Decisions already made by clerks are kept. --duplicate-window (0-60, kept in the workspace):\n' +
    '  two doses of one vaccine family this many days apart or fewer are one dose entered twice.\n' +
    '  --threads (1-64, default: the cores there are): threads comparing pairs; the links are the same whatever it is.',
  async run(args, io) {
    const { positionals, values } = parseArgs({
      args,
      allowPositionals: true,
      options: { json: { type: 'boolean', default: false }, 'duplicate-window': { type: 'string' }, threads: { type: 'string' } }
    })
    const [path] = positionals
    if (!path || positionals.length !== 1) throw new UsageError('expected exactly one WORKSPACE path')
    const raw = values['duplicate-window']
    const windowDays = raw === undefined ? undefined : Number(raw)
    if (windowDays !== undefined && !(Number.isInteger(windowDays) && windowDays >= 0 && windowDays <= 60)) {
      throw new UsageError('--duplicate-window must be a whole number of days from 0 to 60')
    }
    const threads = values.threads === undefined ? undefined : Number(values.threads)
    if (threads !== undefined && !(Number.isInteger(threads) && threads >= 1 && threads <= 64))
      throw new UsageError('--threads must be a whole number from 1 to 64')
    const ws = await openForCli(resolve(path), io)
    try {
      const params = {
        ...(windowDays !== undefined && { settings: { duplicateWindowDays: windowDays } }),
        ...(threads !== undefined && { threads })
      }
      const result = matchJob(ws, params, inlineContext())
      io.out(values.json ? JSON.stringify(result, null, 2) + '\n' : format(result))
    } finally {
      ws.close()
    }
    return 0
  }
}
