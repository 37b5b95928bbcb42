import { authenticate, type User } from '../core/users/users.ts'
import { fileKind } from '../core/workspace/file-kind.ts'
import { openWorkspace, unlockWorkspace, type Workspace } from '../core/workspace/workspace.ts'
import type { CliIo } from './command.ts'

/**
 * The password for `--as USER` (or a new user's): from VAXRECON_PASSWORD or standard
 * input, never from an argument, where it would sit in shell history and the process list.
 */
export async function readPassword(io: CliIo): Promise<string> {
  const fromEnv = process.env['VAXRECON_PASSWORD']
  return fromEnv ?? (await stdinLines(io))[0] ?? ''
}

/** Line n (0-based) of standard input, '' past its end. */
export async function stdinLine(io: CliIo, n: number): Promise<string> {
  return (await stdinLines(io))[n] ?? ''
}

// Standard input can be read once; a command that needs two secrets reads two lines.
const stdinRead = new WeakMap<CliIo, Promise<string[]>>()
function stdinLines(io: CliIo): Promise<string[]> {
  let lines = stdinRead.get(io)
  if (!lines) {
    lines = io.stdin().then((text) => text.split(/\r?\n/))
    stdinRead.set(io, lines)
  }
  return lines
}

/**
 * The secret that opens an encrypted workspace: VAXRECON_OPEN_PASSWORD if set, else the
 * command's password (a user's password or the office recovery secret). `user add`, whose
 * password is the new user's, takes an opener from the second line of standard input.
 */
export async function readOpener(io: CliIo, secondLine = false): Promise<string> {
  const fromEnv = process.env['VAXRECON_OPEN_PASSWORD']
  if (fromEnv !== undefined) return fromEnv
  if (secondLine && process.env['VAXRECON_PASSWORD'] === undefined) {
    const lines = await stdinLines(io)
    if (lines[1]) return lines[1]
  }
  return readPassword(io)
}

/** Opens a workspace for a command; an encrypted one with the opener's secret. */
export async function openForCli(path: string, io: CliIo, opts: { secondLine?: boolean } = {}): Promise<Workspace> {
  if (fileKind(path) !== 'encrypted') return openWorkspace(path)
  return openWorkspace(path, await unlockWorkspace(path, await readOpener(io, opts.secondLine)))
}

/** Signs in for `--as USER`. */
export async function signInFromCli(ws: Workspace, name: string, io: CliIo): Promise<User> {
  return authenticate(ws, name, await readPassword(io))
}
