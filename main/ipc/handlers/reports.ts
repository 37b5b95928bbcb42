import { saveReport } from '../../core/reports/save-report.ts'
import { now } from '../../core/base/clock.ts'
import { vnCompactDate } from '../../core/base/vn-format.ts'
import type { Session } from '../session.ts'
import type { HandlerMap } from './types.ts'

export function reportHandlers(s: Session): HandlerMap<'reports:get' | 'reports:daily' | 'reports:save'> {
  return {
    // Reports are for signed-in users: reading s.user throws NOT_SIGNED_IN otherwise. They
    // count every row of the workspace, so the query worker computes them, not this thread.
    'reports:get': () => {
      void s.user
      return s.queries.run({ kind: 'report-progress' })
    },
    'reports:daily': () => {
      void s.user
      return s.queries.run({ kind: 'report-daily' })
    },
    'reports:save': async ({ password }) => {
      const user = s.user
      const path = await s.platform.chooseSavePath({ defaultName: `bao-cao-tien-do-${vnCompactDate(now())}.xlsx`, extensions: ['xlsx'] })
      if (!path) return { path: null, signature: null }
      const content = await s.queries.run({ kind: 'report-content' })
      const saved = await saveReport(s.workspace, path, password ? { content, sign: { user, password } } : { content })
      return { path: saved.path, signature: saved.signature }
    }
  }
}
