/** One CLI command: its usage and the function that runs it (its name and summary are in commands/index.ts). */
export interface Command {
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

/** The values of a repeatable flag, each checked against the allowed ones (none given: none). */
export function oneOf<T extends string>(values: readonly string[] | undefined, allowed: readonly T[], flag: string): T[] {
  for (const v of values ?? [])
    if (!(allowed as readonly string[]).includes(v)) throw new UsageError(`${flag} must be one of ${allowed.join(', ')}`)
  return (values ?? []) as T[]
}
