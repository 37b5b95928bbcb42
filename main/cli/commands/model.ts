import { writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { lastModel, splinkSettings } from '../../core/splink/settings.ts'
import { openForCli } from '../auth.ts'
import { UsageError, type Command } from '../command.ts'
import { formatPairs } from '../kv.ts'

/** `vaxrecon model export`: the last match's model as Splink settings (DuckDB dialect). */
export const modelCommand: Command = {
  usage: 'vaxrecon model export WORKSPACE --out settings.json',
  async run(args, io) {
    const { positionals, values } = parseArgs({ args, allowPositionals: true, options: { out: { type: 'string' } } })
    const [action, wsPath, ...extra] = positionals
    if (action !== 'export') throw new UsageError('expected the action export')
    if (!wsPath || extra.length > 0) throw new UsageError('expected exactly one WORKSPACE path')
    if (!values.out) throw new UsageError('--out settings.json is required')
    const ws = await openForCli(resolve(wsPath), io)
    try {
      const settings = splinkSettings(lastModel(ws.db))
      const out = resolve(values.out)
      writeFileSync(out, JSON.stringify(settings, null, 2) + '\n')
      io.out(
        formatPairs([
          ['file', out],
          ['link_type', settings.link_type],
          ['comparisons', settings.comparisons.map((c) => c.output_column_name).join(', ')],
          ['blocking_rules', settings.blocking_rules_to_generate_predictions.length]
        ])
      )
      return 0
    } finally {
      ws.close()
    }
  }
}
