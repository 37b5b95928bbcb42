import { sql as records } from './0001-records.ts'
import { sql as reconciliation } from './0002-reconciliation.ts'
import { sql as importSite } from './0003-import-site.ts'
import { sql as signedApprovals } from './0004-signed-approvals.ts'
import { sql as reviewNameOrder } from './0005-review-name-order.ts'

/**
 * Migrations are append-only: a released migration is never edited, because
 * workspaces on USB sticks out in the districts were created by it.
 * Migration N brings a workspace from user_version N-1 to N.
 */
export const migrations: readonly { version: number; name: string; sql: string }[] = [
  { version: 1, name: 'records', sql: records },
  { version: 2, name: 'reconciliation', sql: reconciliation },
  { version: 3, name: 'import-site', sql: importSite },
  { version: 4, name: 'signed-approvals', sql: signedApprovals },
  { version: 5, name: 'review-name-order', sql: reviewNameOrder }
]

// The highest number, not the count: numbers are reserved per branch and merged in any order.
export const LATEST_VERSION = Math.max(...migrations.map((m) => m.version))
