import { decide, previewDecision } from '../../core/approve/decide.ts'
import { listProposals } from '../../core/approve/list.ts'
import type { Session } from '../session.ts'
import type { HandlerMap } from './types.ts'

/** The four-eyes rule is enforced in core; these only pass the signed-in user along. */
export function approveHandlers(s: Session): HandlerMap<'approve:list' | 'approve:preview' | 'approve:decide'> {
  return {
    'approve:list': ({ filter, offset, limit }) => listProposals(s.workspace, s.user, filter, { offset, limit }),
    'approve:preview': ({ verdict, selection }) => previewDecision(s.workspace, s.user, verdict, selection),
    'approve:decide': (req) => decide(s.workspace, s.user, req, s.signer)
  }
}
