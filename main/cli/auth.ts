import { authenticate, type User } from '../core/users/users.ts'
import type { Workspace } from '../core/workspace/workspace.ts'
import type { CliIo } from './command.ts'

/**
 * Signs in for `--as USER`. The password comes from VAXRECON_PASSWORD or standard input,
 * never from an argument, where it would sit in shell history and the process list.
 */
export async function signInFromCli(ws: Workspace, name: string, io: CliIo): Promise<User> {
  const fromEnv = process.env['VAXRECON_PASSWORD']
  const password = fromEnv ?? (await io.stdin()).replace(/\r?\n$/, '')
  return authenticate(ws, name, password)
}
