import { createWriteStream } from 'node:fs'
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { csvLine, iterateRows, ROW_COLUMNS } from '../../core/import/rows.ts'
import { openWorkspace } from '../../core/workspace/index.ts'
import { UsageError, type Command } from '../command.ts'
import { parseKind } from './import.ts'

export const rowsCommand: Command = {
  name: 'rows',
  summary: 'Xuất các dòng đã chuẩn hoá / dump normalized rows with provenance and warnings',
  usage: 'vaxrecon rows WORKSPACE --kind site|registry|complaint [--format csv|json] [--out FILE]',
  async run(args, io) {
    const { positionals, values } = parseArgs({
      args,
      allowPositionals: true,
      options: { kind: { type: 'string' }, format: { type: 'string', default: 'csv' }, out: { type: 'string' } }
    })
    const [wsPath] = positionals
    if (!wsPath || positionals.length !== 1) throw new UsageError('expected exactly one WORKSPACE path')
    const kind = parseKind(values.kind)
    if (values.format !== 'csv' && values.format !== 'json') throw new UsageError('--format must be csv or json')
    const ws = openWorkspace(resolve(wsPath))
    const file = values.out ? createWriteStream(resolve(values.out)) : null
    const write = (s: string) => (file ? file.write(s) : io.out(s))
    try {
      if (values.format === 'csv') {
        write(csvLine(ROW_COLUMNS))
        for (const r of iterateRows(ws, kind)) write(csvLine(ROW_COLUMNS.map((c) => (c === 'warnings' ? r.warnings.join(';') : r[c]))))
      } else {
        write('[')
        let first = true
        for (const r of iterateRows(ws, kind)) {
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
