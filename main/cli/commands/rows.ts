import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { iterateRows, ROW_COLUMNS } from '../../core/import/rows.ts'
import { openForCli } from '../auth.ts'
import { UsageError, type Command } from '../command.ts'
import { CSV_SAFETY_HELP, parseFormat, writeTable } from '../table-output.ts'
import { parseKind } from './import.ts'

export const rowsCommand: Command = {
  usage: `vaxrecon rows WORKSPACE --kind site|registry|complaint [--format csv|json] [--out FILE] [--raw]\n  ${CSV_SAFETY_HELP}`,
  async run(args, io) {
    const { positionals, values } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        kind: { type: 'string' },
        format: { type: 'string', default: 'csv' },
        out: { type: 'string' },
        raw: { type: 'boolean', default: false }
      }
    })
    const [wsPath] = positionals
    if (!wsPath || positionals.length !== 1) throw new UsageError('expected exactly one WORKSPACE path')
    const kind = parseKind(values.kind)
    const format = parseFormat(values.format)
    const ws = await openForCli(resolve(wsPath), io)
    try {
      await writeTable({
        format,
        out: values.out,
        raw: values.raw,
        io,
        columns: ROW_COLUMNS,
        rows: iterateRows(ws, kind),
        cells: (r) => ROW_COLUMNS.map((c) => (c === 'warnings' ? r.warnings.join(';') : r[c]))
      })
    } finally {
      ws.close()
    }
    return 0
  }
}
