import type { ParsedReq, Res } from '../../../../main/ipc/contract.ts'
import { REVIEW_FIELDS } from '../../../../main/ipc/shared-values.ts'
import { useI18n } from '../../i18n/i18n.tsx'
import type { MessageKey } from '../../i18n/vi.ts'
import { formatNumber } from '../../format/format.ts'

export type Filter = ParsedReq<'review:page'>['filter']
type FacetCounts = Res<'review:facets'>
type Dim = 'classes' | 'fields' | 'statuses' | 'bands' | 'kinds' | 'sites'

const FIXED: Record<Exclude<Dim, 'sites'>, { values: readonly string[]; label: (v: string) => MessageKey }> = {
  statuses: { values: ['open', 'deferred', 'done', 'unlinked'], label: (v) => `review.status.${v}` as MessageKey },
  classes: { values: ['formatting', 'minor', 'conflict', 'missing'], label: (v) => `review.class.${v}` as MessageKey },
  fields: { values: REVIEW_FIELDS, label: (v) => `review.field.${v}` as MessageKey },
  bands: { values: ['auto', 'review', 'confirmed', 'rejected'], label: (v) => `review.band.${v}` as MessageKey },
  kinds: { values: ['person', 'complaint'], label: (v) => `review.kind.${v}` as MessageKey }
}
const ORDER: Dim[] = ['statuses', 'classes', 'fields', 'sites', 'bands', 'kinds']
const MAX_SITES = 50

/**
 * Facets in the spirit of OpenRefine: each value with how many rows choosing it would
 * show (under the other facets' choices); ticking values narrows the grid.
 */
export function Facets({ filter, counts, onChange }: { filter: Filter; counts: FacetCounts | null; onChange(f: Filter): void }) {
  const { t, lang } = useI18n()
  const toggle = (dim: Dim, value: string) => {
    const current = filter[dim] as string[]
    const next = current.includes(value) ? current.filter((v) => v !== value) : [...current, value]
    onChange({ ...filter, [dim]: next })
  }
  const values = (dim: Dim): { value: string; label: string }[] => {
    if (dim !== 'sites') return FIXED[dim].values.map((v) => ({ value: v, label: t(FIXED[dim].label(v)) }))
    const sites = Object.entries(counts?.sites ?? {})
      .sort((a, b) => b[1] - a[1])
      .slice(0, MAX_SITES)
      .map(([v]) => v)
    for (const chosen of filter.sites) if (!sites.includes(chosen)) sites.push(chosen)
    return sites.map((v) => ({ value: v, label: v === '' ? t('review.facet.noSite') : v }))
  }
  return (
    <aside className="facets" data-testid="facets" aria-label={t('review.facets')}>
      {ORDER.map((dim) => (
        <fieldset key={dim} data-testid={`facet-${dim}`}>
          <legend>{t(`review.facet.${dim}` as MessageKey)}</legend>
          {values(dim).map(({ value, label }) => {
            const n = counts?.[dim][value] ?? 0
            const checked = (filter[dim] as string[]).includes(value)
            return (
              <label key={value} className={n === 0 && !checked ? 'empty' : undefined}>
                <input
                  type="checkbox"
                  checked={checked}
                  onChange={() => toggle(dim, value)}
                  // Let go of the focus once ticked: the new view then hands it to the grid, so
                  // the shortcuts work again and a Space typed later never toggles this filter.
                  onClick={(e) => e.currentTarget.blur()}
                  data-testid={`facet-${dim}-${value}`}
                />
                <span className="facet-label">{label}</span>
                <span className="facet-count" data-testid={`facet-count-${dim}-${value}`}>
                  {formatNumber(n, lang)}
                </span>
              </label>
            )
          })}
        </fieldset>
      ))}
    </aside>
  )
}
