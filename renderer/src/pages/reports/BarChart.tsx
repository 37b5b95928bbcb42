import { ChartFigure } from './ChartFigure.tsx'

const COLORS = ['#0b6e4f', '#e0a526', '#b3372a']
const ROW = 22
const LABEL = 200
const WIDTH = 560

/**
 * Horizontal bars, one group per site: plain SVG, so it renders offline under the strict
 * CSP and needs no chart library. Values are counts, or shares with `percent`.
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
  const max = percent ? 1 : Math.max(1, ...rows.flatMap((r) => r.values))
  const bar = (ROW - 6) / series.length
  const height = rows.length * ROW + 24
  const text = (v: number) => (percent ? `${Math.round(v * 100)}%` : v.toLocaleString('vi-VN'))
  return (
    <ChartFigure title={title} fileName={fileName} testId={testId}>
      <svg width={WIDTH + LABEL + 60} height={height} role="img" aria-label={title}>
        {rows.map((r, i) => (
          <g key={`${r.label}-${i}`} transform={`translate(0, ${i * ROW})`}>
            <text x={LABEL - 6} y={ROW / 2 + 4} textAnchor="end" fontSize="12">
              {r.label.length > 30 ? `${r.label.slice(0, 29)}…` : r.label}
            </text>
            {r.values.map((v, j) => (
              <g key={j}>
                <rect x={LABEL} y={3 + j * bar} width={(WIDTH * v) / max} height={bar - 1} fill={COLORS[j % COLORS.length]}>
                  <title>{`${series[j] ?? ''}: ${text(v)}`}</title>
                </rect>
                <text x={LABEL + (WIDTH * v) / max + 4} y={3 + j * bar + bar - 2} fontSize="10">
                  {text(v)}
                </text>
              </g>
            ))}
          </g>
        ))}
        <g transform={`translate(${LABEL}, ${rows.length * ROW + 6})`}>
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
