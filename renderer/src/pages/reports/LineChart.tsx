import { formatDateValue, formatNumber } from '../../format/format.ts'
import { useI18n } from '../../i18n/i18n.tsx'

const COLORS = ['#0b6e4f', '#1f6fb2', '#e0a526', '#7b3fa0', '#b3372a']
const WIDTH = 860
const HEIGHT = 230
const PAD = { left: 44, right: 24, top: 10, bottom: 26 }
const LEGEND = 22

/** A round top for the value axis: 1, 2 or 5 times a power of ten. */
function niceMax(v: number): number {
  if (v <= 4) return 4
  const p = 10 ** Math.floor(Math.log10(v))
  return ([1, 2, 5, 10].find((m) => m * p >= v) ?? 10) * p
}

/**
 * One line per series over the days: plain SVG with attributes only (no stylesheet), so it
 * renders under the strict CSP and saves to PNG as it looks.
 */
export function LineChart({ title, days, series }: { title: string; days: string[]; series: { label: string; values: number[] }[] }) {
  const { lang } = useI18n()
  const max = niceMax(Math.max(0, ...series.flatMap((s) => s.values)))
  const plotW = WIDTH - PAD.left - PAD.right
  const plotH = HEIGHT - PAD.top - PAD.bottom
  const x = (i: number) => PAD.left + (days.length > 1 ? (plotW * i) / (days.length - 1) : plotW / 2)
  const y = (v: number) => PAD.top + plotH - (plotH * v) / max
  const every = Math.max(1, Math.ceil(days.length / 10))
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => Math.round(max * f))
  return (
    <svg width={WIDTH} height={HEIGHT + LEGEND} role="img" aria-label={title} fontSize="11">
      {ticks.map((v) => (
        <g key={v}>
          <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(v)} y2={y(v)} stroke="#d9dee3" />
          <text x={PAD.left - 6} y={y(v) + 4} textAnchor="end" fill="#444">
            {formatNumber(v, lang)}
          </text>
        </g>
      ))}
      {days.map((d, i) =>
        i % every === 0 || i === days.length - 1 ? (
          <text key={d} x={x(i)} y={HEIGHT - 8} textAnchor="middle" fill="#444">
            {formatDateValue(d).slice(0, 5)}
          </text>
        ) : null
      )}
      {series.map((s, j) => (
        <g key={s.label}>
          <polyline
            fill="none"
            stroke={COLORS[j % COLORS.length]}
            strokeWidth="2"
            points={s.values.map((v, i) => `${Math.round(x(i) * 10) / 10},${Math.round(y(v) * 10) / 10}`).join(' ')}
          />
          {days.length <= 62 &&
            s.values.map((v, i) => (
              <circle key={i} cx={x(i)} cy={y(v)} r="2.5" fill={COLORS[j % COLORS.length]}>
                <title>{`${formatDateValue(days[i] ?? '')} · ${s.label}: ${formatNumber(v, lang)}`}</title>
              </circle>
            ))}
        </g>
      ))}
      <g transform={`translate(${PAD.left}, ${HEIGHT + 6})`}>
        {series.map((s, j) => (
          <g key={s.label} transform={`translate(${j * 165}, 0)`}>
            <rect width="10" height="10" fill={COLORS[j % COLORS.length]} />
            <text x="14" y="9">
              {s.label}
            </text>
          </g>
        ))}
      </g>
    </svg>
  )
}
