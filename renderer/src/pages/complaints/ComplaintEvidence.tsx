import type { Req } from '../../../../main/ipc/contract.ts'
import { DataTable } from '../../components/DataTable.tsx'
import { Highlighted } from '../../components/Highlighted.tsx'
import { useQuery } from '../../data/useQuery.ts'
import { useI18n } from '../../i18n/i18n.tsx'
import type { MessageKey } from '../../i18n/vi.ts'
import { Countdown } from './Countdown.tsx'
import { OutcomeForm } from './OutcomeForm.tsx'
import { formatDateTime, formatDateValue, formatGender } from '../../format/format.ts'

/** One complaint's evidence side by side: the claim, the registry person, the site rows. */
export function ComplaintEvidence(props: {
  recordId: number
  now: number
  onResolved(r: Req<'complaints:resolve'>): void
  onBack(): void
  onError(e: unknown): void
}) {
  const { t, lang } = useI18n()
  const { recordId, onError } = props
  const e = useQuery('complaints:evidence', { recordId }, { onError }).data
  if (!e) return null
  const open = e.item.outcome === null || e.item.outcome.outcome === 'deferred'
  const empty = t('review.cell.empty')
  return (
    <section className="complaint-evidence" data-testid="complaint-evidence">
      <header>
        <button type="button" onClick={props.onBack} data-testid="complaint-back">
          ← {t('complaints.back')}
        </button>
        <h3>
          {e.item.complaintId} · {t(`complaints.claim.${e.item.claim}` as MessageKey)}
        </h3>
        <span className="muted">
          {formatDateTime(e.item.deadline)} <Countdown deadline={e.item.deadline} now={props.now} open={open} />
        </span>
      </header>
      <div className="evidence-columns">
        <div className="evidence-col" data-testid="evidence-claim">
          <h4>{t('complaints.evidence.claim')}</h4>
          <dl>
            <dt>{t('review.id.name')}</dt>
            <dd>{e.identity.full_name}</dd>
            <dt>{t('review.id.dob')}</dt>
            <dd>{formatDateValue(e.identity.dob)}</dd>
            <dt>{t('review.id.nationalId')}</dt>
            <dd>{e.identity.national_id}</dd>
            <dt>{t('review.id.phone')}</dt>
            <dd>{e.identity.phone}</dd>
            <dt>{t('complaints.evidence.claimDose')}</dt>
            <dd>
              {[
                e.claimDose.doseNumber !== null ? `#${e.claimDose.doseNumber}` : null,
                e.claimDose.vaccine,
                formatDateValue(e.claimDose.doseDate),
                e.claimDose.siteName
              ]
                .filter(Boolean)
                .join(' · ')}
            </dd>
            <dt>{t('complaints.evidence.description')}</dt>
            <dd>{e.description}</dd>
            <dt>{t('review.id.source')}</dt>
            <dd className="small">{e.source}</dd>
          </dl>
        </div>
        <div className="evidence-col" data-testid="evidence-registry">
          <h4>{t('complaints.evidence.registry')}</h4>
          {e.registry ? (
            <dl>
              <dt>{t('review.id.name')}</dt>
              <dd>{e.registry.fullName}</dd>
              <dt>{t('review.id.dob')}</dt>
              <dd>{formatDateValue(e.registry.dob)}</dd>
              <dt>{t('review.id.gender')}</dt>
              <dd>{formatGender(e.registry.gender, lang)}</dd>
              <dt>{t('review.id.nationalId')}</dt>
              <dd>{e.registry.nationalId}</dd>
              <dt>{t('review.id.address')}</dt>
              <dd>{e.registry.address}</dd>
            </dl>
          ) : (
            <p className="muted">{t('complaints.evidence.noRegistry')}</p>
          )}
          {e.identityDiffs.length > 0 && (
            <>
              <h4>{t('complaints.evidence.identity')}</h4>
              <DataTable
                className="compact"
                testId="identity-diffs"
                rows={e.identityDiffs}
                rowKey={(d) => d.field}
                rowAttributes={(d) => ({ 'data-class': d.class })}
                columns={[
                  { id: 'field', rowHeader: true, cell: (d) => t(`review.field.${d.field}` as MessageKey) },
                  { id: 'claimed', cell: (d) => <Highlighted text={d.claimed} ranges={d.highlight.site} empty={empty} /> },
                  { id: 'registry', cell: (d) => <Highlighted text={d.registry} ranges={d.highlight.registry} empty={empty} /> },
                  { id: 'class', cell: (d) => t(`review.class.${d.class}` as MessageKey), td: () => ({ className: 'small' }) }
                ]}
              />
            </>
          )}
        </div>
        <div className="evidence-col wide" data-testid="evidence-site">
          <h4>{t('complaints.evidence.site')}</h4>
          <DataTable
            className="compact"
            rows={e.siteRows}
            rowKey={(r) => r.recordId}
            empty="complaints.evidence.noSite"
            rowAttributes={(r) => ({ className: `rel-${r.relation}`, title: r.source })}
            columns={[
              { id: 'n', head: '#', cell: (_, at) => at + 1 },
              { id: 'site', header: 'review.person.site', cell: (r) => r.siteName },
              { id: 'name', header: 'review.id.name', cell: (r) => r.fullName },
              { id: 'vaccine', header: 'review.person.vaccine', cell: (r) => r.vaccine },
              { id: 'dose', header: 'review.person.dose', cell: (r) => r.doseNumber },
              { id: 'date', header: 'review.person.date', cell: (r) => formatDateValue(r.doseDate) },
              {
                id: 'relation',
                cell: (r) => <span className={`badge rel-${r.relation}`}>{t(`complaints.relation.${r.relation}`)}</span>
              }
            ]}
          />
          {e.hints.length > 0 && (
            <p data-testid="evidence-hints">
              <strong>{t('complaints.evidence.hints')}:</strong> {e.hints.map((h) => t(`complaints.reason.${h}` as MessageKey)).join('; ')}
            </p>
          )}
        </div>
      </div>
      {e.history.length > 0 && (
        <div className="history">
          <h4>{t('complaints.evidence.history')}</h4>
          <ul>
            {e.history.map((h, i) => (
              <li key={i}>
                {formatDateTime(h.decidedAt)} · {h.decidedBy} · {t(`complaints.outcome.${h.outcome}`)} ·{' '}
                {t(`complaints.reason.${h.reasonCode}` as MessageKey)}
                {h.note ? ` · ${h.note}` : ''}
              </li>
            ))}
          </ul>
        </div>
      )}
      <OutcomeForm key={e.item.recordId} evidence={e} onSubmit={props.onResolved} />
    </section>
  )
}
