import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { VaxError } from '../../core/base/errors.ts'
import { exportRejects } from '../../core/import/rejects-export.ts'
import { openForCli } from '../auth.ts'
import { UsageError, type Command } from '../command.ts'

export const rejectsCommand: Command = {
  usage: 'vaxrecon rejects WORKSPACE [--import ID] --out FILE.xlsx   (default: the latest import)',
  async run(args, io) {
    const { positionals, values } = parseArgs({
      args,
      allowPositionals: true,
      options: { import: { type: 'string' }, out: { type: 'string' } }
    })
    const [wsPath] = positionals
    if (!wsPath || positionals.length !== 1) throw new UsageError('expected exactly one WORKSPACE path')
    if (!values.out) throw new UsageError('--out FILE.xlsx is required')
    const ws = await openForCli(resolve(wsPath), io)
    try {
      const latest = ws.db.prepare('SELECT max(id) AS id FROM imports').get() as { id: number | null }
      const importId = values.import !== undefined ? Number(values.import) : latest.id
      if (importId === null || !Number.isInteger(importId)) {
        throw new VaxError('IMPORT_NOT_FOUND', { vi: 'Chưa có lần nhập nào.', en: 'Nothing has been imported yet.' })
      }
      const { rows } = await exportRejects(ws, importId, resolve(values.out))
      io.out(`wrote ${rows} rejected rows of import #${importId} to ${resolve(values.out)}\n`)
    } finally {
      ws.close()
    }
    return 0
  }
}
