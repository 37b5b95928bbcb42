import { parseArgs } from 'node:util'
import { writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { listAccounts } from '../../core/users/accounts.ts'
import { publicKeyFile } from '../../core/users/keys.ts'
import { openForCli, signInFromCli } from '../auth.ts'
import { UsageError, type Command } from '../command.ts'
import { formatPairs } from '../kv.ts'

/** Writes a supervisor's public key in minisign format, for the receiving side to trust. */
export const key: Command = {
  usage: 'vaxrecon key export WORKSPACE --as USER --out KEY.pub   (password from stdin or VAXRECON_PASSWORD)',
  async run(args, io) {
    const { positionals, values } = parseArgs({
      args,
      allowPositionals: true,
      options: { as: { type: 'string' }, out: { type: 'string' } }
    })
    const [sub, path, ...extra] = positionals
    if (sub !== 'export' || !path || extra.length > 0) throw new UsageError('expected `key export WORKSPACE`')
    if (!values.as) throw new UsageError('--as USER is required')
    if (!values.out) throw new UsageError('--out KEY.pub is required')
    const ws = await openForCli(resolve(path), io)
    try {
      const user = await signInFromCli(ws, values.as, io)
      const text = publicKeyFile(ws, user)
      const out = resolve(values.out)
      writeFileSync(out, text)
      const account = listAccounts(ws).find((a) => a.id === user.id)
      io.out(
        formatPairs([
          ['file', out],
          ['key_id', account?.keyId ?? ''],
          ['fingerprint', account?.fingerprint ?? '']
        ])
      )
      return 0
    } finally {
      ws.close()
    }
  }
}
