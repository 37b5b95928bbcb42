import type { Command } from '../command.ts'
import { importCommand } from './import.ts'
import { init } from './init.ts'
import { rejectsCommand } from './rejects.ts'
import { rowsCommand } from './rows.ts'
import { status } from './status.ts'
import { user } from './user.ts'
import { approve } from './approve.ts'
import { exportCommand } from './export.ts'
import { verify } from './verify.ts'
import { key } from './key.ts'
import { audit } from './audit.ts'
import { report } from './report.ts'
import { matchCommand } from './match.ts'
import { linksCommand } from './links.ts'
import { propose } from './propose.ts'

/** Every command, in the order `--help` lists them. Names and output columns are a contract. */
export const commands: readonly Command[] = [init, status, importCommand, rowsCommand, rejectsCommand, matchCommand, linksCommand, propose, user, approve, exportCommand, verify, key, audit, report]
