import { parseArgs } from 'node:util'
import { resolve } from 'node:path'
import { decide, previewDecision } from '../../core/approve/decide.ts'
import { listProposals } from '../../core/approve/list.ts'
import { CorrectionKind, ProposalStatus, type ProposalFilterInput, type Selection, type Verdict } from '../../core/approve/schema.ts'
import { authenticate } from '../../core/users/users.ts'
import { openForCli, readPassword, signInFromCli } from '../auth.ts'
import { signerFor } from '../../core/users/keys.ts'
import { oneOf, UsageError, type Command } from '../command.ts'
import { formatPairs } from '../kv.ts'

const USAGE = [
  'vaxrecon approve WORKSPACE --as USER (--all | --ids 1,2,3) [--field F]... [--kind K]... [--site S] [--comment TEXT] [--dry-run]',
  'vaxrecon approve WORKSPACE --as USER --reject (--all | --ids ...) --comment TEXT',
  'vaxrecon approve WORKSPACE --as USER --withdraw --ids ... --comment TEXT   (approved, not yet exported)',
  'vaxrecon approve WORKSPACE --list [--status S]... [--as USER --mine] [--json]'
].join('\n       ')

function parseIds(raw: string[]): number[] {
  const ids = raw
    .flatMap((r) => r.split(/[,\s]+/))
    .filter((s) => s !== '')
    .map(Number)
  if (ids.length === 0 || ids.some((n) => !Number.isInteger(n) || n <= 0))
    throw new UsageError('--ids expects proposal numbers, e.g. --ids 3,7,12')
  return ids
}

/** An unused filter flag means no filter, not an empty one. */
const optional = <T>(xs: T[]): T[] | undefined => (xs.length === 0 ? undefined : xs)

const PAST: Record<Verdict, string> = { approve: 'approved', reject: 'rejected', withdraw: 'withdrawn' }

/** Four eyes from the command line: the same core rules as the app (a clerk or the proposer is refused). */
export const approve: Command = {
  usage: USAGE,
  async run(args, io) {
    const { positionals, values } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        as: { type: 'string' },
        all: { type: 'boolean', default: false },
        ids: { type: 'string', multiple: true },
        reject: { type: 'boolean', default: false },
        withdraw: { type: 'boolean', default: false },
        comment: { type: 'string', default: '' },
        field: { type: 'string', multiple: true },
        kind: { type: 'string', multiple: true },
        site: { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        list: { type: 'boolean', default: false },
        status: { type: 'string', multiple: true },
        mine: { type: 'boolean', default: false },
        json: { type: 'boolean', default: false }
      }
    })
    const [path, ...extra] = positionals
    if (!path || extra.length > 0) throw new UsageError('expected exactly one WORKSPACE path')
    const filter: ProposalFilterInput = {
      fields: values.field,
      kinds: optional(oneOf(values.kind, CorrectionKind.options, '--kind')),
      site: values.site
    }
    const ws = await openForCli(resolve(path), io)
    try {
      if (values.list) {
        const viewer = values.as ? await signInFromCli(ws, values.as, io) : null
        const status =
          optional(oneOf(values.status, ProposalStatus.options, '--status')) ?? ProposalStatus.options.filter((s) => s !== 'superseded')
        const page = listProposals(
          ws,
          viewer,
          { ...filter, status, proposedBy: values.mine && viewer ? viewer.id : undefined },
          { offset: 0, limit: 100_000 }
        )
        if (values.json) io.out(JSON.stringify(page.rows, null, 2) + '\n')
        else {
          io.out('id\tstatus\tfield\told_value\tnew_value\tproposed_by\tdecided_by\tcomment\tbatch\n')
          for (const r of page.rows) {
            io.out(
              [
                r.id,
                r.status,
                r.field,
                r.oldValue ?? '',
                r.newValue ?? '',
                r.proposedBy.name,
                r.decision?.by ?? '',
                r.decision?.comment ?? '',
                r.batchNo ?? ''
              ].join('\t') + '\n'
            )
          }
        }
        return 0
      }
      if (!values.as) throw new UsageError('--as USER is required')
      if (values.reject && values.withdraw) throw new UsageError('choose one of --reject and --withdraw')
      if (values.all === (values.ids !== undefined)) throw new UsageError('give exactly one of --all and --ids')
      const verdict: Verdict = values.reject ? 'reject' : values.withdraw ? 'withdraw' : 'approve'
      const selection: Selection = values.ids
        ? { ids: parseIds(values.ids) }
        : { filter: { status: ['proposed'], excludeMine: false, ...filter } }
      const password = await readPassword(io)
      const actor = await authenticate(ws, values.as, password)
      const r = values['dry-run']
        ? previewDecision(ws, actor, verdict, selection)
        : decide(
            ws,
            actor,
            { verdict, selection, comment: values.comment },
            actor.role === 'supervisor' ? await signerFor(ws, actor, password) : null
          )
      if (values.json) io.out(JSON.stringify({ ...r, dryRun: values['dry-run'] }) + '\n')
      else {
        io.out(
          formatPairs([
            [values['dry-run'] ? `would_be_${PAST[verdict]}` : PAST[verdict], r.applied],
            ['skipped_own', r.skippedOwn]
          ])
        )
        if (r.skippedOwn > 0) {
          io.err(
            `Bỏ qua ${r.skippedOwn} đề xuất của chính bạn: cần một người phê duyệt khác.\n` +
              `Skipped ${r.skippedOwn} of your own proposals: another supervisor must approve them.\n`
          )
        }
      }
      return 0
    } finally {
      ws.close()
    }
  }
}
