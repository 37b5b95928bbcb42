import { parseArgs } from 'node:util'
import { resolve } from 'node:path'
import { workspaceStatus, type WorkspaceStatus } from '../../core/workspace/status.ts'
import { openForCli, readOpener } from '../auth.ts'
import { fileKind } from '../../core/workspace/file-kind.ts'
import { UsageError, type Command } from '../command.ts'
import { formatCounts, formatPairs } from '../kv.ts'

function formatStatus(s: WorkspaceStatus): string {
  const rows: [string, string][] = [
    ['workspace', s.path],
    ['schema_version', String(s.schemaVersion)],
    ['encryption', s.encrypted ? 'sqlcipher' : 'none'],
    ['imports', formatCounts(s.imports)],
    ['records', formatCounts(s.records)],
    ['rejects', String(s.rejects)],
    ['persons', String(s.persons)],
    ['links', formatCounts(s.links)],
    ['proposals', formatCounts(s.proposals)],
    ['export_batches', String(s.exportBatches)],
    ['users', String(s.users)],
    ['audit_entries', String(s.auditEntries)]
  ]
  return formatPairs(rows)
}

export const status: Command = {
  usage: 'vaxrecon status WORKSPACE [--json]',
  async run(args, io) {
    const { positionals, values } = parseArgs({
      args,
      allowPositionals: true,
      options: { json: { type: 'boolean', default: false } }
    })
    const [path] = positionals
    if (!path || positionals.length > 1) throw new UsageError('expected exactly one WORKSPACE path')
    const file = resolve(path)
    // Whether a file is encrypted shows without a password; what it holds needs one.
    if (fileKind(file) === 'encrypted' && (await readOpener(io)) === '') {
      const locked = { path: file, encrypted: true, locked: true }
      io.out(
        values.json
          ? JSON.stringify(locked, null, 2) + '\n'
          : formatPairs([
              ['workspace', file],
              ['encryption', 'sqlcipher (locked)']
            ])
      )
      return 0
    }
    const ws = await openForCli(file, io)
    try {
      const s = workspaceStatus(ws)
      io.out(values.json ? JSON.stringify(s, null, 2) + '\n' : formatStatus(s))
    } finally {
      ws.close()
    }
    return 0
  }
}
