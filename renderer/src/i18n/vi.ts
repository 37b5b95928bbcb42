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

/**
 * Vietnamese is the primary language: every key starts here, and each area's English
 * dictionary must have exactly the same keys (messages/*.ts). Add an area's file to both
 * lists below.
 */
export const vi = {
  ...common.vi,
  ...importMessages.vi,
  ...users.vi,
  ...approve.vi,
  ...exportMessages.vi,
  ...link.vi,
  ...review.vi,
  ...complaints.vi,
  ...reports.vi,
  ...labels.vi,
  ...encryption.vi
} as const

export type MessageKey = keyof typeof vi
