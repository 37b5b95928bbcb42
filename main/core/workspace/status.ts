import { recordsPerKind } from '../records/record-counts.ts'
import { schemaVersion, type Workspace } from './workspace.ts'

export interface WorkspaceStatus {
  path: string
  schemaVersion: number
  encrypted: boolean
  imports: Record<'site' | 'registry' | 'complaint', number>
  records: Record<'site' | 'registry' | 'complaint', number>
  rejects: number
  persons: number
  links: Record<string, number>
  proposals: Record<string, number>
  exportBatches: number
  users: number
  auditEntries: number
}

type Kind = 'site' | 'registry' | 'complaint'

function countBy(ws: Workspace, sql: string): Record<string, number> {
  const out: Record<string, number> = {}
  for (const r of ws.db.prepare(sql).all() as { k: string; n: number }[]) out[r.k] = r.n
  return out
}

function perKind(counts: Record<string, number>): Record<Kind, number> {
  return { site: counts['site'] ?? 0, registry: counts['registry'] ?? 0, complaint: counts['complaint'] ?? 0 }
}

function count(ws: Workspace, table: string): number {
  return (ws.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n
}

export function workspaceStatus(ws: Workspace): WorkspaceStatus {
  return {
    path: ws.path,
    schemaVersion: schemaVersion(ws),
    encrypted: ws.key !== null,
    imports: perKind(countBy(ws, 'SELECT kind AS k, count(*) AS n FROM imports GROUP BY kind')),
    records: perKind(recordsPerKind(ws.db)),
    rejects: count(ws, 'rejects'),
    persons: count(ws, 'persons'),
    links: countBy(ws, 'SELECT status AS k, count(*) AS n FROM links GROUP BY status'),
    proposals: countBy(ws, 'SELECT status AS k, count(*) AS n FROM proposals GROUP BY status'),
    exportBatches: count(ws, 'export_batches'),
    users: count(ws, 'users'),
    auditEntries: count(ws, 'audit_log')
  }
}
