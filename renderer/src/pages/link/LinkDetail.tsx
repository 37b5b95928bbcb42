import type { Res } from '../../../../main/ipc/contract.ts'
import { IDENTITY_FIELDS } from '../../../../main/ipc/shared-values.ts'
import { useI18n } from '../../i18n/i18n.tsx'
import type { MessageKey } from '../../i18n/vi.ts'
import { Waterfall } from './Waterfall.tsx'
import { formatDateValue, formatFieldValue, formatNumber } from '../../format/format.ts'

type Detail = Res<'link:detail'>
type Person = NonNullable<Detail['registry']>

/** One link: the site rows beside the registry person, the waterfall, the other candidates. */
export function LinkDetail({ detail, onClose }: { detail: Detail; onClose(): void }) {
  const { t, lang } = useI18n()
  const people: { head: string; p: Person; extra?: string }[] = [
    ...detail.subjectRows.map((r) => ({
      head: `${r.source_file} #${r.source_row}`,
      p: r,
      extra: r.dose_date
        ? [r.vaccine, r.dose_number === null ? null : `${t('link.field.dose')} ${r.dose_number}`, formatDateValue(r.dose_date)]
            .filter(Boolean)
            .join(' · ')
        : ''
    })),
    ...(detail.registry ? [{ head: t('link.detail.registry'), p: detail.registry }] : [])
  ]
  return (
    <section className="link-detail" data-testid="link-detail" aria-label={t('link.waterfall')}>
      <header>
        <h3>{t('link.waterfall')}</h3>
        <button type="button" onClick={onClose} data-testid="link-detail-close">
          {t('link.detail.close')}
        </button>
      </header>
      <p className="muted small">
        {t(`link.status.${detail.status}` as MessageKey)}
        {detail.hold ? ` · ${t('link.holds')} ${t(`link.hold.${detail.hold}` as MessageKey)}` : ''}
      </p>
      <div className="side-by-side">
        <table className="data compact">
          <thead>
            <tr>
              <th>{t('link.field.source')}</th>
              {people.map(({ head, p }) => (
                <th key={`${head}-${p.id}`} className={p.id === detail.registry?.id ? 'registry' : ''}>
                  {head}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {IDENTITY_FIELDS.map((f) => (
              <tr key={f}>
                <th scope="row">{t(`link.field.${f}` as MessageKey)}</th>
                {people.map(({ head, p }) => (
                  <td key={`${head}-${p.id}`} className={p.id === detail.registry?.id ? 'registry' : ''}>
                    {formatFieldValue(f, p[f], lang) || '—'}
                  </td>
                ))}
              </tr>
            ))}
            <tr>
              <th scope="row">{t('link.field.dose')}</th>
              {people.map(({ head, p, extra }) => (
                <td key={`${head}-${p.id}`}>{extra ?? ''}</td>
              ))}
            </tr>
          </tbody>
        </table>
      </div>
      {detail.contributions.length > 0 ? <Waterfall contributions={detail.contributions} /> : null}
      <p className="muted small">{t('link.waterfall.hint')}</p>
      {detail.doseIssues.length > 0 ? (
        <>
          <h4>{t('link.doseIssues')}</h4>
          <ul data-testid="link-dose-issues">
            {detail.doseIssues.map((d, i) => (
              <li key={i}>{t(`link.dose.${d.kind}` as MessageKey)}</li>
            ))}
          </ul>
        </>
      ) : null}
      <h4>{t('link.detail.candidates')}</h4>
      {detail.candidates.length === 0 ? <p className="muted">{t('link.detail.none')}</p> : null}
      {detail.candidates.map((c) => (
        <details key={c.registry.id} className="candidate">
          <summary>
            {`${c.registry.full_name ?? '—'} · ${formatDateValue(c.registry.dob) || '—'} · ${c.registry.national_id ?? '—'} · ${formatNumber(c.weight, lang, 1)}`}
          </summary>
          <Waterfall contributions={c.contributions} testId={`candidate-waterfall-${c.registry.id}`} />
        </details>
      ))}
    </section>
  )
}
