/**
 * A test hook for the exactly-once guarantee: with VAXRECON_CRASH_AT=<name> the process
 * kills itself at that point, as a power cut or a killed app would, so tests can prove
 * that every point leaves either no batch or one complete batch. VAXRECON_CRASH_TRACE=1
 * announces each point on stderr, so a test can time a kill from the start of the
 * export rather than from process start. Inert otherwise.
 */
export function crashPoint(name: string): void {
  if (process.env['VAXRECON_CRASH_TRACE'] === '1') process.stderr.write(`crash-point ${name}\n`)
  if (process.env['VAXRECON_CRASH_AT'] === name) process.kill(process.pid, 'SIGKILL')
}
