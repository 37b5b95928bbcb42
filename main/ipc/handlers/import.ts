import { REJECT_REASONS, WARNINGS } from '../../core/import/codes.ts'
import { listImports, rowsWithWarning } from '../../core/import/history.ts'
import { exportRejects } from '../../core/import/rejects-export.ts'
import { convertToXlsx } from '../../core/import/readers/convert.ts'
import { sniffFile } from '../../core/import/readers/sniff.ts'
import { listTemplates, saveTemplate } from '../../core/import/templates.ts'
import { VaxError } from '../../core/base/errors.ts'
import type { Session } from '../session.ts'
import type { HandlerMap } from './types.ts'

type ImportChannel =
  | 'dialog:chooseImportFile'
  | 'import:inspect'
  | 'import:preview'
  | 'import:convert'
  | 'import:codes'
  | 'import:templates:list'
  | 'import:templates:save'
  | 'import:list'
  | 'import:rejects:export'
  | 'import:warningRows'

const where = (r: { sheet?: string | undefined; headerRow?: number | undefined }) => ({
  ...(r.sheet !== undefined && { sheet: r.sheet }),
  ...(r.headerRow !== undefined && { headerRow: r.headerRow })
})

export function importHandlers(s: Session): HandlerMap<ImportChannel> {
  return {
    'dialog:chooseImportFile': async () => ({ path: s.paths.grant(await s.platform.chooseImportFile(), 'import') }),
    // Parsing the chosen file runs in the query worker: a huge or hostile file never holds the window.
    'import:inspect': (r) =>
      s.queries.run({ kind: 'import-inspect', path: s.paths.require(r.path, 'import'), importKind: r.kind, ...where(r) }),
    'import:preview': (r) =>
      s.queries.run({
        kind: 'import-preview',
        path: s.paths.require(r.path, 'import'),
        importKind: r.kind,
        mapping: r.mapping,
        ...where(r)
      }),
    'import:convert': async (r) => {
      const path = s.paths.require(r.path, 'import')
      const kind = await sniffFile(path)
      if (kind.kind !== 'convertible') {
        throw new VaxError('CONVERT_NOT_NEEDED', { vi: 'Tệp này không cần chuyển đổi.', en: 'This file needs no conversion.' })
      }
      // The converted copy is main's own file: the page may import it next.
      return { path: s.paths.grant(await convertToXlsx(path, kind.format), 'import') ?? '' }
    },
    'import:codes': () => ({ reasons: REJECT_REASONS, warnings: WARNINGS }),
    'import:templates:list': ({ kind }) => ({ templates: listTemplates(s.workspace, kind) }),
    'import:templates:save': (r) => {
      const t = saveTemplate(s.workspace, r, s.userOrNull?.name ?? null)
      return { id: t.id, name: t.name }
    },
    'import:list': () => ({ imports: listImports(s.workspace) }),
    'import:warningRows': ({ importId, code }) => rowsWithWarning(s.workspace, importId, code),
    'import:rejects:export': async ({ importId }) => {
      const path = await s.platform.chooseSavePath({ defaultName: `dong-bi-loai-${importId}.xlsx`, extensions: ['xlsx'] })
      if (!path) return { path: null, rows: 0 }
      return { path, ...(await exportRejects(s.workspace, importId, path)) }
    }
  }
}
