import { parseArgs } from 'node:util'
import { resolve } from 'node:path'
import { listAccounts } from '../../core/users/accounts.ts'
import { addUser, Role } from '../../core/users/users.ts'
import { openForCli, readPassword } from '../auth.ts'
import { UsageError, type Command } from '../command.ts'
import { formatPairs } from '../kv.ts'

const USAGE = [
  'vaxrecon user add WORKSPACE --name NAME --role clerk|supervisor   (password from stdin or VAXRECON_PASSWORD)',
  'vaxrecon user list WORKSPACE [--json]'
].join('\n       ')

/**
 * `user add` works with file-level access and needs no sign-in, as the first user of a
 * workspace must be made somehow; the app asks for a supervisor once users exist.
 */
export const user: Command = {
  usage: USAGE,
  async run(args, io) {
    const { positionals, values } = parseArgs({
      args,
      allowPositionals: true,
      options: { name: { type: 'string' }, role: { type: 'string' }, json: { type: 'boolean', default: false } }
    })
    const [sub, path, ...extra] = positionals
    if (!path || extra.length > 0 || (sub !== 'add' && sub !== 'list')) throw new UsageError('expected `user add WORKSPACE` or `user list WORKSPACE`')
    if (sub === 'add') {
      const role = Role.safeParse(values.role)
      if (!values.name) throw new UsageError('--name is required')
      if (!role.success) throw new UsageError('--role must be clerk or supervisor')
      const ws = await openForCli(resolve(path), io, { secondLine: true })
      try {
        const u = await addUser(ws, null, { name: values.name, role: role.data, password: await readPassword(io) })
        const key = listAccounts(ws).find((a) => a.id === u.id)
        io.out(formatPairs([['user_id', u.id], ['name', u.name], ['role', u.role], ...(key?.keyId ? ([['key_id', key.keyId], ['fingerprint', key.fingerprint ?? '']] as const) : [])]))
      } finally {
        ws.close()
      }
      return 0
    }
    const ws = await openForCli(resolve(path), io)
    try {
      const users = listAccounts(ws)
      if (values.json) io.out(JSON.stringify(users, null, 2) + '\n')
      else {
        io.out('user_id\tname\trole\tkey_id\n')
        for (const u of users) io.out(`${u.id}\t${u.name}\t${u.role}\t${u.keyId ?? ''}\n`)
      }
    } finally {
      ws.close()
    }
    return 0
  }
}
