/**
 * A test hook for the exactly-once guarantee: with VAXRECON_CRASH_AT=<name> the process
 * kills itself at that point, as a power cut or a killed app would, so tests can prove
 * that every point leaves either no batch or one complete batch. Inert otherwise.
 */
export function crashPoint(name: string): void {
  if (process.env['VAXRECON_CRASH_AT'] === name) process.kill(process.pid, 'SIGKILL')
}
