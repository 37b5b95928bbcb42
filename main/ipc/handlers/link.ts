import { VaxError } from '../../core/base/errors.ts'
import { linkDetail, linkSummary, listLinks, previewThresholds } from '../../core/link/queries.ts'
import { validateThresholds } from '../../core/link/settings.ts'
import type { Session } from '../session.ts'
import type { HandlerMap } from './types.ts'

export function linkHandlers(s: Session): HandlerMap<'link:summary' | 'link:preview' | 'link:list' | 'link:detail'> {
  return {
    'link:summary': () => linkSummary(s.workspace.db),
    'link:preview': (t) => {
      validateThresholds(t)
      return { statuses: previewThresholds(s.workspace.db, t) }
    },
    'link:list': (q) => listLinks(s.workspace.db, q),
    'link:detail': ({ linkId }) => {
      const d = linkDetail(s.workspace.db, linkId)
      if (!d) throw new VaxError('LINK_NOT_FOUND', { vi: 'Không tìm thấy liên kết này.', en: 'This link was not found.' })
      return d
    }
  }
}
