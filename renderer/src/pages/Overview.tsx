import type { Res } from '../../../main/ipc/contract.ts'
import { DataTable, type Column } from '../components/DataTable.tsx'
import { useQuery } from '../data/useQuery.ts'
import { useI18n } from '../i18n/i18n.tsx'
import type { MessageKey } from '../i18n/vi.ts'
import { formatNumber, type FormatLang } from '../format/format.ts'
import { linkStatusLabel, proposalStatusLabel } from '../i18n/labels.ts'
import type { PageProps } from '../shell/pages.tsx'

const sum = (o: Record<string, number>) => Object.values(o).reduce((a, b) => a + b, 0)

type Tile = [MessageKey, number, string, (() => void)?]

/** Figures as tiles; a tile with somewhere to go opens the page (and view) that lists what it counts. */
function Tiles({ tiles, testId }: { tiles: Tile[]; testId?: string }) {
  const { t, lang } = useI18n()
  return (
    <dl className="tiles" data-testid={testId}>
      {tiles.map(([label, n, id, open]) => (
        <div
          key={id}
          className={open ? 'tile opens' : 'tile'}
          data-testid={`tile-${id}`}
          {...(open
            ? {
                role: 'button',
                tabIndex: 0,
                onClick: open,
                onKeyDown: (e: React.KeyboardEvent) => (e.key === 'Enter' || e.key === ' ') && (e.preventDefault(), open())
              }
            : {})}
        >
          <dt>{t(label)}</dt>
          <dd>{formatNumber(n, lang)}</dd>
        </div>
      ))}
    </dl>
  )
}

/** A stage of the workflow and its figures, four cells wide: a long list of counts spans several. */
interface Stage {
  label: MessageKey
  figures: { text: string; span?: number }[]
}

function stages(figures: Res<'review:overview'>['stages'], t: (k: MessageKey) => string, lang: FormatLang): Stage[] {
  const n = (label: MessageKey, v: number) => ({ text: `${t(label)}: ${formatNumber(v, lang)}` })
  const counts = (o: Record<string, number>, label: (k: string) => string) =>
    Object.entries(o)
      .map(([k, v]) => `${label(k)}: ${formatNumber(v, lang)}`)
      .join(' · ')
  return [
    {
      label: 'overview.stage.imported',
      figures: [
        n('overview.kind.site', figures.imported.site),
        n('overview.kind.registry', figures.imported.registry),
        n('overview.kind.complaint', figures.imported.complaint),
        n('overview.rejects', figures.imported.rejects)
      ]
    },
    {
      label: 'overview.stage.linked',
      figures: [
        n('overview.persons', figures.linked.persons),
        n('overview.linkedRows', figures.linked.siteRowsLinked),
        { text: `${t('overview.personsByLink')}: ${counts(figures.linked.byStatus, (k) => linkStatusLabel(t, k))}`, span: 2 }
      ]
    },
    {
      label: 'overview.stage.reviewed',
      figures: [
        ...(['open', 'deferred', 'done'] as const).map((k) => n(`overview.rows.${k}`, figures.reviewed.rows[k] ?? 0)),
        { text: counts(figures.reviewed.openRowsByClass, (k) => t(`review.class.${k}` as MessageKey)) }
      ]
    },
    { label: 'overview.stage.proposed', figures: [{ text: counts(figures.proposed, (k) => proposalStatusLabel(t, k)), span: 4 }] },
    {
      label: 'overview.stage.complaints',
      figures: [
        n('complaints.view.open', figures.complaints.open),
        n('overview.left.complaintsOverdue', figures.complaints.overdue),
        n('overview.complaints.resolved', figures.complaints.resolved),
        n('overview.complaints.resolvedLate', figures.complaints.resolvedLate)
      ]
    }
  ]
}

/** Where the workspace stands: records at each stage of the workflow, and the work left at each. */
export function Overview({ status, onError, go }: PageProps) {
  const { t, lang } = useI18n()
  // Asked again whenever the workspace status reloads (after each page change and job).
  const figures = useQuery('review:overview', {}, { onError, deps: [status] }).data
  const tiles: Tile[] = [
    ['overview.kind.site', status.records.site, 'records-site', () => go('import')],
    ['overview.kind.registry', status.records.registry, 'records-registry', () => go('import')],
    ['overview.kind.complaint', status.records.complaint, 'records-complaint', () => go('complaints', 'all')],
    ['overview.rejects', status.rejects, 'rejects', () => go('import')],
    ['overview.persons', status.persons, 'persons', () => go('link', 'all')],
    ['overview.links', sum(status.links), 'links', () => go('link', 'all')],
    ['overview.proposals', sum(status.proposals), 'proposals', () => go('approve')],
    ['overview.batches', status.exportBatches, 'batches', () => go('export')],
    ['overview.audit', status.auditEntries, 'audit'],
    ['overview.schema', status.schemaVersion, 'schema']
  ]
  return (
    <section>
      <h2>{t('nav.overview')}</h2>
      {figures && (
        <>
          <h3>{t('overview.workLeft')}</h3>
          <Tiles
            testId="work-left"
            tiles={[
              ['overview.left.candidates', figures.workLeft.candidates, 'left-candidates', () => go('review', 'candidates')],
              ['overview.left.reviewRows', figures.workLeft.reviewRows, 'left-review', () => go('review')],
              ['overview.left.deferredRows', figures.workLeft.deferredRows, 'left-deferred', () => go('review', 'deferred')],
              ['overview.left.complaintsOpen', figures.workLeft.complaintsOpen, 'left-complaints', () => go('complaints')],
              ['overview.left.complaintsOverdue', figures.workLeft.complaintsOverdue, 'left-overdue', () => go('complaints', 'overdue')],
              ['overview.left.awaitingApproval', figures.workLeft.awaitingApproval, 'left-approval', () => go('approve')],
              ['overview.left.awaitingExport', figures.workLeft.awaitingExport, 'left-export', () => go('export')],
              ['overview.left.doseIssues', figures.workLeft.doseIssues, 'left-dose-issues', () => go('link')]
            ]}
          />
          <h3>{t('overview.stages')}</h3>
          <DataTable
            className="stages"
            testId="stages"
            rows={stages(figures.stages, t, lang)}
            rowKey={(s) => s.label}
            columns={[
              { id: 'stage', rowHeader: true, cell: (s) => t(s.label) },
              ...[0, 1, 2, 3].map((i): Column<Stage> => ({
                id: String(i),
                cell: (s) => s.figures[i]?.text,
                td: (s) => ({ colSpan: s.figures[i]?.span })
              }))
            ]}
          />
        </>
      )}
      <h3>{t('overview.records')}</h3>
      <Tiles tiles={tiles} />
    </section>
  )
}
