import { useState } from 'react'
import type { Req, Res } from '../../../../main/ipc/contract.ts'
import { call } from '../../api/client.ts'
import { DataTable } from '../../components/DataTable.tsx'
import { JobProgress } from '../../components/JobProgress.tsx'
import { useQuery } from '../../data/useQuery.ts'
import { useJob } from '../../hooks/useJob.ts'
import { fill } from '../../i18n/fill.ts'
import { useI18n } from '../../i18n/i18n.tsx'
import type { MessageKey } from '../../i18n/vi.ts'
import type { PageProps } from '../../shell/pages.tsx'
import { StepIntro } from '../StepIntro.tsx'
import { Histogram, STATUS_COLOR, STATUS_ORDER, type Thresholds } from './Histogram.tsx'
import { LinkDetail } from './LinkDetail.tsx'
import './link.css'
import { formatDateTime, formatNumber, type FormatLang } from '../../format/format.ts'

type Summary = Res<'link:summary'>
type Status = NonNullable<Req<'link:list'>['status']>
type Order = NonNullable<Req<'link:list'>['order']>

const PAGE = 50
const probabilityOf = (w: number, lang: FormatLang): string => formatNumber(1 / (1 + 2 ** -w), lang, 3)

/**
 * Linkage: run the match job, see how the match weights fall, move the two thresholds on
 * the histogram (the counts follow before anything is saved), then pick a link to see
 * the waterfall of why its records match.
 */
export function LinkPage({ refresh, onError, view }: PageProps) {
  const { t, lang } = useI18n()
  const [draft, setDraft] = useState<Thresholds | null>(null)
  // The Overview's persons and links tiles open the list of all; else the ones to review.
  const [status, setStatus] = useState<Status | ''>(view === 'all' ? '' : 'review')
  const [order, setOrder] = useState<Order>('weight_desc')
  const [selected, setSelected] = useState<number | null>(null)
  // Days within which two doses of one vaccine family count as one dose entered twice.
  const [windowDays, setWindowDays] = useState<number | null>(null)

  // Bumped after a job, so the summary and the list load again.
  const [version, setVersion] = useState(0)
  const job = useJob<'match' | 'link-thresholds'>((ok) => {
    if (!ok) return
    setVersion((v) => v + 1)
    refresh()
  })

  const summary = useQuery('link:summary', {}, { onError, deps: [version] }).data
  // Each summary that arrives resets the thresholds and the window being edited to what is saved.
  const [seeded, setSeeded] = useState<Summary | null>(null)
  if (summary !== seeded) {
    setSeeded(summary)
    setDraft(summary?.thresholds ?? null)
    setWindowDays(summary?.duplicateWindowDays ?? null)
  }

  const listed = { ...(status ? { status } : {}), order }
  const links = useQuery('link:list', { ...listed, offset: 0, limit: PAGE }, { onError, deps: [version] })
  const list = links.data
  const more = (): void => {
    if (!list) return
    call('link:list', { ...listed, offset: list.rows.length, limit: PAGE }).then(
      // Appended only to the list it continues: a changed filter's answer is not extended.
      (next) => links.setData((shown) => (shown === list ? { ...next, rows: [...list.rows, ...next.rows] } : shown)),
      onError
    )
  }

  const dirty = !!draft && !!summary && (draft.auto !== summary.thresholds.auto || draft.review !== summary.thresholds.review)
  // Counts under the dragged thresholds, a moment after the user stops moving them.
  const preview = useQuery('link:preview', draft && dirty ? draft : null, { onError, delayMs: 150 })
  const shownPreview = dirty && !preview.stale ? (preview.data?.statuses ?? null) : null

  const detail = useQuery('link:detail', selected === null ? null : { linkId: selected }, { onError, deps: [version] }).data
  const shownDetail = selected !== null && detail?.linkId === selected ? detail : null

  const running = job.state.phase === 'running'
  const setNumber = (which: keyof Thresholds, raw: string): void => {
    const v = Number(raw)
    if (!draft || raw.trim() === '' || !Number.isFinite(v)) return
    setDraft({ ...draft, [which]: v })
  }
  const orderOk = !draft || draft.review <= draft.auto

  return (
    <section className="link-page">
      <StepIntro step="link" />
      <div className="link-run">
        <button
          type="button"
          className="primary"
          data-testid="link-run"
          disabled={running}
          onClick={() => void job.start({ kind: 'match', ...(windowDays !== null && { duplicateWindowDays: windowDays }) })}
        >
          {summary?.run ? t('link.rerun') : t('link.run')}
        </button>
        <label className="small">
          {t('link.window')}{' '}
          <input
            type="number"
            min={0}
            max={60}
            step={1}
            value={windowDays ?? ''}
            disabled={running || windowDays === null}
            onChange={(e) => {
              const v = Math.trunc(Number(e.target.value))
              if (e.target.value.trim() !== '' && Number.isFinite(v)) setWindowDays(Math.min(60, Math.max(0, v)))
            }}
            data-testid="link-window"
          />{' '}
          {t('link.window.days')}
        </label>
        <span className="muted small">
          {summary?.run ? `${t('link.lastRun')}: ${formatDateTime(summary.run.startedAt)} · ${t('link.keepsDecisions')}` : t('link.never')}
        </span>
        {job.state.phase === 'done' ? (
          <span className="ok" data-testid="link-done">
            {t('link.done')}
          </span>
        ) : null}
      </div>
      <JobProgress state={job.state} onCancel={job.cancel} />

      {summary?.run ? (
        <>
          <p className="muted small">{t('link.statuses.unit')}</p>
          <dl className="tiles status-tiles" data-testid="link-statuses">
            {STATUS_ORDER.map((s) => (
              <div className="tile" key={s}>
                <dt>
                  <span className="swatch" style={{ background: STATUS_COLOR[s] }} />
                  {t(`link.status.${s}` as MessageKey)}
                </dt>
                <dd data-testid={`link-status-${s}`}>{formatNumber(summary.statuses[s] ?? 0, lang)}</dd>
                <dd className="muted kinds" data-testid={`link-status-${s}-kinds`}>
                  {fill(t('link.statuses.byKind'), {
                    persons: formatNumber(summary.statusesByKind.person[s] ?? 0, lang),
                    complaints: formatNumber(summary.statusesByKind.complaint[s] ?? 0, lang)
                  })}
                </dd>
              </div>
            ))}
          </dl>

          <h3>{t('link.histogram')}</h3>
          {draft ? <Histogram bins={summary.histogram} thresholds={draft} onChange={setDraft} /> : null}
          <p className="muted small">{t('link.histogram.hint')}</p>
          {draft ? (
            <div className="thresholds">
              {(['review', 'auto'] as const).map((which) => (
                <label key={which}>
                  {t(`link.threshold.${which}` as MessageKey)}
                  <input
                    type="number"
                    step={0.5}
                    value={draft[which]}
                    data-testid={`link-threshold-${which}-input`}
                    onChange={(e) => setNumber(which, e.target.value)}
                  />
                  <span className="muted small">{fill(t('link.threshold.probability'), { p: probabilityOf(draft[which], lang) })}</span>
                </label>
              ))}
              <button
                type="button"
                className="primary"
                data-testid="link-apply"
                disabled={!dirty || running || !orderOk}
                onClick={() => void job.start({ kind: 'link-thresholds', thresholds: draft })}
              >
                {t('link.threshold.apply')}
              </button>
              <button type="button" disabled={!dirty} onClick={() => setDraft(summary.thresholds)}>
                {t('link.threshold.reset')}
              </button>
            </div>
          ) : null}
          {!orderOk ? <p className="bad">{t('link.threshold.order')}</p> : null}
          {shownPreview ? (
            <p className="preview" data-testid="link-preview">
              <strong>{t('link.threshold.preview')}:</strong>
              {STATUS_ORDER.filter((s) => shownPreview[s] !== undefined).map((s) => (
                <span
                  key={s}
                  data-testid={`link-preview-${s}`}
                >{`${t(`link.status.${s}` as MessageKey)} ${formatNumber(shownPreview[s], lang)}`}</span>
              ))}
            </p>
          ) : null}
          {Object.keys(summary.holds).length > 0 ? (
            <p className="small" data-testid="link-holds">
              {t('link.holds')}:{' '}
              {Object.entries(summary.holds)
                .map(([k, n]) => `${t(`link.hold.${k}` as MessageKey)} (${formatNumber(n, lang)})`)
                .join(' · ')}
            </p>
          ) : null}
          {Object.keys(summary.doseIssues).length > 0 ? (
            <p className="small" data-testid="link-dose-summary">
              {t('link.doseIssues')}:{' '}
              {Object.entries(summary.doseIssues)
                .map(([k, n]) => `${t(`link.dose.${k}` as MessageKey)} (${formatNumber(n, lang)})`)
                .join(' · ')}
            </p>
          ) : null}

          <div className="link-layout">
            <div>
              <h3>{t('link.list')}</h3>
              <div className="tabs" role="tablist">
                {(['', ...STATUS_ORDER] as const).map((s) => (
                  <button
                    key={s || 'all'}
                    type="button"
                    role="tab"
                    aria-selected={status === s}
                    data-testid={`link-tab-${s || 'all'}`}
                    onClick={() => setStatus(s)}
                  >
                    {s ? t(`link.status.${s}` as MessageKey) : t('link.list.all')}
                  </button>
                ))}
                <label className="small">
                  {t('link.list.order')}{' '}
                  <select value={order} onChange={(e) => setOrder(e.target.value as Order)}>
                    <option value="weight_desc">{t('link.list.weightDesc')}</option>
                    <option value="weight_asc">{t('link.list.weightAsc')}</option>
                  </select>
                </label>
              </div>
              {list ? (
                <DataTable
                  empty="link.list.empty"
                  testId="link-table"
                  rows={list.rows}
                  rowKey={(r) => r.linkId}
                  rowAttributes={(r) => ({ 'data-testid': `link-row-${r.linkId}` })}
                  isSelected={(r) => selected === r.linkId}
                  columns={[
                    {
                      id: 'subject',
                      header: 'link.col.subject',
                      cell: (r) => (
                        <button type="button" className="linklike" onClick={() => setSelected(r.linkId)}>
                          {r.subjectKind === 'complaint' ? `${t('link.kind.complaint')}: ` : ''}
                          {r.subjectName ?? '—'}
                        </button>
                      )
                    },
                    { id: 'rows', header: 'link.col.rows', cell: (r) => formatNumber(r.rows, lang) },
                    { id: 'registry', header: 'link.col.registry', cell: (r) => r.registryName ?? '—' },
                    { id: 'weight', header: 'link.col.weight', cell: (r) => (r.weight === null ? '—' : formatNumber(r.weight, lang, 1)) },
                    {
                      id: 'status',
                      header: 'link.col.status',
                      cell: (r) => (
                        <>
                          {t(`link.status.${r.status}` as MessageKey)}
                          {r.hold ? <span className="muted small">{` · ${t(`link.hold.${r.hold}` as MessageKey)}`}</span> : null}
                        </>
                      )
                    }
                  ]}
                />
              ) : null}
              {list && list.rows.length < list.total ? (
                <button type="button" onClick={more}>
                  {`${t('link.list.more')} (${list.rows.length}/${list.total})`}
                </button>
              ) : null}
            </div>
            {shownDetail ? <LinkDetail detail={shownDetail} onClose={() => setSelected(null)} /> : null}
          </div>
        </>
      ) : null}
    </section>
  )
}
