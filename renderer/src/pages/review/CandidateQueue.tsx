import { useEffect, useState } from 'react'
import type { Req, Res } from '../../../../main/ipc/contract.ts'
import { DataTable } from '../../components/DataTable.tsx'
import { useQuery } from '../../data/useQuery.ts'
import { fill } from '../../i18n/fill.ts'
import { useI18n } from '../../i18n/i18n.tsx'
import type { MessageKey } from '../../i18n/vi.ts'
import { CandidatesPanel } from './CandidatesPanel.tsx'
import { NotInRegistryBar } from './NotInRegistryBar.tsx'
import { formatDateValue, formatNumber } from '../../format/format.ts'

type Queue = Res<'review:candidateQueue'>
type Item = Queue['items'][number]
type Status = NonNullable<Req<'review:candidateQueue'>['statuses']>[number]
const PAGE = 100
const STATUSES: Status[] = ['review', 'none', 'rejected']
const keyOf = (i: Item): string => `${i.subject.kind}-${i.subject.id}`

/**
 * Subjects waiting for a person: links in the review band, and rows without a link (or
 * unlinked by a clerk), searchable and filtered. Keys alone finish it: j/k or ↓/↑ move,
 * Enter opens the candidates, 1–9 or 0 decide, and the next subject opens by itself.
 */
export function CandidateQueue({ onChanged, onError }: { onChanged(): void; onError(e: unknown): void }) {
  const { t, lang } = useI18n()
  const [selected, setSelected] = useState<Item | null>(null)
  const [message, setMessage] = useState('')
  const [search, setSearch] = useState('')
  const [asked, setAsked] = useState('')
  const [status, setStatus] = useState<Status | ''>('')
  useEffect(() => {
    const id = setTimeout(() => setAsked(search), 250)
    return () => clearTimeout(id)
  }, [search])
  const waiting = useQuery(
    'review:candidateQueue',
    { offset: 0, limit: PAGE, search: asked, statuses: status ? [status] : [] },
    { onError }
  )
  const queue = waiting.data
  const load = waiting.refetch
  if (!queue) return null
  return (
    <div className="candidate-queue" data-testid="candidate-queue">
      <div>
        <div className="queue-filters">
          <input
            type="search"
            value={search}
            placeholder={t('review.search')}
            onChange={(e) => setSearch(e.target.value)}
            data-testid="queue-search"
          />
          <select value={status} onChange={(e) => setStatus(e.target.value as Status | '')} data-testid="queue-status">
            <option value="">{t('review.candidates.allStatuses')}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`review.candidates.status.${s}` as MessageKey)}
              </option>
            ))}
          </select>
          <span className="muted">{fill(t('review.candidates.queue'), { n: formatNumber(queue.total, lang) })}</span>
        </div>
        <NotInRegistryBar
          onDone={(m) => {
            setMessage(m)
            setSelected(null)
            onChanged()
            void load()
          }}
          onError={onError}
        />
        {message && (
          <p role="status" className="review-message" data-testid="queue-message">
            {message}
          </p>
        )}
        <DataTable
          rows={queue.items}
          rowKey={keyOf}
          testId="queue-table"
          empty="review.candidates.queueEmpty"
          rowAttributes={(i) => ({ 'data-testid': `queue-${i.subject.kind}-${i.subject.id}` })}
          onOpen={(i) => setSelected(i)}
          isSelected={(i) => selected !== null && keyOf(selected) === keyOf(i)}
          moveKeys
          columns={[
            { id: 'name', header: 'review.id.name', cell: (i) => i.fullName },
            { id: 'dob', header: 'review.id.dob', cell: (i) => formatDateValue(i.dob), td: () => ({ className: 'date' }) },
            { id: 'site', header: 'review.person.site', cell: (i) => i.siteName, td: (i) => ({ className: 'clip', title: i.siteName }) },
            { id: 'status', header: 'review.col.status', cell: (i) => t(`review.candidates.status.${i.status}` as MessageKey) ?? i.status },
            {
              id: 'weight',
              header: 'review.candidates.weight',
              cell: (i) => (i.topWeight === null ? '' : `${formatNumber(i.topWeight, lang, 1)} (${formatNumber(i.candidates, lang)})`)
            }
          ]}
        />
      </div>
      {selected && (
        <CandidatesPanel
          key={keyOf(selected)}
          subject={selected.subject}
          onPicked={async (warning) => {
            setMessage(`${t('review.done.link')} ${warning}`.trim())
            onChanged()
            const q = await load()
            setSelected(q?.items[0] ?? null)
          }}
          onError={onError}
        />
      )}
    </div>
  )
}
