import { basename } from 'node:path'
import type { Workspace } from '../workspace/workspace.ts'
import { REJECT_REASONS } from './codes.ts'
import { mappableFieldsOfKind } from '../records/fields.ts'
import type { Mapping, MappableField, SourceKind } from './fields.ts'
import { effectiveMapping, hashFile } from './import-file.ts'
import { isColumnNumberRow, isFooterRow, type Layout } from './layout.ts'
import { headerSignature, resolveMapping } from './mapping.ts'
import { RowNormalizer } from './normalize/row.ts'
import { openSpreadsheet } from './readers/open.ts'
import type { CellValue, SheetRow } from './readers/types.ts'
import { chooseLayout, summarizeSheets, type SheetSummary } from './source.ts'
import { fileSite, type FileSite } from './site.ts'
import { findTemplate } from './templates.ts'

/** What the wizard shows once a file is chosen: its sheets, the header found, a mapping, the first rows. */
export interface Inspection {
  fileName: string
  format: 'xlsx' | 'csv'
  sheets: SheetSummary[]
  sheet: string
  headerRow: number
  headerRows: number
  headers: { index: number; label: string }[]
  /** The fields a file of this kind may map. */
  fields: MappableField[]
  /** The mapping VaxRecon proposes: a saved template for this shape, or the synonyms. */
  mapping: Mapping
  template: string | null
  headerSignature: string
  /** The first data rows as the clerk sees them. */
  preview: { row: number; cells: string[] }[]
  duplicateOf: { importId: number; importedAt: string } | null
  /** A site list's site, as the wizard prefills it (title rows, template, file name); null when its rows name theirs. */
  site: FileSite | null
}

const PREVIEW_ROWS = 20

const display = (v: CellValue | undefined): string => {
  if (v === null || v === undefined) return ''
  if (v instanceof Date) {
    const iso = v.toISOString()
    return iso.endsWith('T00:00:00.000Z') ? `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` : iso
  }
  return String(v)
}

/** Data rows under the header, as the import will see them: column-number row and footer left out. */
function dataRows(head: SheetRow[], layout: Layout, nameCols: number[], n: number): SheetRow[] {
  const start = layout.headerRow + layout.headerRows
  const out: SheetRow[] = []
  let first = true
  for (const r of head) {
    if (r.row < start) continue
    if (first) {
      first = false
      if (isColumnNumberRow(r)) continue
    }
    if (isFooterRow(r, nameCols)) break
    out.push(r)
    if (out.length >= n) break
  }
  return out
}

export async function inspectFile(
  ws: Workspace,
  opts: { path: string; kind: SourceKind; sheet?: string; headerRow?: number }
): Promise<Inspection> {
  const source = await openSpreadsheet(opts.path)
  try {
    const { sheets } = await summarizeSheets(source)
    const { sheet, layout, head } = await chooseLayout(source, {
      ...(opts.sheet !== undefined && { sheet: opts.sheet }),
      ...(opts.headerRow !== undefined && { headerRow: opts.headerRow }),
      mappingGiven: opts.headerRow !== undefined
    })
    const signature = headerSignature(layout.headers)
    const template = findTemplate(ws, opts.kind, signature)
    const mapping = template ? template.mapping : effectiveMapping(layout.headers, opts.kind)
    let nameCols: number[] = []
    let hasSiteColumn = false
    try {
      const cols = resolveMapping(mapping, layout.headers)
      nameCols = [...(cols.full_name ?? []), ...(cols.family_name ?? []), ...(cols.given_name ?? [])]
      hasSiteColumn = cols.site_name !== undefined
    } catch {
      // A template whose headers moved: the wizard shows it and the clerk fixes it.
    }
    const hash = await hashFile(opts.path)
    const dup = ws.db.prepare('SELECT id, imported_at FROM imports WHERE kind = ? AND file_hash = ?').get(opts.kind, hash) as
      { id: number; imported_at: string } | undefined
    const width = Math.max(0, ...layout.headers.map((h) => h.index + 1))
    return {
      fileName: basename(opts.path),
      format: source.format,
      sheets,
      sheet,
      headerRow: layout.headerRow,
      headerRows: layout.headerRows,
      headers: layout.headers.map((h) => ({ index: h.index, label: h.label })),
      fields: mappableFieldsOfKind(opts.kind),
      mapping,
      template: template?.name ?? null,
      headerSignature: signature,
      preview: dataRows(head, layout, nameCols, PREVIEW_ROWS).map((r) => ({
        row: r.row,
        cells: Array.from({ length: width }, (_, i) => display(r.cells[i]))
      })),
      duplicateOf: dup ? { importId: dup.id, importedAt: dup.imported_at } : null,
      site: fileSite(ws, { kind: opts.kind, fileName: basename(opts.path) }, { head, layout, hasSiteColumn })
    }
  } finally {
    await source.close()
  }
}

/** One row of the validation step: what import would store, or why it would reject it. */
export interface PreviewRow {
  row: number
  status: 'ok' | 'rejected'
  values: Record<string, string | number | null>
  warnings: string[]
  reason: { code: string; vi: string; en: string } | null
}

/** Normalizes and validates the first rows with the chosen mapping, writing nothing. */
export async function previewImport(
  opts: { path: string; kind: SourceKind; sheet?: string; headerRow?: number; mapping: Mapping },
  n = 50
): Promise<PreviewRow[]> {
  const source = await openSpreadsheet(opts.path)
  try {
    const { layout, head } = await chooseLayout(source, {
      ...(opts.sheet !== undefined && { sheet: opts.sheet }),
      ...(opts.headerRow !== undefined && { headerRow: opts.headerRow }),
      mappingGiven: true
    })
    const cols = resolveMapping(opts.mapping, layout.headers)
    const nameCols = [...(cols.full_name ?? []), ...(cols.family_name ?? []), ...(cols.given_name ?? [])]
    const out: PreviewRow[] = []
    // One normalizer for the preview, as for the import: the same address context and "today".
    const normalizer = new RowNormalizer(cols, opts.kind, undefined, source.format === 'csv')
    for (const r of dataRows(head, layout, nameCols, n)) {
      const o = normalizer.row(r.cells)
      if (o.status === 'blank') continue
      if (o.status === 'rejected')
        out.push({ row: r.row, status: 'rejected', values: {}, warnings: [], reason: { code: o.reason, ...REJECT_REASONS[o.reason] } })
      else
        out.push({
          row: r.row,
          status: 'ok',
          values: { ...o.record },
          warnings: o.warnings.map((w) => `${w.field}:${w.code}`),
          reason: null
        })
    }
    return out
  } finally {
    await source.close()
  }
}
