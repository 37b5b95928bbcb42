import { useState } from 'react'
import { call } from '../../api/client.ts'
import { useQuery } from '../../data/useQuery.ts'
import { fill } from '../../i18n/fill.ts'
import { useI18n } from '../../i18n/i18n.tsx'
import { formatNumber } from '../../format/format.ts'

/**
 * "Không có trong CSDL dân cư" for every waiting subject without a link whose best
 * candidate weighs less than the weight the clerk types: the count first, then one click.
 */
export function NotInRegistryBar({ onDone, onError }: { onDone(message: string): void; onError(e: unknown): void }) {
  const { t, lang } = useI18n()
  const [weight, setWeight] = useState('0')
  const below = Number(weight)
  const valid = weight.trim() !== '' && Number.isFinite(below)
  // Counted a moment after the clerk stops typing.
  const counted = useQuery('review:notInRegistry', valid ? { belowWeight: below, dryRun: true } : null, { onError, delayMs: 200 })
  const count = counted.data?.subjects ?? null
  const apply = async () => {
    try {
      const r = await call('review:notInRegistry', { belowWeight: below, note: '' })
      onDone(fill(t('review.notInRegistry.done'), { n: r.subjects }))
      counted.setData((d) => d && { ...d, subjects: 0 })
    } catch (e) {
      onError(e)
    }
  }
  return (
    <div className="not-in-registry" data-testid="not-in-registry">
      <label>
        {t('review.notInRegistry.below')}
        <input type="number" step="0.5" value={weight} onChange={(e) => setWeight(e.target.value)} data-testid="not-in-registry-weight" />
      </label>
      <button
        type="button"
        disabled={!valid || !count}
        onClick={() => void apply()}
        data-testid="not-in-registry-apply"
        data-count={count ?? ''}
      >
        {fill(t('review.notInRegistry.apply'), { n: valid && count !== null ? formatNumber(count, lang) : '…' })}
      </button>
    </div>
  )
}
