import { useI18n } from '../i18n/i18n.tsx'
import type { MessageKey } from '../i18n/vi.ts'
import type { PageProps } from '../shell/pages.tsx'

const sum = (o: Record<string, number>) => Object.values(o).reduce((a, b) => a + b, 0)

export function Overview({ status }: PageProps) {
  const { t } = useI18n()
  const tiles: [MessageKey, number, string][] = [
    ['overview.kind.site', status.records.site, 'records-site'],
    ['overview.kind.registry', status.records.registry, 'records-registry'],
    ['overview.kind.complaint', status.records.complaint, 'records-complaint'],
    ['overview.rejects', status.rejects, 'rejects'],
    ['overview.persons', status.persons, 'persons'],
    ['overview.links', sum(status.links), 'links'],
    ['overview.proposals', sum(status.proposals), 'proposals'],
    ['overview.batches', status.exportBatches, 'batches'],
    ['overview.audit', status.auditEntries, 'audit'],
    ['overview.schema', status.schemaVersion, 'schema']
  ]
  return (
    <section>
      <h2>{t('nav.overview')}</h2>
      <dl className="tiles">
        {tiles.map(([label, n, id]) => (
          <div key={id} className="tile" data-testid={`tile-${id}`}>
            <dt>{t(label)}</dt>
            <dd>{n.toLocaleString()}</dd>
          </div>
        ))}
      </dl>
    </section>
  )
}
