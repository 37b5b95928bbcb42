import { parseArgs } from 'node:util'
import { resolve } from 'node:path'
import { createEncryptedWorkspace, createWorkspace } from '../../core/workspace/index.ts'
import { schemaVersion } from '../../core/workspace/workspace.ts'
import { UsageError, type Command } from '../command.ts'
import { formatPairs } from '../kv.ts'

export const init: Command = {
  usage: 'vaxrecon init WORKSPACE [--plain]   (encrypted unless --plain; prints the office recovery secret once)',
  run(args, io) {
    const { positionals, values } = parseArgs({ args, allowPositionals: true, options: { plain: { type: 'boolean', default: false } } })
    const [path] = positionals
    if (!path || positionals.length > 1) throw new UsageError('expected exactly one WORKSPACE path')
    if (values.plain) {
      const ws = createWorkspace(resolve(path))
      io.out(`created ${ws.path} (schema ${schemaVersion(ws)})\n`)
      ws.close()
      return 0
    }
    const { workspace: ws, recoverySecret } = createEncryptedWorkspace(resolve(path))
    io.out(`created ${ws.path} (schema ${schemaVersion(ws)})\n`)
    io.out(
      formatPairs([
        ['encryption', 'sqlcipher'],
        ['recovery_secret', recoverySecret]
      ])
    )
    io.err(
      'Hãy ghi lại mã khôi phục và cất nơi an toàn: nó chỉ hiện một lần và mở được tệp khi mọi mật khẩu bị mất. ' +
        'Hãy thêm một giám sát viên ngay: đến lúc đó tệp chưa được bảo vệ bằng mật khẩu.\n' +
        'Write the recovery secret down and keep it safe: it is shown once and opens the file when every password is lost. ' +
        'Add a supervisor now: until then the file is not protected by a password.\n'
    )
    ws.close()
    return 0
  }
}
