import { createWriteStream } from 'node:fs'
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { csvLine } from '../../core/import/rows.ts'
import { iterateLinkRows, LINK_COLUMNS } from '../../core/link/link-rows.ts'
import { openWorkspace } from '../../core/workspace/index.ts'
import { UsageError, type Command } from '../command.ts'

export const linksCommand: Command = {
  name: 'links',
  summary: 'Xuất kết quả liên kết / write one link row per site or complaint row',
  usage: `vaxrecon links WORKSPACE [--format csv|json] [--out FILE]\n  Columns: ${LINK_COLUMNS.join(', ')}.`,
  async run(args, io) {
    const { positionals, values } = parseArgs({
      args,
      allowPositionals: true,
      options: { format: { type: 'string', default: 'csv' }, out: { type: 'string' } }
    })
    const [wsPath] = positionals
    if (!wsPath || positionals.length !== 1) throw new UsageError('expected exactly one WORKSPACE path')
    if (values.format !== 'csv' && values.format !== 'json') throw new UsageError('--format must be csv or json')
    const ws = openWorkspace(resolve(wsPath))
    const file = values.out ? createWriteStream(resolve(values.out)) : null
    const write = (s: string) => (file ? file.write(s) : io.out(s))
    try {
      if (values.format === 'csv') {
        write(csvLine(LINK_COLUMNS))
        for (const r of iterateLinkRows(ws)) write(csvLine(LINK_COLUMNS.map((c) => r[c])))
      } else {
        write('[')
        let first = true
        for (const r of iterateLinkRows(ws)) {
          write((first ? '\n' : ',\n') + JSON.stringify(r))
          first = false
        }
        write('\n]\n')
      }
    } finally {
      ws.close()
      if (file) await new Promise<void>((res, rej) => file.end((err?: Error | null) => (err ? rej(err) : res())))
    }
    return 0
  }
}
