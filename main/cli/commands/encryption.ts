import { parseArgs } from 'node:util'
import { resolve } from 'node:path'
import { encryptInPlace, writeDecryptedCopy } from '../../core/workspace/convert.ts'
import { openForCli, readPassword, signInFromCli } from '../auth.ts'
import { UsageError, type Command } from '../command.ts'
import { formatPairs } from '../kv.ts'

function parse(args: string[]): { path: string; as: string; out: string | undefined } {
  const { positionals, values } = parseArgs({ args, allowPositionals: true, options: { as: { type: 'string' }, out: { type: 'string' } } })
  const [path, ...extra] = positionals
  if (!path || extra.length > 0) throw new UsageError('expected exactly one WORKSPACE path')
  if (!values.as) throw new UsageError('--as SUPERVISOR is required')
  return { path: resolve(path), as: values.as, out: values.out }
}

/** Encrypts a plain workspace in place (atomically) and prints the recovery secret once. */
export const encrypt: Command = {
  usage: 'vaxrecon encrypt WORKSPACE --as SUPERVISOR   (password from stdin or VAXRECON_PASSWORD)',
  async run(args, io) {
    const { path, as } = parse(args)
    const ws = await openForCli(path, io)
    try {
      const user = await signInFromCli(ws, as, io)
      const { workspace, recoverySecret } = await encryptInPlace(ws, user, await readPassword(io))
      workspace.close()
      io.out(
        formatPairs([
          ['workspace', path],
          ['encryption', 'sqlcipher'],
          ['recovery_secret', recoverySecret]
        ])
      )
      io.err(
        'Hãy ghi lại mã khôi phục: nó chỉ hiện một lần. Người dùng khác nhận khoá khi đăng nhập lần đầu trên phiên do giám sát viên mở.\n' +
          'Write the recovery secret down: it is shown once. Other users get their key slot the first time they sign in on a session a supervisor opened.\n'
      )
      return 0
    } finally {
      // encryptInPlace closes the plain connection itself once the copy is made.
      if (ws.db.open) ws.close()
    }
  }
}

/** A decrypted copy for support: a supervisor's, recorded in the audit log. */
export const decryptCopy: Command = {
  usage: 'vaxrecon decrypt-copy WORKSPACE --as SUPERVISOR --out COPY   (password from stdin or VAXRECON_PASSWORD)',
  async run(args, io) {
    const { path, as, out } = parse(args)
    if (!out) throw new UsageError('--out COPY is required')
    const ws = await openForCli(path, io)
    try {
      writeDecryptedCopy(ws, await signInFromCli(ws, as, io), resolve(out))
      io.out(
        formatPairs([
          ['file', resolve(out)],
          ['encryption', 'none']
        ])
      )
      return 0
    } finally {
      ws.close()
    }
  }
}
