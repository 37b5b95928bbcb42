import { authenticate, type User } from '../core/users/users.ts'
import type { Workspace } from '../core/workspace/workspace.ts'
import type { CliIo } from './command.ts'

/**
 * The password for `--as USER` (or a new user's): from VAXRECON_PASSWORD or standard
 * input, never from an argument, where it would sit in shell history and the process list.
 */
export async function readPassword(io: CliIo): Promise<string> {
  const fromEnv = process.env['VAXRECON_PASSWORD']
  return fromEnv ?? (await io.stdin()).replace(/\r?\n$/, '')
}

/** Signs in for `--as USER`. */
export async function signInFromCli(ws: Workspace, name: string, io: CliIo): Promise<User> {
  return authenticate(ws, name, await readPassword(io))
}
