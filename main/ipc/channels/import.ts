import { z } from 'zod'

const Path = z.string().min(1).max(4096)
const Kind = z.enum(['site', 'registry', 'complaint'])
const MappingSchema = z.record(z.string(), z.array(z.string().max(500)).max(20))
const Where = { sheet: z.string().max(255).optional(), headerRow: z.number().int().min(1).max(1_048_576).optional() }
const Bilingual = z.object({ code: z.string(), vi: z.string(), en: z.string() })
const Site = z.object({ name: z.string(), source: z.enum(['given', 'title', 'template', 'file_name']) })

export const ImportSummary = z.object({
  importId: z.number(),
  duplicateOf: z.object({ importId: z.number(), importedAt: z.string() }).nullable(),
  kind: Kind,
  fileName: z.string(),
  sheet: z.string(),
  headerRow: z.number(),
  headerRows: z.number(),
  mapping: MappingSchema,
  site: Site.nullable(),
  rowsRead: z.number(),
  imported: z.number(),
  rejected: z.number(),
  blankRows: z.number(),
  rejectsByReason: z.record(z.string(), z.number()),
  warningsByKind: z.record(z.string(), z.number())
})

export const importChannels = {
  /** A spreadsheet to import: a native dialog in Electron, a queue in the test harness. */
  'dialog:chooseImportFile': { request: z.object({}), response: z.object({ path: Path.nullable() }) },
  'import:inspect': {
    request: z.object({ path: Path, kind: Kind, ...Where }),
    response: z.object({
      fileName: z.string(),
      format: z.enum(['xlsx', 'csv']),
      sheets: z.array(z.object({ name: z.string(), hidden: z.boolean(), notes: z.boolean(), headerRow: z.number().nullable() })),
      sheet: z.string(),
      headerRow: z.number(),
      headerRows: z.number(),
      headers: z.array(z.object({ index: z.number(), label: z.string() })),
      fields: z.array(z.string()),
      mapping: MappingSchema,
      template: z.string().nullable(),
      headerSignature: z.string(),
      preview: z.array(z.object({ row: z.number(), cells: z.array(z.string()) })),
      duplicateOf: z.object({ importId: z.number(), importedAt: z.string() }).nullable(),
      site: Site.nullable()
    })
  },
  /** The validation step: the first rows normalized with the chosen mapping; nothing is written. */
  'import:preview': {
    request: z.object({ path: Path, kind: Kind, ...Where, mapping: MappingSchema }),
    response: z.object({
      rows: z.array(
        z.object({
          row: z.number(),
          status: z.enum(['ok', 'rejected']),
          values: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
          warnings: z.array(z.string()),
          reason: Bilingual.nullable()
        })
      )
    })
  },
  /** Old .xls, HTML-as-.xls, XML 2003 or .ods → a new .xlsx made by LibreOffice. */
  'import:convert': { request: z.object({ path: Path }), response: z.object({ path: Path }) },
  /** Why rows are rejected and what each warning means, in both languages, for the report. */
  'import:codes': {
    request: z.object({}),
    response: z.object({
      reasons: z.record(z.string(), z.object({ vi: z.string(), en: z.string() })),
      warnings: z.record(z.string(), z.object({ vi: z.string(), en: z.string() }))
    })
  },
  'import:templates:list': {
    request: z.object({ kind: Kind.optional() }),
    response: z.object({
      templates: z.array(
        z.object({
          id: z.number(),
          name: z.string(),
          kind: Kind,
          headerSignature: z.string(),
          mapping: MappingSchema,
          siteName: z.string().nullable(),
          createdAt: z.string()
        })
      )
    })
  },
  'import:templates:save': {
    request: z.object({
      name: z.string().min(1).max(200),
      kind: Kind,
      headerSignature: z.string().max(20_000),
      mapping: MappingSchema,
      siteName: z.string().max(300).nullable().optional()
    }),
    response: z.object({ id: z.number(), name: z.string() })
  },
  'import:list': {
    request: z.object({}),
    response: z.object({
      imports: z.array(
        z.object({
          id: z.number(),
          kind: Kind,
          fileName: z.string(),
          sheet: z.string().nullable(),
          rowsRead: z.number(),
          imported: z.number(),
          rejected: z.number(),
          importedAt: z.string(),
          importedBy: z.string().nullable()
        })
      )
    })
  },
  /** The rows of an import that carry one kind of warning (the first 200, with the total). */
  'import:warningRows': {
    request: z.object({ importId: z.number().int(), code: z.string().min(1).max(100) }),
    response: z.object({
      total: z.number(),
      rows: z.array(z.object({ sourceRow: z.number(), fullName: z.string().nullable(), fields: z.array(z.string()) }))
    })
  },
  /** Writes an import's rejected rows to an .xlsx chosen in a save dialog. */
  'import:rejects:export': {
    request: z.object({ importId: z.number().int() }),
    response: z.object({ path: Path.nullable(), rows: z.number() })
  }
} as const
