import { ChartFigure } from './ChartFigure.tsx'
import { useI18n } from '../../i18n/i18n.tsx'
import { formatNumber, formatPercent } from '../../format/format.ts'

const COLORS = ['#0b6e4f', '#e0a526', '#b3372a']
/** Each bar is tall enough for its own value label, so labels of one site never overlap. */
const BAR = 14
const GAP = 8
const LABEL = 200
const LABEL_CHARS = 30
const WIDTH = 560

/**
 * Horizontal bars, one group per site: plain SVG, so it renders offline under the strict
 * CSP and needs no chart library. Values are counts, or shares with `percent`. A site name
 * cut to fit shows in full on hover.
 */
export function BarChart({
  title,
  fileName,
  testId,
  rows,
  series,
  percent = false
}: {
  title: string
  fileName: string
  testId?: string
  rows: { label: string; values: number[] }[]
  series: string[]
  percent?: boolean
}) {
  const { lang } = useI18n()
  const max = percent ? 1 : Math.max(1, ...rows.flatMap((r) => r.values))
  const row = series.length * BAR + GAP
  const height = rows.length * row + 24
  const text = (v: number) => (percent ? formatPercent(v, lang) : formatNumber(v, lang))
  return (
    <ChartFigure title={title} fileName={fileName} testId={testId}>
      <svg width={WIDTH + LABEL + 60} height={height} role="img" aria-label={title}>
        {rows.map((r, i) => (
          <g key={`${r.label}-${i}`} transform={`translate(0, ${i * row})`} data-testid="chart-row">
            <text x={LABEL - 6} y={GAP / 2 + (series.length * BAR) / 2 + 4} textAnchor="end" fontSize="12" data-testid="chart-label">
              <title>{r.label}</title>
              {r.label.length > LABEL_CHARS ? `${r.label.slice(0, LABEL_CHARS - 1)}…` : r.label}
            </text>
            {r.values.map((v, j) => (
              <g key={j}>
                <rect x={LABEL} y={GAP / 2 + j * BAR} width={(WIDTH * v) / max} height={BAR - 2} fill={COLORS[j % COLORS.length]}>
                  <title>{`${r.label} · ${series[j] ?? ''}: ${text(v)}`}</title>
                </rect>
                <text x={LABEL + (WIDTH * v) / max + 4} y={GAP / 2 + j * BAR + BAR - 3} fontSize="10" data-testid="chart-value">
                  {text(v)}
                </text>
              </g>
            ))}
          </g>
        ))}
        <g transform={`translate(${LABEL}, ${rows.length * row + 6})`}>
          {series.map((s, j) => (
            <g key={s} transform={`translate(${j * 150}, 0)`}>
              <rect width="10" height="10" fill={COLORS[j % COLORS.length]} />
              <text x="14" y="9" fontSize="11">
                {s}
              </text>
            </g>
          ))}
        </g>
      </svg>
    </ChartFigure>
  )
}
