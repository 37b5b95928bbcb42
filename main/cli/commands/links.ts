import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { iterateLinkRows, LINK_COLUMNS } from '../../core/link/link-rows.ts'
import { openWorkspace } from '../../core/workspace/index.ts'
import { UsageError, type Command } from '../command.ts'
import { CSV_SAFETY_HELP, parseFormat, writeTable } from '../table-output.ts'

export const linksCommand: Command = {
  usage: `vaxrecon links WORKSPACE [--format csv|json] [--out FILE] [--raw]\n  Columns: ${LINK_COLUMNS.join(', ')}.\n  ${CSV_SAFETY_HELP}`,
  async run(args, io) {
    const { positionals, values } = parseArgs({
      args,
      allowPositionals: true,
      options: { format: { type: 'string', default: 'csv' }, out: { type: 'string' }, raw: { type: 'boolean', default: false } }
    })
    const [wsPath] = positionals
    if (!wsPath || positionals.length !== 1) throw new UsageError('expected exactly one WORKSPACE path')
    const format = parseFormat(values.format)
    const ws = openWorkspace(resolve(wsPath))
    try {
      await writeTable({ format, out: values.out, raw: values.raw, io, columns: LINK_COLUMNS, rows: iterateLinkRows(ws), cells: (r) => LINK_COLUMNS.map((c) => r[c]) })
    } finally {
      ws.close()
    }
    return 0
  }
}
