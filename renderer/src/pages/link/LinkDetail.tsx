import type { Res } from '../../../../main/ipc/contract.ts'
import { IDENTITY_FIELDS } from '../../../../main/ipc/shared-values.ts'
import { DataTable, type Column } from '../../components/DataTable.tsx'
import { useI18n } from '../../i18n/i18n.tsx'
import type { MessageKey } from '../../i18n/vi.ts'
import { Waterfall } from './Waterfall.tsx'
import { formatDateValue, formatFieldValue, formatNumber } from '../../format/format.ts'

type Detail = Res<'link:detail'>
type Person = NonNullable<Detail['registry']>
/** One column of the comparison: a site row, or the registry person. */
type Source = { head: string; p: Person; extra?: string }
/** One line of it: a field, and how each column shows it. */
type Row = { id: string; label: MessageKey; value(column: Source): string }

/** One link: the site rows beside the registry person, the waterfall, the other candidates. */
export function LinkDetail({ detail, onClose }: { detail: Detail; onClose(): void }) {
  const { t, lang } = useI18n()
  const people: Source[] = [
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
  // The registry's column is tinted, so the eye finds the person the site rows are linked to.
  const registryClass = ({ p }: Source) => (p.id === detail.registry?.id ? 'registry' : '')
  const rows: Row[] = [
    ...IDENTITY_FIELDS.map((f) => ({
      id: f,
      label: `link.field.${f}` as MessageKey,
      value: ({ p }: Source) => formatFieldValue(f, p[f], lang) || '—'
    })),
    { id: 'dose', label: 'link.field.dose', value: ({ extra }: Source) => extra ?? '' }
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
        <DataTable
          className="compact"
          rows={rows}
          rowKey={(r) => r.id}
          columns={[
            { id: 'field', header: 'link.field.source', rowHeader: true, cell: (r) => t(r.label) },
            ...people.map((person): Column<Row> => ({
              id: `${person.head}-${person.p.id}`,
              head: person.head,
              th: { className: registryClass(person) },
              cell: (r) => r.value(person),
              td: (r) => ({ className: r.id === 'dose' ? undefined : registryClass(person) })
            }))
          ]}
        />
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
