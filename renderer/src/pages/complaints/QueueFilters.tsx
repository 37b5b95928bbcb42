import type { Req } from '../../../../main/ipc/contract.ts'
import { useI18n } from '../../i18n/i18n.tsx'
import type { MessageKey } from '../../i18n/vi.ts'

type Request = Req<'complaints:queue'>
export type QueueFilter = Required<Pick<Request, 'search' | 'claims' | 'sites' | 'states'>>
export const NO_FILTER: QueueFilter = { search: '', claims: [], sites: [], states: [] }

const CLAIMS = ['missing_dose', 'wrong_date', 'wrong_vaccine', 'wrong_info', 'other'] as const
const STATES = ['in_time', 'overdue', 'deferred', 'approved', 'rejected'] as const

/** One line above the queue: search, then one choice each of type, site and state. */
export function QueueFilters({ filter, sites, onChange }: { filter: QueueFilter; sites: string[]; onChange(f: QueueFilter): void }) {
  const { t } = useI18n()
  const one = <T extends string>(value: string): T[] => (value === '*' ? [] : [value as T])
  return (
    <div className="queue-filters" data-testid="complaints-filters">
      <input
        type="search"
        value={filter.search}
        placeholder={t('complaints.search')}
        onChange={(e) => onChange({ ...filter, search: e.target.value })}
        data-testid="complaints-search"
      />
      <select
        value={filter.claims[0] ?? '*'}
        onChange={(e) => onChange({ ...filter, claims: one(e.target.value) })}
        data-testid="complaints-filter-claim"
      >
        <option value="*">{t('complaints.filter.claim')}</option>
        {CLAIMS.map((c) => (
          <option key={c} value={c}>
            {t(`complaints.claim.${c}` as MessageKey)}
          </option>
        ))}
      </select>
      <select
        value={filter.sites[0] ?? '*'}
        onChange={(e) => onChange({ ...filter, sites: one(e.target.value) })}
        data-testid="complaints-filter-site"
      >
        <option value="*">{t('complaints.filter.site')}</option>
        {sites.map((s) => (
          <option key={s} value={s}>
            {s === '' ? t('complaints.filter.noSite') : s}
          </option>
        ))}
      </select>
      <select
        value={filter.states[0] ?? '*'}
        onChange={(e) => onChange({ ...filter, states: one(e.target.value) })}
        data-testid="complaints-filter-state"
      >
        <option value="*">{t('complaints.filter.state')}</option>
        {STATES.map((s) => (
          <option key={s} value={s}>
            {t(`complaints.state.${s}`)}
          </option>
        ))}
      </select>
    </div>
  )
}
