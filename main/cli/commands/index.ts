import type { Command } from '../command.ts'
import { init } from './init.ts'
import { status } from './status.ts'

/** Every command, in the order `--help` lists them. Names and output columns are a contract. */
export const commands: readonly Command[] = [init, status]
