import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { iterateLinkRows, LINK_COLUMNS } from '../../core/link/link-rows.ts'
import { openForCli } from '../auth.ts'
import { UsageError, type Command } from '../command.ts'
import { parseFormat, writeTable } from '../table-output.ts'

export const linksCommand: Command = {
  usage: `vaxrecon links WORKSPACE [--format csv|json] [--out FILE]\n  Columns: ${LINK_COLUMNS.join(', ')}.`,
  async run(args, io) {
    const { positionals, values } = parseArgs({
      args,
      allowPositionals: true,
      options: { format: { type: 'string', default: 'csv' }, out: { type: 'string' } }
    })
    const [wsPath] = positionals
    if (!wsPath || positionals.length !== 1) throw new UsageError('expected exactly one WORKSPACE path')
    const format = parseFormat(values.format)
    const ws = await openForCli(resolve(wsPath), io)
    try {
      await writeTable({ format, out: values.out, io, columns: LINK_COLUMNS, rows: iterateLinkRows(ws), cells: (r) => LINK_COLUMNS.map((c) => r[c]) })
    } finally {
      ws.close()
    }
    return 0
  }
}
