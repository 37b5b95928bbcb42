import { districtByCode, provinceByCode } from '../data/vn-admin.ts'
import { commonestSiteDistrict } from '../records/district-reads.ts'
import type { Workspace } from '../workspace/workspace.ts'

export interface District {
  code: string | null
  name: string | null
  province: string | null
}

/** settings key a workspace may set to name its district explicitly. */
export const DISTRICT_SETTING = 'district_code'

/**
 * The district a workspace reports for: the one set in its settings, or else the one
 * most of its site records belong to (a district office imports its own sites).
 */
export function workspaceDistrict(ws: Workspace): District {
  const set = ws.db.prepare('SELECT value FROM settings WHERE key = ?').get(DISTRICT_SETTING) as { value: string } | undefined
  const code = set?.value ?? commonestSiteDistrict(ws.db)
  const unit = code ? districtByCode.get(code) : undefined
  const province = unit?.parent_code ? provinceByCode.get(unit.parent_code) : undefined
  return { code, name: unit?.name_with_type ?? null, province: province?.name_with_type ?? null }
}
