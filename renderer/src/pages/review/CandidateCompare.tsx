import type { Res } from '../../../../main/ipc/contract.ts'
import { useI18n } from '../../i18n/i18n.tsx'
import type { MessageKey } from '../../i18n/vi.ts'

type Panel = Res<'review:candidates'>
type Field = 'fullName' | 'dob' | 'gender' | 'nationalId' | 'oldNationalId' | 'phone' | 'address'
const FIELDS: { key: Field; label: MessageKey }[] = [
  { key: 'fullName', label: 'review.id.name' },
  { key: 'dob', label: 'review.id.dob' },
  { key: 'gender', label: 'review.id.gender' },
  { key: 'nationalId', label: 'review.id.nationalId' },
  { key: 'oldNationalId', label: 'review.id.oldId' },
  { key: 'phone', label: 'review.id.phone' },
  { key: 'address', label: 'review.id.address' }
]
const norm = (v: string | null): string => (v ?? '').normalize('NFC').trim().toLowerCase()

/**
 * The candidates side by side, one column each beside the subject's first row: the fields
 * in which they differ from one another are marked, since those are what tells twins and
 * namesakes apart; a value that agrees with the subject's is marked too.
 */
export function CandidateCompare({ panel }: { panel: Panel }) {
  const { t } = useI18n()
  const subject = panel.rows[0]
  const cands = panel.candidates
  if (cands.length < 2) return null
  return (
    <table className="data compact compare" data-testid="candidates-compare">
      <colgroup>
        <col style={{ width: '16%' }} />
        {[subject, ...cands].map((_, i) => (
          <col key={i} />
        ))}
      </colgroup>
      <thead>
        <tr>
          <th />
          <th title={t('review.candidates.rows')}>{t('review.candidates.rows')}</th>
          {cands.map((c, i) => (
            <th key={c.recordId} title={c.fullName ?? ''}>
              {i + 1}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {FIELDS.map(({ key, label }) => {
          const differs = new Set(cands.map((c) => norm(c[key]))).size > 1
          return (
            <tr key={key} className={differs ? 'differs' : undefined} data-field={key} data-differs={differs}>
              <th>{t(label)}</th>
              <td className="clip" title={subject?.[key] ?? ''}>
                {subject?.[key]}
              </td>
              {cands.map((c) => {
                const agrees = subject?.[key] && norm(subject[key]) === norm(c[key])
                return (
                  <td key={c.recordId} className={`clip${agrees ? ' agrees' : ''}`} title={c[key] ?? ''}>
                    {c[key] ?? '—'}
                  </td>
                )
              })}
            </tr>
          )
        })}
      </tbody>
    </table>
  )
}
