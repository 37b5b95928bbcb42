import { appendAudit } from '../audit/append.ts'
import { VaxError } from '../base/errors.ts'
import type { Workspace } from '../workspace/workspace.ts'
import { Mapping, type SourceKind } from './fields.ts'

/** A saved mapping, reused for files of the same shape (the same header labels). */
export interface MappingTemplate {
  id: number
  name: string
  kind: SourceKind
  headerSignature: string
  mapping: Mapping
  /** The site of the files this template was saved for, when they name it nowhere else. */
  siteName: string | null
  createdAt: string
}

interface Row {
  id: number
  name: string
  kind: SourceKind
  header_signature: string
  mapping_json: string
  site_name: string | null
  created_at: string
}

const toTemplate = (r: Row): MappingTemplate => ({
  id: r.id,
  name: r.name,
  kind: r.kind,
  headerSignature: r.header_signature,
  mapping: Mapping.parse(JSON.parse(r.mapping_json)),
  siteName: r.site_name,
  createdAt: r.created_at
})

export function listTemplates(ws: Workspace, kind?: SourceKind): MappingTemplate[] {
  const rows = (
    kind
      ? ws.db.prepare('SELECT * FROM mapping_templates WHERE kind = ? ORDER BY name').all(kind)
      : ws.db.prepare('SELECT * FROM mapping_templates ORDER BY name').all()
  ) as Row[]
  return rows.map(toTemplate)
}

/** The template saved for this header shape, if any (the most recent one wins). */
export function findTemplate(ws: Workspace, kind: SourceKind, headerSignature: string): MappingTemplate | null {
  const r = ws.db
    .prepare('SELECT * FROM mapping_templates WHERE kind = ? AND header_signature = ? ORDER BY created_at DESC, id DESC LIMIT 1')
    .get(kind, headerSignature) as Row | undefined
  return r ? toTemplate(r) : null
}

/** Saves (or replaces, by name) a mapping template; audited like every change. */
export function saveTemplate(
  ws: Workspace,
  t: { name: string; kind: SourceKind; headerSignature: string; mapping: Mapping; siteName?: string | null },
  actor: string | null
): MappingTemplate {
  const name = t.name.trim()
  if (name === '') {
    throw new VaxError('TEMPLATE_NAME_EMPTY', { vi: 'Hãy đặt tên cho mẫu ghép cột.', en: 'Give the mapping template a name.' })
  }
  return ws.tx(() => {
    const old = ws.db.prepare('SELECT * FROM mapping_templates WHERE name = ?').get(name) as Row | undefined
    const createdAt = new Date().toISOString()
    const siteName = t.kind === 'site' && t.siteName?.trim() ? t.siteName.trim() : null
    if (old) {
      ws.db
        .prepare(
          'UPDATE mapping_templates SET kind = ?, header_signature = ?, mapping_json = ?, site_name = ?, created_at = ? WHERE id = ?'
        )
        .run(t.kind, t.headerSignature, JSON.stringify(t.mapping), siteName, createdAt, old.id)
    } else {
      ws.db
        .prepare(
          'INSERT INTO mapping_templates (name, kind, header_signature, mapping_json, site_name, created_at) VALUES (?, ?, ?, ?, ?, ?)'
        )
        .run(name, t.kind, t.headerSignature, JSON.stringify(t.mapping), siteName, createdAt)
    }
    const saved = ws.db.prepare('SELECT * FROM mapping_templates WHERE name = ?').get(name) as Row
    appendAudit(ws.db, {
      actor,
      action: old ? 'import.template.replace' : 'import.template.save',
      entity: 'mapping_template',
      entityId: saved.id,
      ...(old && { old: { kind: old.kind, mapping: JSON.parse(old.mapping_json) as unknown } }),
      new: { name, kind: t.kind, mapping: t.mapping, site_name: siteName }
    })
    return toTemplate(saved)
  })
}
