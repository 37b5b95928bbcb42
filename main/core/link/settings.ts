import { z } from 'zod'
import { appendAudit } from '../audit/append.ts'
import { VaxError } from '../base/errors.ts'
import type { Db } from '../workspace/workspace.ts'
import { DEFAULT_THRESHOLDS, type Thresholds } from './decide.ts'
import { DEFAULT_DUPLICATE_WINDOW_DAYS } from './dose-checks.ts'

/** The linkage settings a workspace keeps (in the settings table), so every run and screen agree. */
export interface LinkSettings {
  thresholds: Thresholds
  duplicateWindowDays: number
}

const KEY = 'link.settings'

export const LinkSettingsSchema = z.object({
  thresholds: z.object({ auto: z.number().finite(), review: z.number().finite() }),
  duplicateWindowDays: z.number().int().min(0).max(60)
})

export const DEFAULT_LINK_SETTINGS: LinkSettings = { thresholds: DEFAULT_THRESHOLDS, duplicateWindowDays: DEFAULT_DUPLICATE_WINDOW_DAYS }

export function getLinkSettings(db: Db): LinkSettings {
  const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(KEY) as { value: string } | undefined
  if (!row) return DEFAULT_LINK_SETTINGS
  const parsed = LinkSettingsSchema.safeParse(JSON.parse(row.value))
  return parsed.success ? parsed.data : DEFAULT_LINK_SETTINGS
}

export function validateThresholds(t: Thresholds): void {
  if (!(t.review <= t.auto)) {
    throw new VaxError('LINK_THRESHOLDS_ORDER', {
      vi: 'Ngưỡng xem xét phải nhỏ hơn hoặc bằng ngưỡng tự động liên kết.',
      en: 'The review threshold must not be above the auto-link threshold.'
    })
  }
}

/** Saves changed settings with an audit entry; call inside the mutating transaction. */
export function saveLinkSettings(db: Db, next: LinkSettings, actor: string | null): void {
  validateThresholds(next.thresholds)
  const old = getLinkSettings(db)
  if (JSON.stringify(old) === JSON.stringify(next)) return
  db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(
    KEY,
    JSON.stringify(next)
  )
  appendAudit(db, { actor, action: 'link.settings', entity: 'settings', entityId: KEY, old, new: next })
}
