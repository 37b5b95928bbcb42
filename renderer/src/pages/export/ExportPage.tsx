import { useEffect, useState, type FormEvent } from 'react'
import type { JobResults, Res } from '../../../../main/ipc/contract.ts'
import { call } from '../../api/client.ts'
import { JobProgress } from '../../components/JobProgress.tsx'
import { DataTable } from '../../components/DataTable.tsx'
import { useQuery } from '../../data/useQuery.ts'
import { useJob } from '../../hooks/useJob.ts'
import { fill } from '../../i18n/fill.ts'
import { useI18n } from '../../i18n/i18n.tsx'
import type { MessageKey } from '../../i18n/vi.ts'
import type { PageProps } from '../../shell/pages.tsx'
import { StepIntro } from '../StepIntro.tsx'
import { useCurrentUser } from '../users/session.tsx'
import { formatDateTime as when, formatNumber } from '../../format/format.ts'
import '../approve/approve.css'
import { PasswordField } from '../../components/PasswordField.tsx'

type Verdict = Res<'export:verify'>

type ExportOutcome = JobResults['export']

/**
 * Signs and exports every approved correction as one batch. The supervisor types their
 * password again: it opens their signing key, in the export job, for this batch only.
 */
export function ExportPage({ refresh, onError }: PageProps) {
  const { t, lang } = useI18n()
  const me = useCurrentUser()
  const batches = useQuery('export:batches', {}, { onError })
  const data = batches.data
  const [dir, setDir] = useState<string | null>(null)
  const [password, setPassword] = useState('')
  const [outcome, setOutcome] = useState<ExportOutcome | null>(null)
  const [verdicts, setVerdicts] = useState<Record<number, Verdict>>({})

  const job = useJob<'export'>((_ok, result) => {
    if (result) setOutcome(result)
    refresh()
    void batches.refetch()
  })
  useEffect(() => {
    if (job.state.phase === 'failed') onError(job.state.error)
  }, [job.state, onError])

  const start = (e: FormEvent) => {
    e.preventDefault()
    if (!dir) return
    setOutcome(null)
    void job.start({ kind: 'export', outDir: dir, signer: me.name, password })
    setPassword('')
  }
  const verify = (id: number) => call('export:verify', { batchId: id }).then((v) => setVerdicts((prev) => ({ ...prev, [id]: v })), onError)

  return (
    <section>
      <StepIntro step="export" />
      <p>
        {t('export.pending')}: <strong data-testid="export-pending">{data?.pending ?? 0}</strong>
      </p>
      {data && data.completed.length > 0 && <p className="notice">{fill(t('export.completed'), { list: data.completed.join(', ') })}</p>}
      {me.role !== 'supervisor' ? (
        <p className="muted" data-testid="export-only-supervisor">
          {t('export.onlySupervisor')}
        </p>
      ) : (
        <form className="export-form" onSubmit={start}>
          <div>
            {t('export.folder')}:{' '}
            <span className="mono" data-testid="export-dir">
              {dir ?? t('export.noFolder')}
            </span>{' '}
            <button
              type="button"
              data-testid="export-choose-dir"
              onClick={() => call('dialog:chooseExportDir', {}).then((r) => r.path && setDir(r.path), onError)}
            >
              {t('export.chooseFolder')}
            </button>
          </div>
          <PasswordField label={t('export.password')} testId="export-password" value={password} onChange={setPassword} />
          <button
            type="submit"
            className="primary"
            data-testid="export-start"
            disabled={!dir || !password || job.state.phase === 'running' || (data?.pending ?? 0) === 0}
          >
            {t('export.sign')}
          </button>
        </form>
      )}
      <JobProgress state={job.state} onCancel={job.cancel} />
      {outcome && (
        <p role="status" className="notice" data-testid="export-result">
          {outcome.batch
            ? fill(t('export.done'), { batch: outcome.batch.batchNo, n: formatNumber(outcome.batch.corrections, lang) })
            : t('export.nothing')}
        </p>
      )}
      <p className="muted small">{t('export.howTo')}</p>
      <h3>{t('export.batches')}</h3>
      <DataTable
        empty="export.noBatches"
        testId="batch-table"
        rows={data?.batches ?? []}
        rowKey={(b) => b.id}
        rowAttributes={(b) => ({ 'data-testid': `batch-${b.batchNo}` })}
        columns={[
          { id: 'batch', header: 'export.col.batch', cell: (b) => b.batchNo, td: (b) => ({ className: 'mono', title: b.path }) },
          { id: 'time', header: 'export.col.time', cell: (b) => when(b.createdAt) },
          { id: 'count', header: 'export.col.count', cell: (b) => b.corrections },
          { id: 'signer', header: 'export.col.signer', cell: (b) => b.signer },
          {
            id: 'files',
            header: 'export.col.files',
            cell: (b) => t(`export.files.${b.files}` as MessageKey),
            td: (b) => ({ 'data-testid': `batch-files-${b.batchNo}` })
          },
          {
            id: 'hash',
            header: 'export.col.hash',
            cell: (b) => `${b.sha256.slice(0, 16)}…`,
            td: (b) => ({ className: 'mono small', title: b.sha256 })
          },
          {
            id: 'verify',
            cell: (b) => (
              <>
                <button type="button" data-testid={`batch-verify-${b.batchNo}`} onClick={() => void verify(b.id)}>
                  {t('export.verify')}
                </button>{' '}
                {verdicts[b.id] && (
                  <span data-testid={`batch-verdict-${b.batchNo}`} className={verdicts[b.id]?.ok ? 'ok' : 'bad'}>
                    {verdicts[b.id]?.ok ? t('export.verified') : `${t('export.verifyFailed')} (${verdicts[b.id]?.problems.join(', ')})`}
                  </span>
                )}
              </>
            )
          }
        ]}
      />
    </section>
  )
}
