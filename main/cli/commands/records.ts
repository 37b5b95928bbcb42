import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { exportRecords, type ExportKind } from '../../core/splink/records-export.ts'
import { openForCli } from '../auth.ts'
import { oneOf, UsageError, type Command } from '../command.ts'
import { formatPairs } from '../kv.ts'

/** `vaxrecon records export`: one side of the link model, normalized, for Splink on DuckDB or Spark. */
export const recordsCommand: Command = {
  usage: 'vaxrecon records export WORKSPACE --kind site|registry --out FILE.parquet|FILE.csv',
  async run(args, io) {
    const { positionals, values } = parseArgs({
      args,
      allowPositionals: true,
      options: { kind: { type: 'string' }, out: { type: 'string' } }
    })
    const [action, wsPath, ...extra] = positionals
    if (action !== 'export') throw new UsageError('expected the action export')
    if (!wsPath || extra.length > 0) throw new UsageError('expected exactly one WORKSPACE path')
    const [kind] = oneOf<ExportKind>(values.kind === undefined ? [] : [values.kind], ['site', 'registry'], '--kind')
    if (!kind) throw new UsageError('--kind site|registry is required')
    if (!values.out) throw new UsageError('--out FILE.parquet|FILE.csv is required')
    const ws = await openForCli(resolve(wsPath), io)
    try {
      const out = resolve(values.out)
      const r = await exportRecords(ws.db, kind, out)
      io.out(
        formatPairs([
          ['file', out],
          ['kind', kind],
          ['format', r.format],
          ['rows', r.rows]
        ])
      )
      return 0
    } finally {
      ws.close()
    }
  }
}
