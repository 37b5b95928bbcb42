import { useCallback, useEffect, useMemo, useState } from 'react'
import type { Res } from '../../../../main/ipc/contract.ts'
import { ApiError, call } from '../../api/client.ts'
import { DataTable, type Column } from '../../components/DataTable.tsx'
import { ErrorBanner } from '../../components/ErrorBanner.tsx'
import { JobProgress } from '../../components/JobProgress.tsx'
import { useJob } from '../../hooks/useJob.ts'
import { fill } from '../../i18n/fill.ts'
import { useI18n } from '../../i18n/i18n.tsx'
import type { PageProps } from '../../shell/pages.tsx'
import { StepIntro } from '../StepIntro.tsx'
import { ImportReport } from './ImportReport.tsx'
import { MappingTable } from './MappingTable.tsx'
import { ValidateTable } from './ValidateTable.tsx'
import './import.css'
import { formatDateTime } from '../../format/format.ts'

type Kind = 'site' | 'registry' | 'complaint'
type Inspection = Res<'import:inspect'>
type Preview = Inspection['preview'][number]
type Checked = Res<'import:preview'>['rows']
const KINDS: Kind[] = ['site', 'registry', 'complaint']

/** column index → field, from a mapping by header labels. */
function columnsOf(info: Inspection): Record<number, string> {
  const out: Record<number, string> = {}
  for (const [field, labels] of Object.entries(info.mapping)) {
    for (const label of labels) {
      const h = info.headers.find((x) => x.label === label)
      if (h) out[h.index] = field
    }
  }
  return out
}

/** The mapping to send: every field, those without a column as [], columns in file order. */
function mappingOf(info: Inspection, columns: Record<number, string>): Record<string, string[]> {
  const mapping: Record<string, string[]> = Object.fromEntries(info.fields.map((f) => [f, []]))
  for (const h of info.headers) {
    const f = columns[h.index]
    if (f) mapping[f] = [...(mapping[f] ?? []), h.label]
  }
  return mapping
}

const asApiError = (e: unknown): ApiError => (e instanceof ApiError ? e : new ApiError({ code: 'INTERNAL', vi: String(e), en: String(e) }))

/**
 * The import wizard: file (chosen or dropped on the window), sheet and header row, column
 * mapping (with templates), preview, validation of the first rows, the import job with
 * its progress, and the report with the rejects to send back.
 */
export function ImportPage({ refresh, onError }: PageProps) {
  const { t } = useI18n()
  const [kind, setKind] = useState<Kind>('site')
  const [path, setPath] = useState<string | null>(null)
  const [info, setInfo] = useState<Inspection | null>(null)
  const [columns, setColumns] = useState<Record<number, string>>({})
  const [checked, setChecked] = useState<Checked | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const [busy, setBusy] = useState(false)
  const [dragging, setDragging] = useState(false)
  const [templateName, setTemplateName] = useState('')
  const [notice, setNotice] = useState<string | null>(null)
  const [site, setSite] = useState('')
  /** The file the clerk chose, when `path` is LibreOffice's converted copy of it. */
  const [original, setOriginal] = useState<string | null>(null)
  const onFinished = useCallback(() => refresh(), [refresh])
  const job = useJob<'import'>(onFinished)

  const inspect = useCallback(
    async (p: string, k: Kind, where: { sheet?: string; headerRow?: number } = {}) => {
      setError(null)
      setChecked(null)
      setNotice(null)
      setBusy(true)
      job.reset()
      try {
        const next = await call('import:inspect', { path: p, kind: k, ...where })
        setPath(p)
        setInfo(next)
        setColumns(columnsOf(next))
        setSite(next.site?.name ?? '')
      } catch (e) {
        setPath(p)
        setInfo(null)
        setError(asApiError(e))
      } finally {
        setBusy(false)
      }
    },
    [job]
  )

  const choose = async () => {
    const { path: p } = await call('dialog:chooseImportFile', {})
    setOriginal(null)
    if (p) await inspect(p, kind)
  }

  // Drag and drop anywhere on the window.
  useEffect(() => {
    const over = (e: DragEvent) => {
      if (!e.dataTransfer?.types.includes('Files')) return
      e.preventDefault()
      setDragging(true)
    }
    const leave = (e: DragEvent) => {
      if (e.relatedTarget === null) setDragging(false)
    }
    const drop = (e: DragEvent) => {
      e.preventDefault()
      setDragging(false)
      const file = e.dataTransfer?.files[0]
      if (!file) return
      const p = window.vaxrecon.pathForFile(file)
      setOriginal(null)
      if (p) void inspect(p, kind)
    }
    window.addEventListener('dragover', over)
    window.addEventListener('dragleave', leave)
    window.addEventListener('drop', drop)
    return () => {
      window.removeEventListener('dragover', over)
      window.removeEventListener('dragleave', leave)
      window.removeEventListener('drop', drop)
    }
  }, [inspect, kind])

  const mapping = useMemo(() => (info ? mappingOf(info, columns) : {}), [info, columns])
  const where = info ? { sheet: info.sheet, headerRow: info.headerRow } : {}

  const convert = async () => {
    if (!path) return
    setBusy(true)
    try {
      const { path: converted } = await call('import:convert', { path })
      setOriginal(path.split(/[\\/]/).pop() ?? path)
      await inspect(converted, kind)
    } catch (e) {
      setError(asApiError(e))
      setBusy(false)
    }
  }

  const validate = () =>
    path &&
    call('import:preview', { path, kind, ...where, mapping }).then(
      (r) => setChecked(r.rows),
      (e: unknown) => setError(asApiError(e))
    )

  const saveTemplate = () =>
    info &&
    call('import:templates:save', {
      name: templateName,
      kind,
      headerSignature: info.headerSignature,
      mapping,
      siteName: info.site ? site : null
    }).then((r) => setNotice(fill(t('import.template.saved'), { name: r.name })), onError)

  const start = () =>
    path &&
    job.start({
      kind: 'import',
      source: kind,
      path,
      ...where,
      mapping,
      ...(info?.site && site.trim() !== '' && { site: site.trim() }),
      ...(original !== null && { originalFileName: original })
    })
  const noHeader = error?.code === 'NO_HEADER' && path !== null
  const nameMapped = Object.values(columns).some((f) => f === 'full_name' || f === 'family_name' || f === 'given_name')

  const summary = job.state.phase === 'done' ? job.state.result : null
  const convertible = error !== null && (error.details as { convertible?: boolean } | undefined)?.convertible === true

  return (
    <section className={`import-wizard${dragging ? ' import-dragging' : ''}`} data-testid="import-wizard">
      <StepIntro step="import" />
      {dragging && <div className="import-overlay">{t('import.dropHere')}</div>}

      <section>
        <h3>{t('import.step.file')}</h3>
        <div className="import-kinds" role="radiogroup" aria-label={t('import.kind')}>
          {KINDS.map((k) => (
            <label key={k}>
              <input
                type="radio"
                name="import-kind"
                data-testid={`kind-${k}`}
                checked={kind === k}
                onChange={() => {
                  setKind(k)
                  if (path && info) void inspect(path, k, where)
                }}
              />{' '}
              {t(`import.kind.${k}`)}
            </label>
          ))}
        </div>
        <div className="import-drop" data-testid="drop-zone">
          <span>{t('import.drop')}</span>
          <button type="button" data-testid="choose-file" onClick={() => void choose().catch(onError)} disabled={busy}>
            {t('import.choose')}
          </button>
          {path && <code data-testid="import-path">{path}</code>}
        </div>
        {error && <ErrorBanner error={error} onDismiss={() => setError(null)} />}
        {noHeader && (
          <label>
            {t('import.noHeader.retry')}{' '}
            <input
              type="number"
              min={1}
              data-testid="header-row-retry"
              onKeyDown={(e) => {
                const n = Number(e.currentTarget.value)
                if (e.key === 'Enter' && Number.isInteger(n) && n >= 1) void inspect(path, kind, { headerRow: n })
              }}
            />
          </label>
        )}
        {convertible && (
          <button type="button" data-testid="convert" onClick={() => void convert()} disabled={busy}>
            {busy ? t('import.converting') : t('import.convert')}
          </button>
        )}
      </section>

      {info && path && (
        <>
          <section>
            <h3>{t('import.step.sheet')}</h3>
            <label>
              {t('import.sheet')}{' '}
              <select data-testid="sheet" value={info.sheet} onChange={(e) => void inspect(path, kind, { sheet: e.target.value })}>
                {info.sheets.map((s) => (
                  <option key={s.name} value={s.name}>
                    {s.name} {s.notes ? t('import.sheet.notes') : ''} {s.hidden ? t('import.sheet.hidden') : ''}
                  </option>
                ))}
              </select>
            </label>{' '}
            <label>
              {t('import.headerRow')}{' '}
              <input
                type="number"
                min={1}
                data-testid="header-row"
                defaultValue={info.headerRow}
                key={`${info.sheet}-${info.headerRow}`}
                onBlur={(e) => {
                  const n = Number(e.target.value)
                  if (Number.isInteger(n) && n >= 1 && n !== info.headerRow) void inspect(path, kind, { sheet: info.sheet, headerRow: n })
                }}
              />
            </label>
            {info.headerRows === 2 && (
              <p className="muted">{fill(t('import.headerRows2'), { a: info.headerRow, b: info.headerRow + 1 })}</p>
            )}
            {kind === 'site' && (
              <p data-testid="site-of-file">
                {info.site ? (
                  <label>
                    {t('import.site')} <input data-testid="site-name" value={site} size={40} onChange={(e) => setSite(e.target.value)} />{' '}
                    <span className="muted">
                      {t('import.site.help')}{' '}
                      {info.site.source !== 'given' && site === info.site.name ? t(`import.site.${info.site.source}`) : ''}
                    </span>
                  </label>
                ) : (
                  <span className="muted">{t('import.site.column')}</span>
                )}
              </p>
            )}
            {info.duplicateOf && (
              <p className="notice" data-testid="duplicate-warning">
                {fill(t('import.duplicate'), { at: formatDateTime(info.duplicateOf.importedAt), id: info.duplicateOf.importId })}
              </p>
            )}
          </section>

          <section>
            <h3>{t('import.step.mapping')}</h3>
            {info.template && <p className="muted">{fill(t('import.template.applied'), { name: info.template })}</p>}
            {!nameMapped && (
              <p className="notice" role="alert" data-testid="no-name-warning">
                {t('import.noName')}
              </p>
            )}
            <MappingTable
              columns={info.headers}
              fields={info.fields}
              value={columns}
              sample={info.preview.map((r) => r.cells)}
              onChange={(index, field) => {
                setChecked(null)
                setColumns((c) => ({ ...c, [index]: field }))
              }}
            />
            <p>
              <input
                data-testid="template-name"
                placeholder={t('import.template.name')}
                value={templateName}
                onChange={(e) => setTemplateName(e.target.value)}
              />{' '}
              <button type="button" data-testid="template-save" disabled={templateName.trim() === ''} onClick={() => void saveTemplate()}>
                {t('import.template.save')}
              </button>
            </p>
            {notice && <p className="notice">{notice}</p>}
          </section>

          <section>
            <h3>{t('import.step.preview')}</h3>
            <div className="import-scroll">
              <DataTable
                testId="preview-table"
                rows={info.preview}
                rowKey={(r) => r.row}
                columns={[
                  { id: 'row', header: 'import.row', cell: (r) => r.row },
                  ...info.headers.map((h): Column<Preview> => ({ id: String(h.index), head: h.label, cell: (r) => r.cells[h.index] }))
                ]}
              />
            </div>
          </section>

          <section>
            <h3>{t('import.step.validate')}</h3>
            <button type="button" data-testid="validate" onClick={() => void validate()}>
              {t('import.validate')}
            </button>
            {checked && <ValidateTable rows={checked} />}
          </section>

          <section>
            <h3>{t('import.step.import')}</h3>
            {job.state.phase !== 'running' && job.state.phase !== 'done' && (
              <button type="button" className="primary" data-testid="start-import" onClick={() => void start()}>
                {fill(t('import.start'), { file: info.fileName })}
              </button>
            )}
            <JobProgress state={job.state} onCancel={job.cancel} />
            {job.state.phase === 'failed' && <ErrorBanner error={job.state.error} onDismiss={job.reset} />}
          </section>

          {summary && (
            <section>
              <h3>{t('import.step.report')}</h3>
              <ImportReport summary={summary} onError={onError} />
              <button
                type="button"
                data-testid="import-again"
                onClick={() => {
                  setPath(null)
                  setInfo(null)
                  job.reset()
                }}
              >
                {t('import.again')}
              </button>
            </section>
          )}
        </>
      )}
    </section>
  )
}
