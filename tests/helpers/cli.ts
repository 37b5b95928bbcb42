import { spawn, spawnSync } from 'node:child_process'

const BIN = new URL('../../bin/vaxrecon.js', import.meta.url).pathname

export interface CliResult {
  code: number | null
  stdout: string
  stderr: string
}

/** Runs the real CLI as a subprocess; the password goes in on stdin, as a user would type or pipe it. */
export function cli(args: string[], opts: { input?: string; env?: Record<string, string> } = {}): CliResult {
  const env = { ...process.env, ...opts.env }
  if (!opts.env || !('VAXRECON_PASSWORD' in opts.env)) delete env['VAXRECON_PASSWORD']
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', input: opts.input ?? '', env })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}

/** The CLI started in the background, for tests that kill it midway. */
export function cliProcess(args: string[], env: Record<string, string>) {
  return spawn(process.execPath, [BIN, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
}

/**
 * The same CLI code (argument parsing, commands, exit codes) called in this process: for
 * the setup steps of long flows, where starting Node twenty times would be most of the test.
 */
export async function cliInProcess(args: string[], input = ''): Promise<CliResult> {
  const { main } = await import('../../main/cli/main.ts')
  let stdout = ''
  let stderr = ''
  const code = await main(args, { out: (t) => void (stdout += t), err: (t) => void (stderr += t), stdin: () => Promise.resolve(input) })
  return { code, stdout, stderr }
}
