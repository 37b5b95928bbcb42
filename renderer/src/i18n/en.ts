import * as common from './messages/common.ts'
import * as importMessages from './messages/import.ts'
import * as users from './messages/users.ts'
import * as approve from './messages/approve.ts'
import * as exportMessages from './messages/export.ts'
import * as link from './messages/link.ts'
import * as review from './messages/review.ts'
import * as complaints from './messages/complaints.ts'
import * as reports from './messages/reports.ts'
import * as labels from './messages/labels.ts'
import * as encryption from './messages/encryption.ts'
import type { MessageKey } from './vi.ts'

export const en: Record<MessageKey, string> = {
  ...common.en,
  ...importMessages.en,
  ...users.en,
  ...approve.en,
  ...exportMessages.en,
  ...link.en,
  ...review.en,
  ...complaints.en,
  ...reports.en,
  ...labels.en,
  ...encryption.en
}
