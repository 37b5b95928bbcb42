import type { JobState } from '../hooks/useJob.ts'
import { useFormat } from '../format/useFormat.ts'
import { useI18n } from '../i18n/i18n.tsx'

/** A progress bar with rows per second, time left and a cancel button. */
export function JobProgress({ state, onCancel }: { state: JobState; onCancel: () => void }) {
  const { t } = useI18n()
  const f = useFormat()
  if (state.phase !== 'running') return null
  const p = state.progress
  const pct = p && p.progress.total ? Math.min(100, (100 * p.progress.done) / p.progress.total) : null
  return (
    <div className="job-progress" data-testid="job-progress" role="status">
      <progress max={100} value={pct ?? undefined} />
      <span>
        {p ? `${f.num(p.progress.done)}${p.progress.total ? ` / ${f.num(p.progress.total)}` : ''}` : t('job.starting')}
      </span>
      {p?.rowsPerSecond ? <span>{`${f.num(Math.round(p.rowsPerSecond))} ${t('job.perSecond')}`}</span> : null}
      {p?.etaSeconds !== null && p?.etaSeconds !== undefined ? <span>{`${t('job.eta')} ${Math.ceil(p.etaSeconds)} s`}</span> : null}
      <button type="button" data-testid="job-cancel" onClick={onCancel}>
        {t('job.cancel')}
      </button>
    </div>
  )
}
