import { useRef, type KeyboardEvent, type PointerEvent } from 'react'
import type { Res } from '../../../../main/ipc/contract.ts'
import { useI18n } from '../../i18n/i18n.tsx'
import type { MessageKey } from '../../i18n/vi.ts'
import { formatNumber } from '../../format/format.ts'

type Summary = Res<'link:summary'>
export interface Thresholds {
  auto: number
  review: number
}

/** Stacking order, bottom up, and colours: the same in the bars and the legend. */
export const STATUS_ORDER = ['none', 'review', 'auto', 'confirmed', 'rejected'] as const
export const STATUS_COLOR: Record<(typeof STATUS_ORDER)[number], string> = {
  none: '#b8c0cc',
  review: '#e0a526',
  auto: '#2f9e6f',
  confirmed: '#0b6e4f',
  rejected: '#c0392b'
}

const W = 760
const H = 200
const PAD = { left: 36, right: 12, top: 34, bottom: 24 }
const STEP = 0.5

/**
 * Match weights of every subject's current link, one bar per bit, stacked by status on a
 * log scale (auto-links outnumber the review band a hundredfold). The two thresholds are
 * lines the user drags, or moves with the arrow keys (Shift for 5 bits).
 */
export function Histogram({
  bins,
  thresholds,
  onChange
}: {
  bins: Summary['histogram']
  thresholds: Thresholds
  onChange(t: Thresholds): void
}) {
  const { t, lang } = useI18n()
  const svg = useRef<SVGSVGElement>(null)
  const lo = Math.floor(Math.min(bins[0]?.from ?? 0, thresholds.review) - 1)
  const hi = Math.ceil(Math.max(bins[bins.length - 1]?.to ?? 10, thresholds.auto) + 1)
  const x = (v: number): number => PAD.left + ((v - lo) / (hi - lo)) * (W - PAD.left - PAD.right)
  const invert = (px: number): number => lo + ((px - PAD.left) / (W - PAD.left - PAD.right)) * (hi - lo)
  const totals = bins.map((b) => Object.values(b.counts).reduce((s, n) => s + n, 0))
  const maxLog = Math.log10(1 + Math.max(1, ...totals))
  const y = (n: number): number => ((H - PAD.top - PAD.bottom) * Math.log10(1 + n)) / maxLog

  const set = (which: keyof Thresholds, v: number): void => {
    const value = Math.round(v / STEP) * STEP
    onChange(
      which === 'auto'
        ? { auto: Math.max(value, thresholds.review), review: thresholds.review }
        : { auto: thresholds.auto, review: Math.min(value, thresholds.auto) }
    )
  }
  const drag = (which: keyof Thresholds) => ({
    onPointerDown: (e: PointerEvent<SVGGElement>) => e.currentTarget.setPointerCapture(e.pointerId),
    onPointerMove: (e: PointerEvent<SVGGElement>) => {
      if (!e.currentTarget.hasPointerCapture(e.pointerId) || !svg.current) return
      const box = svg.current.getBoundingClientRect()
      set(which, invert(((e.clientX - box.left) / box.width) * W))
    },
    onKeyDown: (e: KeyboardEvent<SVGGElement>) => {
      const delta =
        (e.shiftKey ? 5 : STEP) *
        (e.key === 'ArrowRight' || e.key === 'ArrowUp' ? 1 : e.key === 'ArrowLeft' || e.key === 'ArrowDown' ? -1 : 0)
      if (delta === 0) return
      e.preventDefault()
      set(which, thresholds[which] + delta)
    }
  })

  const ticks: number[] = []
  for (let v = Math.ceil(lo / 10) * 10; v <= hi; v += 10) ticks.push(v)

  return (
    <svg
      ref={svg}
      className="histogram"
      viewBox={`0 0 ${W} ${H}`}
      data-testid="link-histogram"
      role="group"
      aria-label={t('link.histogram')}
    >
      {bins.map((b, i) => {
        let base = H - PAD.bottom
        return (
          <g key={b.from}>
            <title>{`${b.from}…${b.to}: ${totals[i] ?? 0}`}</title>
            {STATUS_ORDER.map((s) => {
              const n = b.counts[s] ?? 0
              if (n === 0) return null
              const top =
                H - PAD.bottom - y(STATUS_ORDER.slice(0, STATUS_ORDER.indexOf(s) + 1).reduce((acc, k) => acc + (b.counts[k] ?? 0), 0))
              const rect = (
                <rect
                  key={s}
                  x={x(b.from) + 0.5}
                  width={Math.max(1, x(b.to) - x(b.from) - 1)}
                  y={top}
                  height={base - top}
                  fill={STATUS_COLOR[s]}
                />
              )
              base = top
              return rect
            })}
          </g>
        )
      })}
      <line x1={PAD.left} x2={W - PAD.right} y1={H - PAD.bottom} y2={H - PAD.bottom} stroke="#5b6675" />
      {ticks.map((v) => (
        <text key={v} x={x(v)} y={H - 6} textAnchor="middle" className="tick">
          {v}
        </text>
      ))}
      {(['review', 'auto'] as const).map((which) => (
        <g
          key={which}
          className={`threshold threshold-${which}`}
          role="slider"
          tabIndex={0}
          aria-label={t(`link.threshold.${which}` as MessageKey)}
          aria-valuenow={thresholds[which]}
          aria-valuemin={lo}
          aria-valuemax={hi}
          data-testid={`link-threshold-${which}`}
          {...drag(which)}
        >
          <line x1={x(thresholds[which])} x2={x(thresholds[which])} y1={PAD.top - 8} y2={H - PAD.bottom} />
          <rect x={x(thresholds[which]) - 7} y={PAD.top - 18} width={14} height={14} rx={3} />
          <text x={x(thresholds[which])} y={PAD.top - 21} textAnchor={which === 'auto' ? 'start' : 'end'}>
            {formatNumber(thresholds[which], lang, 1)}
          </text>
        </g>
      ))}
    </svg>
  )
}
