import type { Res } from '../../../../main/ipc/contract.ts'
import { useI18n } from '../../i18n/i18n.tsx'
import type { MessageKey } from '../../i18n/vi.ts'
import { formatDateValue, formatGender } from '../../format/format.ts'

type Identity = Res<'review:candidates'>['rows'][number]
type IdentityFields = Pick<Identity, 'fullName' | 'dob' | 'gender' | 'nationalId' | 'oldNationalId' | 'phone' | 'address'>

const FIELDS: { key: keyof IdentityFields; label: MessageKey; className: string }[] = [
  { key: 'fullName', label: 'review.id.name', className: 'name' },
  { key: 'dob', label: 'review.id.dob', className: 'date' },
  { key: 'gender', label: 'review.id.gender', className: 'gender' },
  { key: 'nationalId', label: 'review.id.nationalId', className: 'id' },
  { key: 'oldNationalId', label: 'review.id.oldId', className: 'id' },
  { key: 'phone', label: 'review.id.phone', className: 'id' },
  { key: 'address', label: 'review.id.address', className: 'address' }
]

/**
 * One person's identity as labelled values that wrap to the panel's width: dates and IDs on
 * one line, a long address clamped to two lines with the full text on hover.
 */
export function IdentityCard({
  p,
  extra = [],
  className
}: {
  p: IdentityFields
  extra?: { label: string; value: string | null }[]
  className?: string
}) {
  const { t, lang } = useI18n()
  const shown = (key: keyof IdentityFields): string | null => {
    const v = p[key]
    if (v === null || v === '') return null
    return key === 'dob' ? formatDateValue(v) : key === 'gender' ? formatGender(v, lang) : v
  }
  const items = [
    ...FIELDS.map((f) => ({ label: t(f.label), value: shown(f.key), className: f.className })),
    ...extra.map((x) => ({ ...x, className: 'extra' }))
  ]
  return (
    <dl className={`identity-card${className ? ` ${className}` : ''}`}>
      {items.map((x) => (
        <div key={x.label} className={x.className}>
          <dt>{x.label}</dt>
          <dd title={x.value ?? ''}>{x.value ?? '—'}</dd>
        </div>
      ))}
    </dl>
  )
}
