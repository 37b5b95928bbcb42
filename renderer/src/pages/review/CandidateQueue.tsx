import { useCallback, useEffect, useState } from 'react'
import type { Res } from '../../../../main/ipc/contract.ts'
import { call } from '../../api/client.ts'
import { fill } from '../../i18n/fill.ts'
import { useI18n } from '../../i18n/i18n.tsx'
import type { MessageKey } from '../../i18n/vi.ts'
import { CandidatesPanel } from './CandidatesPanel.tsx'
import { formatDateValue, formatNumber } from '../../format/format.ts'

type Queue = Res<'review:candidateQueue'>
type Item = Queue['items'][number]
const PAGE = 100

/**
 * Subjects waiting for a person: links in the review band, and rows without a link (or
 * unlinked by a clerk). Choosing one opens its candidates; deciding moves to the next.
 */
export function CandidateQueue({ onChanged, onError }: { onChanged(): void; onError(e: unknown): void }) {
  const { t, lang } = useI18n()
  const [queue, setQueue] = useState<Queue | null>(null)
  const [selected, setSelected] = useState<Item | null>(null)
  const [message, setMessage] = useState('')
  const load = useCallback(
    () =>
      call('review:candidateQueue', { offset: 0, limit: PAGE }).then((q) => {
        setQueue(q)
        return q
      }, onError),
    [onError]
  )
  useEffect(() => {
    void load()
  }, [load])
  if (!queue) return null
  return (
    <div className="candidate-queue" data-testid="candidate-queue">
      <div>
        <p className="muted">{fill(t('review.candidates.queue'), { n: formatNumber(queue.total, lang) })}</p>
        {message && (
          <p role="status" className="review-message">
            {message}
          </p>
        )}
        {queue.items.length === 0 ? (
          <p className="muted">{t('review.candidates.queueEmpty')}</p>
        ) : (
          <table className="data">
            <thead>
              <tr>
                <th>{t('review.id.name')}</th>
                <th>{t('review.id.dob')}</th>
                <th>{t('review.person.site')}</th>
                <th>{t('review.col.status')}</th>
                <th>{t('review.candidates.weight')}</th>
              </tr>
            </thead>
            <tbody>
              {queue.items.map((i) => (
                <tr
                  key={`${i.subject.kind}-${i.subject.id}`}
                  tabIndex={0}
                  aria-selected={selected?.subject.id === i.subject.id && selected.subject.kind === i.subject.kind}
                  data-testid={`queue-${i.subject.kind}-${i.subject.id}`}
                  onClick={() => setSelected(i)}
                  onKeyDown={(e) => e.key === 'Enter' && setSelected(i)}
                >
                  <td>{i.fullName}</td>
                  <td>{formatDateValue(i.dob)}</td>
                  <td>{i.siteName}</td>
                  <td>{t(`review.candidates.status.${i.status}` as MessageKey) ?? i.status}</td>
                  <td>{i.topWeight === null ? '' : `${formatNumber(i.topWeight, lang, 1)} (${formatNumber(i.candidates, lang)})`}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
      {selected && (
        <CandidatesPanel
          key={`${selected.subject.kind}-${selected.subject.id}`}
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
