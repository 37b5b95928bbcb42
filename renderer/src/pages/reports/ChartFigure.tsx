import { useRef, type ReactNode } from 'react'
import { useI18n } from '../../i18n/i18n.tsx'
import { downloadChartPng } from './chart-png.ts'

/** A chart with its caption and a button that saves it as PNG. */
export function ChartFigure({
  title,
  fileName,
  testId,
  children
}: {
  title: string
  fileName: string
  testId?: string
  children: ReactNode
}) {
  const { t } = useI18n()
  const body = useRef<HTMLDivElement>(null)
  const save = () => {
    const svg = body.current?.querySelector('svg')
    if (svg) void downloadChartPng(svg, fileName)
  }
  return (
    <figure className="chart" data-testid={testId}>
      <figcaption>
        {title}{' '}
        <button
          type="button"
          className="chart-png"
          data-testid={testId ? `${testId}-png` : undefined}
          onClick={save}
          title={t('reports.png.hint')}
        >
          {t('reports.png')}
        </button>
      </figcaption>
      <div ref={body}>{children}</div>
    </figure>
  )
}
