import { useEffect, useState } from 'react'
import type { JobState } from '../hooks/useJob.ts'
import { useFormat } from '../format/useFormat.ts'
import { useI18n } from '../i18n/i18n.tsx'
import type { MessageKey } from '../i18n/vi.ts'

/** 45 s, 3:05, 1:02:09: short enough for a status line. */
function clock(seconds: number): string {
  const s = Math.max(0, Math.round(seconds))
  if (s < 60) return `${s} s`
  const two = (n: number) => String(n).padStart(2, '0')
  const [h, m] = [Math.floor(s / 3600), Math.floor((s % 3600) / 60)]
  return h > 0 ? `${h}:${two(m)}:${two(s % 60)}` : `${m}:${two(s % 60)}`
}

/**
 * A job's progress: the stage by name (linkage's "dedup:block" reads as two), count done of
 * the total when it is known, rate, time left, time so far, and cancel. A stage that cannot
 * count its work shows a moving bar and the time so far instead of a lone "0".
 */
export function JobProgress({ state, onCancel }: { state: JobState; onCancel: () => void }) {
  const { t } = useI18n()
  const f = useFormat()
  const [now, setNow] = useState(() => Date.now())
  const running = state.phase === 'running'
  useEffect(() => {
    if (!running) return
    const id = setInterval(() => setNow(Date.now()), 1000)
    return () => clearInterval(id)
  }, [running])
  if (state.phase !== 'running') return null
  const p = state.progress
  const total = p?.progress.total ?? null
  const done = p?.progress.done ?? 0
  const pct = total ? Math.min(100, (100 * done) / total) : null
  const stage = p
    ? p.progress.stage
        .split(':')
        .map((part) => t(`job.stage.${part}` as MessageKey) ?? part)
        .join(' · ')
    : t('job.starting')
  const counted = p !== null && (total !== null || done > 0)
  return (
    <div className="job-progress" data-testid="job-progress" role="status">
      <span className="job-stage" data-testid="job-stage">
        {stage}
      </span>
      <progress max={100} value={pct ?? undefined} />
      {counted && <span data-testid="job-count">{`${f.num(done)}${total !== null ? ` / ${f.num(total)}` : ''}`}</span>}
      {p?.rowsPerSecond ? <span data-testid="job-rate">{`${f.num(Math.round(p.rowsPerSecond))} ${t('job.perSecond')}`}</span> : null}
      {p?.etaSeconds !== null && p?.etaSeconds !== undefined ? (
        <span data-testid="job-eta">{`${t('job.eta')} ${clock(p.etaSeconds)}`}</span>
      ) : null}
      <span className="muted" data-testid="job-elapsed">{`${t('job.elapsed')} ${clock((now - state.startedAt) / 1000)}`}</span>
      <button type="button" data-testid="job-cancel" onClick={onCancel}>
        {t('job.cancel')}
      </button>
    </div>
  )
}
