import { useQuery } from '../data/useQuery.ts'
import { useI18n } from '../i18n/i18n.tsx'
import type { MessageKey } from '../i18n/vi.ts'
import { formatNumber } from '../format/format.ts'
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
          <table className="data stages" data-testid="stages">
            <tbody>
              <tr>
                <th>{t('overview.stage.imported')}</th>
                <td>{`${t('overview.kind.site')}: ${formatNumber(figures.stages.imported.site, lang)}`}</td>
                <td>{`${t('overview.kind.registry')}: ${formatNumber(figures.stages.imported.registry, lang)}`}</td>
                <td>{`${t('overview.kind.complaint')}: ${formatNumber(figures.stages.imported.complaint, lang)}`}</td>
                <td>{`${t('overview.rejects')}: ${formatNumber(figures.stages.imported.rejects, lang)}`}</td>
              </tr>
              <tr>
                <th>{t('overview.stage.linked')}</th>
                <td>{`${t('overview.persons')}: ${formatNumber(figures.stages.linked.persons, lang)}`}</td>
                <td>{`${t('overview.linkedRows')}: ${formatNumber(figures.stages.linked.siteRowsLinked, lang)}`}</td>
                <td colSpan={2}>
                  {`${t('overview.personsByLink')}: `}
                  {Object.entries(figures.stages.linked.byStatus)
                    .map(([k, n]) => `${linkStatusLabel(t, k)}: ${formatNumber(n, lang)}`)
                    .join(' · ')}
                </td>
              </tr>
              <tr>
                <th>{t('overview.stage.reviewed')}</th>
                {(['open', 'deferred', 'done'] as const).map((k) => (
                  <td key={k}>{`${t(`overview.rows.${k}`)}: ${formatNumber(figures.stages.reviewed.rows[k] ?? 0, lang)}`}</td>
                ))}
                <td>
                  {Object.entries(figures.stages.reviewed.openRowsByClass)
                    .map(([k, n]) => `${t(`review.class.${k}` as MessageKey)}: ${formatNumber(n, lang)}`)
                    .join(' · ')}
                </td>
              </tr>
              <tr>
                <th>{t('overview.stage.proposed')}</th>
                <td colSpan={4}>
                  {Object.entries(figures.stages.proposed)
                    .map(([k, n]) => `${proposalStatusLabel(t, k)}: ${formatNumber(n, lang)}`)
                    .join(' · ')}
                </td>
              </tr>
              <tr>
                <th>{t('overview.stage.complaints')}</th>
                <td>{`${t('complaints.view.open')}: ${formatNumber(figures.stages.complaints.open, lang)}`}</td>
                <td>{`${t('overview.left.complaintsOverdue')}: ${formatNumber(figures.stages.complaints.overdue, lang)}`}</td>
                <td>{`${t('overview.complaints.resolved')}: ${formatNumber(figures.stages.complaints.resolved, lang)}`}</td>
                <td>{`${t('overview.complaints.resolvedLate')}: ${formatNumber(figures.stages.complaints.resolvedLate, lang)}`}</td>
              </tr>
            </tbody>
          </table>
        </>
      )}
      <h3>{t('overview.records')}</h3>
      <Tiles tiles={tiles} />
    </section>
  )
}
