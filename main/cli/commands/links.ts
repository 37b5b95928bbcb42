import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { inlineContext } from '../../core/base/job-context.ts'
import { linksImportJob } from '../../core/jobs/links-import.ts'
import { iterateLinkRows, LINK_COLUMNS } from '../../core/link/link-rows.ts'
import { openForCli } from '../auth.ts'
import { UsageError, type CliIo, type Command } from '../command.ts'
import { formatCounts, formatPairs } from '../kv.ts'
import { CSV_SAFETY_HELP, parseFormat, writeTable } from '../table-output.ts'

export const linksCommand: Command = {
  usage:
    `vaxrecon links WORKSPACE [--format csv|json] [--out FILE] [--raw]\n  Columns: ${LINK_COLUMNS.join(', ')}.\n  ${CSV_SAFETY_HELP}\n` +
    'vaxrecon links import WORKSPACE PREDICTIONS.parquet|PREDICTIONS.csv   (Splink predictions: unique_id_l, unique_id_r, match_weight or match_probability, gamma_*)',
  async run(args, io) {
    if (args[0] === 'import') return importCommand(args.slice(1), io)
    const { positionals, values } = parseArgs({
      args,
      allowPositionals: true,
      options: { format: { type: 'string', default: 'csv' }, out: { type: 'string' }, raw: { type: 'boolean', default: false } }
    })
    const [wsPath] = positionals
    if (!wsPath || positionals.length !== 1) throw new UsageError('expected exactly one WORKSPACE path')
    const format = parseFormat(values.format)
    const ws = await openForCli(resolve(wsPath), io)
    try {
      await writeTable({
        format,
        out: values.out,
        raw: values.raw,
        io,
        columns: LINK_COLUMNS,
        rows: iterateLinkRows(ws),
        cells: (r) => LINK_COLUMNS.map((c) => r[c])
      })
    } finally {
      ws.close()
    }
    return 0
  }
}

/** `vaxrecon links import`: links computed by Splink elsewhere, reviewed here. */
async function importCommand(args: string[], io: CliIo): Promise<number> {
  const { positionals } = parseArgs({ args, allowPositionals: true, options: {} })
  const [wsPath, file, ...extra] = positionals
  if (!wsPath || !file || extra.length > 0) throw new UsageError('expected WORKSPACE and one predictions file')
  const ws = await openForCli(resolve(wsPath), io)
  try {
    const r = await linksImportJob(ws, resolve(file), inlineContext())
    io.out(
      formatPairs([
        ['run', r.runId],
        ['predictions', r.predictions],
        ['links', formatCounts(r.links)]
      ])
    )
    return 0
  } finally {
    ws.close()
  }
}
