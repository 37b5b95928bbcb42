import type { Res } from '../../../../main/ipc/contract.ts'
import { useI18n } from '../../i18n/i18n.tsx'
import { formatDateValue, formatGender } from '../../format/format.ts'

type Identity = Res<'review:candidates'>['rows'][number]

export function IdentityHead({ extra = [] }: { extra?: string[] }) {
  const { t } = useI18n()
  return (
    <tr>
      <th>{t('review.id.name')}</th>
      <th>{t('review.id.dob')}</th>
      <th>{t('review.id.gender')}</th>
      <th>{t('review.id.nationalId')}</th>
      <th>{t('review.id.oldId')}</th>
      <th>{t('review.id.phone')}</th>
      <th>{t('review.id.address')}</th>
      {extra.map((h) => (
        <th key={h}>{h}</th>
      ))}
    </tr>
  )
}

type IdentityFields = Pick<Identity, 'fullName' | 'dob' | 'gender' | 'nationalId' | 'oldNationalId' | 'phone' | 'address'>

/** One registry person as a one-row table with the identity headings. */
export function RegistryIdentity({ p }: { p: IdentityFields }) {
  return (
    <table className="data compact">
      <thead>
        <IdentityHead />
      </thead>
      <tbody>
        <tr className="registry">
          <IdentityCells p={p} />
        </tr>
      </tbody>
    </table>
  )
}

/** One person's identity as table cells, in the same order everywhere. */
export function IdentityCells({ p }: { p: IdentityFields }) {
  const { lang } = useI18n()
  return (
    <>
      <td>{p.fullName}</td>
      <td>{formatDateValue(p.dob)}</td>
      <td>{formatGender(p.gender, lang)}</td>
      <td>{p.nationalId}</td>
      <td>{p.oldNationalId}</td>
      <td>{p.phone}</td>
      <td>{p.address}</td>
    </>
  )
}
