import type { Res } from '../../../../main/ipc/contract.ts'
import { fill } from '../../i18n/fill.ts'
import { useI18n } from '../../i18n/i18n.tsx'
import type { MessageKey } from '../../i18n/vi.ts'
import { formatNumber } from '../../format/format.ts'

type Contribution = Res<'link:detail'>['contributions'][number]

const W = 600
const ROW = 22
const LABEL = 250

/**
 * Why two records match: the prior, then each comparison's weight as a step up (green)
 * or down (red) from the running total, ending at the match weight and its probability.
 */
export function Waterfall({ contributions, testId = 'link-waterfall' }: { contributions: Contribution[]; testId?: string }) {
  const { t, lang } = useI18n()
  const sums = contributions.reduce<number[]>((acc, c) => [...acc, (acc[acc.length - 1] ?? 0) + c.weight], [])
  const steps = contributions.map((c, i) => ({ c, from: sums[i - 1] ?? 0, to: sums[i] ?? 0 }))
  const total = sums[sums.length - 1] ?? 0
  const values = [0, ...steps.map((s) => s.to)]
  const lo = Math.min(...values)
  const hi = Math.max(...values)
  const span = hi - lo || 1
  // Room on the right for the last value and the probability.
  const x = (v: number): number => LABEL + ((v - lo) / span) * (W - LABEL - 130)
  const label = (c: Contribution): string => {
    const name = t(`link.cmp.${c.comparison}` as MessageKey) ?? c.comparison
    if (c.comparison === 'prior') return name
    const level = c.level === null ? t('link.waterfall.missing') : (t(`link.level.${c.level}` as MessageKey) ?? c.level)
    const notes = [
      c.frequency !== undefined ? fill(t('link.waterfall.frequency'), { f: c.frequency }) : null,
      c.swapped ? t('link.waterfall.swapped') : null
    ].filter(Boolean)
    return `${name}: ${level}${notes.length ? ` (${notes.join(', ')})` : ''}`
  }
  const height = (steps.length + 1) * ROW + 8
  return (
    <figure className="waterfall" data-testid={testId}>
      <svg viewBox={`0 0 ${W} ${height}`} role="img" aria-label={t('link.waterfall')}>
        <line x1={x(0)} x2={x(0)} y1={0} y2={height} className="zero" />
        {steps.map(({ c, from, to }, i) => (
          <g key={c.comparison} data-testid={`waterfall-${c.comparison}`} transform={`translate(0, ${i * ROW + 4})`}>
            <text x={0} y={ROW - 8} className="label">
              {label(c)}
            </text>
            <rect
              x={Math.min(x(from), x(to))}
              width={Math.max(1, Math.abs(x(to) - x(from)))}
              y={3}
              height={ROW - 8}
              className={c.comparison === 'prior' ? 'prior' : c.weight >= 0 ? 'up' : 'down'}
            />
            <text x={Math.max(x(from), x(to)) + 4} y={ROW - 8} className="value">
              {c.weight > 0 ? `+${formatNumber(c.weight, lang, 1)}` : formatNumber(c.weight, lang, 1)}
            </text>
          </g>
        ))}
        <g transform={`translate(0, ${steps.length * ROW + 4})`}>
          <text x={0} y={ROW - 8} className="label total">
            {t('link.waterfall.total')}
          </text>
          <rect x={Math.min(x(0), x(total))} width={Math.max(1, Math.abs(x(total) - x(0)))} y={3} height={ROW - 8} className="total" />
          <text x={Math.max(x(0), x(total)) + 4} y={ROW - 8} className="value">
            {`${formatNumber(total, lang, 1)} · p=${formatNumber(1 / (1 + 2 ** -total), lang, 3)}`}
          </text>
        </g>
      </svg>
    </figure>
  )
}
