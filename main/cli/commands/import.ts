import { parseArgs } from 'node:util'
import { basename, resolve } from 'node:path'
import { REJECT_REASONS, WARNINGS } from '../../core/import/codes.ts'
import { MAPPABLE_FIELDS, SOURCE_KINDS, type Mapping, type SourceKind } from '../../core/import/fields.ts'
import { importFile, type ImportSummary } from '../../core/import/import-file.ts'
import { convertToXlsx, removeConversion } from '../../core/import/readers/convert.ts'
import { sniffFile } from '../../core/import/readers/sniff.ts'
import { inlineContext } from '../../core/base/job-context.ts'
import { openForCli } from '../auth.ts'
import { UsageError, type Command } from '../command.ts'
import { formatPairs } from '../kv.ts'

export function parseKind(kind: string | undefined): SourceKind {
  if (!kind || !(SOURCE_KINDS as readonly string[]).includes(kind)) throw new UsageError('--kind must be site, registry or complaint')
  return kind as SourceKind
}

/** `--map field=Header`, `--map address=Col1,Col2,Col3`. */
export function parseMaps(maps: string[]): Mapping {
  const mapping: Mapping = {}
  for (const m of maps) {
    const eq = m.indexOf('=')
    if (eq <= 0) throw new UsageError(`--map expects field=Header, got "${m}"`)
    const field = m.slice(0, eq).trim()
    if (!(MAPPABLE_FIELDS as readonly string[]).includes(field))
      throw new UsageError(`unknown field "${field}" in --map (fields: ${MAPPABLE_FIELDS.join(', ')})`)
    const value = m.slice(eq + 1)
    const labels =
      field === 'address'
        ? value
            .split(',')
            .map((s) => s.trim())
            .filter((s) => s !== '')
        : [value.trim()]
    mapping[field] = [...(mapping[field] ?? []), ...labels.filter((l) => l !== '')]
  }
  return mapping
}

function formatSummary(s: ImportSummary): string {
  if (s.duplicateOf) {
    return (
      `Tệp này đã được nhập (lần nhập #${s.duplicateOf.importId}, ${s.duplicateOf.importedAt}); không nhập lại.\n` +
      `This file was already imported (import #${s.duplicateOf.importId}, ${s.duplicateOf.importedAt}); nothing was added.\n`
    )
  }
  const lines: [string, string][] = [
    ['import_id', String(s.importId)],
    ['file', s.fileName],
    ['sheet', s.sheet],
    ...(s.site ? [['site', `${s.site.name} (${s.site.source})`] as [string, string]] : []),
    ['header_row', s.headerRows === 2 ? `${s.headerRow}-${s.headerRow + 1}` : String(s.headerRow)],
    ['rows_read', String(s.rowsRead)],
    ['imported', String(s.imported)],
    ['rejected', String(s.rejected)],
    ['blank_rows', String(s.blankRows)]
  ]
  let out = formatPairs(lines)
  const reasons = Object.entries(s.rejectsByReason).sort((a, b) => b[1] - a[1])
  out +=
    '\nrejected by reason:\n' +
    (reasons.length === 0
      ? '  (none)\n'
      : reasons.map(([c, n]) => `  ${c}  ${n}  ${REJECT_REASONS[c as keyof typeof REJECT_REASONS]?.en ?? ''}\n`).join(''))
  const warnings = Object.entries(s.warningsByKind).sort((a, b) => b[1] - a[1])
  out +=
    '\nwarnings by kind:\n' +
    (warnings.length === 0 ? '  (none)\n' : warnings.map(([c, n]) => `  ${c}  ${n}  ${WARNINGS[c]?.en ?? ''}\n`).join(''))
  return out
}

export const importCommand: Command = {
  usage:
    'vaxrecon import WORKSPACE --kind site|registry|complaint FILE [--sheet NAME] [--header-row N] [--map field=Header ...] [--site NAME] [--convert] [--json]\n' +
    '  --site names the site of a site list, for its rows with no site column; without it the site is read from the title rows\n' +
    '    ("TRẠM Y TẾ PHƯỜNG …", "Điểm tiêm: …"), else from the template saved for the file\'s shape, else from the file name.\n' +
    '  --map address=Col1,Col2,Col3 joins several columns into the address; fields are the canonical ones plus family_name and given_name.\n' +
    '  --convert turns an old .xls or an HTML table saved as .xls into .xlsx with LibreOffice first.',
  async run(args, io) {
    const { positionals, values } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        kind: { type: 'string' },
        sheet: { type: 'string' },
        'header-row': { type: 'string' },
        map: { type: 'string', multiple: true, default: [] },
        site: { type: 'string' },
        convert: { type: 'boolean', default: false },
        json: { type: 'boolean', default: false }
      }
    })
    const [wsPath, file] = positionals
    if (!wsPath || !file || positionals.length !== 2) throw new UsageError('expected WORKSPACE and FILE')
    const kind = parseKind(values.kind)
    const headerRow = values['header-row'] === undefined ? undefined : Number(values['header-row'])
    if (headerRow !== undefined && (!Number.isInteger(headerRow) || headerRow < 1))
      throw new UsageError('--header-row must be a row number (1, 2, ...)')
    const mapping = parseMaps(values.map)
    const original = resolve(file)
    let path = original
    const ws = await openForCli(resolve(wsPath), io)
    try {
      if (values.convert) {
        const kindOfFile = await sniffFile(path)
        if (kindOfFile.kind === 'convertible') path = await convertToXlsx(path, kindOfFile.format)
      }
      const summary = await importFile(
        ws,
        {
          kind,
          path,
          ...(values.sheet !== undefined && { sheet: values.sheet }),
          ...(headerRow !== undefined && { headerRow }),
          ...(Object.keys(mapping).length > 0 && { mapping }),
          ...(values.site !== undefined && { site: values.site }),
          ...(path !== original && { originalFileName: basename(original) })
        },
        inlineContext(),
        null
      )
      io.out(values.json ? JSON.stringify(summary, null, 2) + '\n' : formatSummary(summary))
    } finally {
      ws.close()
      if (path !== original) removeConversion(path)
    }
    return 0
  }
}
