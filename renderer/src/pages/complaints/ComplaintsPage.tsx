import { useEffect, useState } from 'react'
import type { Req, Res } from '../../../../main/ipc/contract.ts'
import { call } from '../../api/client.ts'
import { DataTable } from '../../components/DataTable.tsx'
import { useQuery } from '../../data/useQuery.ts'
import { fill } from '../../i18n/fill.ts'
import { useI18n } from '../../i18n/i18n.tsx'
import type { MessageKey } from '../../i18n/vi.ts'
import type { PageProps } from '../../shell/pages.tsx'
import { StepIntro } from '../StepIntro.tsx'
import { ComplaintEvidence } from './ComplaintEvidence.tsx'
import { Countdown } from './Countdown.tsx'
import { NO_FILTER, QueueFilters, type QueueFilter } from './QueueFilters.tsx'
import { useNow } from './time.ts'
import { formatDateTime, formatDateValue, formatNumber } from '../../format/format.ts'
import './complaints.css'

type View = NonNullable<Req<'complaints:queue'>['view']>
type Item = Res<'complaints:queue'>['items'][number]

/** Not yet answered for good: no outcome, or one deferred. */
const stillOpen = (c: Item): boolean => c.outcome === null || c.outcome.outcome === 'deferred'

/**
 * The complaints queue: those still answerable in time first (the 48-hour deadline
 * closest), then the overdue, with a live countdown; search and filters; resolved ones say
 * who resolved them and when. Opening one shows its evidence and takes an outcome.
 */
export function ComplaintsPage({ refresh, onError, view: opened }: PageProps) {
  const { t, lang } = useI18n()
  const num = (n: number) => formatNumber(n, lang)
  const now = useNow()
  // The Overview's tiles open the overdue ones, or every complaint.
  const [view, setView] = useState<View>(opened === 'all' ? 'all' : 'open')
  const [open, setOpen] = useState<number | null>(null)
  const [message, setMessage] = useState('')
  const initial: QueueFilter = opened === 'overdue' ? { ...NO_FILTER, states: ['overdue'] } : NO_FILTER
  const [filter, setFilter] = useState<QueueFilter>(initial)
  // Typing in the search box asks again once it pauses; a choice in a list asks at once.
  const [asked, setAsked] = useState<QueueFilter>(initial)
  useEffect(() => {
    const id = setTimeout(() => setAsked(filter), filter.search === asked.search ? 0 : 250)
    return () => clearTimeout(id)
  }, [filter, asked.search])
  const listed = useQuery('complaints:queue', { view, ...asked, offset: 0, limit: 500 }, { onError })
  const queue = listed.data

  const resolve = async (req: Req<'complaints:resolve'>) => {
    try {
      await call('complaints:resolve', req)
      const id = queue?.items.find((i) => i.recordId === req.recordId)?.complaintId ?? ''
      setMessage(fill(t('complaints.saved'), { id }))
      setOpen(null)
      refresh()
      await listed.refetch()
    } catch (e) {
      onError(e)
    }
  }

  if (open !== null) {
    return (
      <section className="complaints-page">
        <StepIntro step="complaints" />
        <ComplaintEvidence recordId={open} now={now} onResolved={(r) => void resolve(r)} onBack={() => setOpen(null)} onError={onError} />
      </section>
    )
  }
  return (
    <section className="complaints-page">
      <StepIntro step="complaints" />
      <div className="tabs" role="tablist">
        {(['open', 'resolved', 'all'] as const).map((v) => (
          <button
            key={v}
            type="button"
            role="tab"
            aria-selected={view === v}
            onClick={() => setView(v)}
            data-testid={`complaints-view-${v}`}
          >
            {t(`complaints.view.${v}`)}
          </button>
        ))}
      </div>
      {queue && (
        <p className="muted" data-testid="complaints-counts">
          {fill(t('complaints.counts'), {
            open: num(queue.counts.open),
            overdue: num(queue.counts.overdue),
            resolved: num(queue.counts.resolved),
            late: num(queue.counts.resolvedLate)
          })}
          {' · '}
          <span data-testid="complaints-shown">{fill(t('complaints.filter.shown'), { n: num(queue.total) })}</span>
        </p>
      )}
      <QueueFilters filter={filter} sites={queue?.sites ?? []} onChange={setFilter} />
      {message && (
        <p role="status" className="review-message" data-testid="complaints-message">
          {message}
        </p>
      )}
      {queue && (
        <DataTable
          empty="complaints.empty"
          className="complaints-queue"
          testId="complaints-queue"
          rows={queue.items}
          rowKey={(c) => c.recordId}
          rowAttributes={(c) => ({
            className: c.overdue ? 'overdue' : undefined,
            'data-testid': `complaint-${c.complaintId ?? c.recordId}`,
            'data-overdue': c.overdue
          })}
          onOpen={(c) => setOpen(c.recordId)}
          columns={[
            {
              id: 'id',
              header: 'complaints.col.id',
              cell: (c) => (
                <>
                  {c.overdue && (
                    <span className="overdue-flag" aria-hidden="true">
                      ⚑{' '}
                    </span>
                  )}
                  {c.complaintId}
                </>
              )
            },
            { id: 'submitted', header: 'complaints.col.submitted', cell: (c) => formatDateValue(c.submittedAt) },
            { id: 'deadline', header: 'complaints.col.deadline', cell: (c) => formatDateTime(c.deadline) },
            {
              id: 'left',
              header: 'complaints.col.left',
              cell: (c) => <Countdown deadline={c.deadline} now={now} open={stillOpen(c)} />
            },
            { id: 'type', header: 'complaints.col.type', cell: (c) => t(`complaints.claim.${c.claim}` as MessageKey) },
            {
              id: 'name',
              header: 'complaints.col.name',
              cell: (c) => (
                <>
                  {c.fullName}
                  {!c.linked && <span className="badge warn">{t('complaints.unlinked')}</span>}
                </>
              )
            },
            {
              id: 'site',
              header: 'complaints.col.site',
              cell: (c) => c.siteName,
              td: (c) => ({ className: 'clip', title: c.siteName ?? undefined })
            },
            {
              id: 'outcome',
              header: 'complaints.col.outcome',
              cell: (c) =>
                c.outcome && (
                  <>
                    {t(`complaints.outcome.${c.outcome.outcome}`)} · {t(`complaints.reason.${c.outcome.reasonCode}` as MessageKey)}
                    {c.resolvedInTime !== null && (
                      <span className={`badge${c.resolvedInTime ? '' : ' warn'}`}>
                        {t(c.resolvedInTime ? 'complaints.inTime' : 'complaints.late')}
                      </span>
                    )}
                  </>
                )
            },
            view !== 'open' && {
              id: 'resolvedBy',
              header: 'complaints.col.resolvedBy',
              cell: (c) => c.outcome && !stillOpen(c) && `${c.outcome.decidedBy}, ${formatDateTime(c.outcome.decidedAt)}`,
              td: () => ({ 'data-testid': 'resolved-by' })
            }
          ]}
        />
      )}
    </section>
  )
}
