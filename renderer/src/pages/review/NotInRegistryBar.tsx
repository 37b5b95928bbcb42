import { useEffect, useState } from 'react'
import { call } from '../../api/client.ts'
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
  const [count, setCount] = useState<number | null>(null)
  const below = Number(weight)
  const valid = weight.trim() !== '' && Number.isFinite(below)
  useEffect(() => {
    if (!valid) return
    let live = true
    const id = setTimeout(() => {
      call('review:notInRegistry', { belowWeight: below, dryRun: true }).then((r) => live && setCount(r.subjects), onError)
    }, 200)
    return () => {
      live = false
      clearTimeout(id)
    }
  }, [below, valid, onError])
  const apply = async () => {
    try {
      const r = await call('review:notInRegistry', { belowWeight: below, note: '' })
      onDone(fill(t('review.notInRegistry.done'), { n: r.subjects }))
      setCount(0)
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
