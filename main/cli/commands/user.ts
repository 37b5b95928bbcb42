import { parseArgs } from 'node:util'
import { resolve } from 'node:path'
import { createUserBy, listAccounts } from '../../core/users/accounts.ts'
import { adoptWorkspace } from '../../core/users/adopt.ts'
import { signerFor } from '../../core/users/keys.ts'
import { authenticate, Role } from '../../core/users/users.ts'
import { openForCli, readPassword, stdinLine } from '../auth.ts'
import { UsageError, type CliIo, type Command } from '../command.ts'
import { formatPairs } from '../kv.ts'

const USAGE = [
  'vaxrecon user add WORKSPACE --name NAME --role clerk|supervisor   (the first user of an empty workspace; password from stdin or VAXRECON_PASSWORD)',
  'vaxrecon user add WORKSPACE --as SUPERVISOR --name NAME --role clerk|supervisor',
  "      (the supervisor's password from VAXRECON_PASSWORD or the first line of stdin, the new user's from VAXRECON_NEW_PASSWORD or the next line)",
  'vaxrecon user list WORKSPACE [--json]',
  'vaxrecon user adopt WORKSPACE --as SUPERVISOR   (a workspace made before signed approvals: the supervisor endorses every user listed; password from stdin or VAXRECON_PASSWORD)'
].join('\n       ')

/**
 * Two passwords for `user add --as`: the signed-in supervisor's and the new user's, each
 * from its variable or else the next line of standard input.
 */
async function passwordsFor(io: CliIo): Promise<{ actor: string; added: string }> {
  const envActor = process.env['VAXRECON_PASSWORD']
  const actor = envActor ?? (await stdinLine(io, 0))
  return { actor, added: process.env['VAXRECON_NEW_PASSWORD'] ?? (await stdinLine(io, envActor === undefined ? 1 : 0)) }
}

/**
 * `user add` follows the app's rule: without --as only the first user of an empty
 * workspace (a supervisor); after that a supervisor signs in with --as and endorses the
 * new user with their key.
 */
export const user: Command = {
  usage: USAGE,
  async run(args, io) {
    const { positionals, values } = parseArgs({
      args,
      allowPositionals: true,
      options: { as: { type: 'string' }, name: { type: 'string' }, role: { type: 'string' }, json: { type: 'boolean', default: false } }
    })
    const [sub, path, ...extra] = positionals
    if (!path || extra.length > 0 || (sub !== 'add' && sub !== 'list' && sub !== 'adopt'))
      throw new UsageError('expected `user add WORKSPACE`, `user list WORKSPACE` or `user adopt WORKSPACE`')
    if (sub === 'adopt') {
      if (!values.as) throw new UsageError('--as SUPERVISOR is required')
      const ws = await openForCli(resolve(path), io)
      try {
        const password = await readPassword(io)
        const r = await adoptWorkspace(ws, await authenticate(ws, values.as, password), password)
        io.out(
          formatPairs([
            ['root', r.root.name],
            ['endorsed', r.endorsed.map((e) => `${e.name} (${e.role})`).join(', ')],
            ['left_out', r.leftOut.map((l) => l.name).join(', ')],
            ['unsigned_approvals', r.unsignedApprovals]
          ])
        )
        if (r.leftOut.length > 0)
          io.err(
            'Người phê duyệt chưa có khoá ký không được xác nhận; hãy thêm lại họ. / Supervisors without a signing key were not endorsed; add them again.\n'
          )
        if (r.unsignedApprovals > 0)
          io.err(
            `${r.unsignedApprovals} điều chỉnh đã duyệt trước đây không có chữ ký: hãy rút lại và duyệt lại trước khi xuất. / ${r.unsignedApprovals} earlier approvals carry no signature: withdraw and approve them again before export.\n`
          )
      } finally {
        ws.close()
      }
      return 0
    }
    if (sub === 'add') {
      const role = Role.safeParse(values.role)
      if (!values.name) throw new UsageError('--name is required')
      if (!role.success) throw new UsageError('--role must be clerk or supervisor')
      // With --as the supervisor's password opens an encrypted workspace too; the first user's
      // opener (the office recovery secret) is the line after their new password.
      const ws = await openForCli(resolve(path), io, { secondLine: !values.as })
      try {
        const input = { name: values.name, role: role.data }
        let u
        if (values.as) {
          const pw = await passwordsFor(io)
          const actor = await authenticate(ws, values.as, pw.actor)
          const signer = actor.role === 'supervisor' ? await signerFor(ws, actor, pw.actor) : null
          u = await createUserBy(ws, actor, { ...input, password: pw.added }, signer)
        } else {
          u = await createUserBy(ws, null, { ...input, password: await readPassword(io) })
        }
        const key = listAccounts(ws).find((a) => a.id === u.id)
        io.out(
          formatPairs([
            ['user_id', u.id],
            ['name', u.name],
            ['role', u.role],
            ...(key?.keyId
              ? ([
                  ['key_id', key.keyId],
                  ['fingerprint', key.fingerprint ?? '']
                ] as const)
              : [])
          ])
        )
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
