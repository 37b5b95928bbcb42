import { parseArgs } from 'node:util'
import { resolve } from 'node:path'
import { createWorkspace } from '../../core/workspace/index.ts'
import { schemaVersion } from '../../core/workspace/workspace.ts'
import { UsageError, type Command } from '../command.ts'

export const init: Command = {
  usage: 'vaxrecon init WORKSPACE',
  run(args, io) {
    const { positionals } = parseArgs({ args, allowPositionals: true, options: {} })
    const [path] = positionals
    if (!path || positionals.length > 1) throw new UsageError('expected exactly one WORKSPACE path')
    const ws = createWorkspace(resolve(path))
    io.out(`created ${ws.path} (schema ${schemaVersion(ws)})\n`)
    ws.close()
    return 0
  }
}
