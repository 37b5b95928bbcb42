import { districtByCode, provinceByCode } from '../data/vn-admin.ts'
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
  const code =
    set?.value ??
    (
      ws.db
        .prepare(
          `SELECT district_code AS code FROM records WHERE kind = 'site' AND district_code IS NOT NULL
           GROUP BY district_code ORDER BY count(*) DESC, district_code LIMIT 1`
        )
        .get() as { code: string } | undefined
    )?.code ??
    null
  const unit = code ? districtByCode.get(code) : undefined
  const province = unit?.parent_code ? provinceByCode.get(unit.parent_code) : undefined
  return { code, name: unit?.name_with_type ?? null, province: province?.name_with_type ?? null }
}
