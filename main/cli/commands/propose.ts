import { parseArgs } from 'node:util'
import { resolve } from 'node:path'
import { applyBulk, previewBulk } from '../../core/review/bulk.ts'
import { DIFF_CLASSES, REVIEW_FIELDS } from '../../core/review/fields.ts'
import { ReviewFilter, type BulkAction } from '../../core/review/schemas.ts'
import { openForCli, signInFromCli } from '../auth.ts'
import { oneOf, UsageError, type Command } from '../command.ts'
import { formatCounts, formatPairs } from '../kv.ts'

const USAGE = [
  'vaxrecon propose WORKSPACE --as USER (--accept-registry | --keep-site) --class C [--class C]... [filters] [--note TEXT] [--dry-run] [--json]',
  'vaxrecon propose WORKSPACE --as USER --defer --note TEXT [filters]',
  `  classes: ${DIFF_CLASSES.join(', ')}`,
  `  filters: --field F (${REVIEW_FIELDS.join(', ')}), --site NAME, --band auto|confirmed,`,
  '           --include-deferred (also differences set aside earlier)',
  '  The same rules as a bulk decision in the review grid: one proposed correction per changed field of each row,',
  '  by USER. Review-band links, complaints and rows whose site values disagree are skipped and counted.'
].join('\n       ')

const counts = (c: Record<string, number>): string => formatCounts(c, [])

/** Bulk review rules from the command line, e.g. accept the registry's value for every formatting-only difference. */
export const propose: Command = {
  usage: USAGE,
  async run(args, io) {
    const { positionals, values } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        as: { type: 'string' },
        'accept-registry': { type: 'boolean', default: false },
        'keep-site': { type: 'boolean', default: false },
        defer: { type: 'boolean', default: false },
        class: { type: 'string', multiple: true },
        field: { type: 'string', multiple: true },
        site: { type: 'string', multiple: true },
        band: { type: 'string', multiple: true },
        'include-deferred': { type: 'boolean', default: false },
        note: { type: 'string', default: '' },
        'dry-run': { type: 'boolean', default: false },
        json: { type: 'boolean', default: false }
      }
    })
    const [path, ...extra] = positionals
    if (!path || extra.length > 0) throw new UsageError('expected exactly one WORKSPACE path')
    if (!values.as) throw new UsageError('--as USER is required')
    const chosen = (['accept-registry', 'keep-site', 'defer'] as const).filter((k) => values[k])
    if (chosen.length !== 1) throw new UsageError('give exactly one of --accept-registry, --keep-site and --defer')
    const action: BulkAction = chosen[0] === 'accept-registry' ? 'accept_registry' : chosen[0] === 'keep-site' ? 'keep_site' : 'defer'
    const classes = oneOf(values.class, DIFF_CLASSES, '--class')
    // Correcting values in bulk must say which kind of difference: never every conflict by accident.
    if (action !== 'defer' && classes.length === 0) throw new UsageError('say which differences with --class, e.g. --class formatting')
    if (action === 'defer' && values.note.trim() === '') throw new UsageError('--defer needs a --note saying why')
    const filter = ReviewFilter.parse({
      classes,
      fields: oneOf(values.field, REVIEW_FIELDS, '--field'),
      sites: values.site ?? [],
      bands: oneOf(values.band, ['auto', 'confirmed'] as const, '--band'),
      statuses: values['include-deferred'] ? ['open', 'deferred'] : []
    })
    const ws = await openForCli(resolve(path), io)
    try {
      const user = await signInFromCli(ws, values.as, io)
      const preview = previewBulk(ws, filter, action)
      const result =
        values['dry-run'] || preview.diffs === 0
          ? null
          : applyBulk(ws, user, { filter, action, note: values.note, expected: preview.diffs })
      if (values.json) {
        io.out(JSON.stringify({ action, dryRun: values['dry-run'], ...preview, decisionId: result?.decisionId ?? null }, null, 2) + '\n')
      } else {
        io.out(
          formatPairs([
            ['action', action],
            ['dry_run', values['dry-run'] ? 'yes' : 'no'],
            ['diffs', preview.diffs],
            ['rows', preview.rows],
            ['proposals', preview.proposals],
            ['by_class', counts(preview.byClass)],
            ['by_field', counts(preview.byField)],
            ['skipped', counts(preview.skipped)],
            ['decision_id', result?.decisionId ?? '-']
          ])
        )
      }
      return 0
    } finally {
      ws.close()
    }
  }
}
