/** One CLI command: its name, one line of help, usage, and the function that runs it. */
export interface Command {
  name: string
  summary: string
  usage: string
  run(args: string[], io: CliIo): Promise<number> | number
}

export interface CliIo {
  out(text: string): void
  err(text: string): void
  /** Reads all of standard input (passwords are never taken from arguments). */
  stdin(): Promise<string>
}

export class UsageError extends Error {}
