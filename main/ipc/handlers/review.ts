import { candidateQueue, candidatesPanel } from '../../core/review/candidates.ts'
import { decide } from '../../core/review/decisions.ts'
import { personPanel, proposeDose } from '../../core/review/doses.ts'
import { gridPage } from '../../core/review/grid.ts'
import { pickCandidate, unlink } from '../../core/review/links.ts'
import { notInRegistry } from '../../core/review/not-in-registry.ts'
import { overview } from '../../core/review/overview.ts'
import { nextUndoScope, undoLast, undoStack } from '../../core/review/undo.ts'
import type { UndoEntry } from '../../core/review/schemas.ts'
import type { Session } from '../session.ts'
import type { HandlerMap } from './types.ts'

type ReviewChannel =
  | 'review:page'
  | 'review:facets'
  | 'review:decide'
  | 'review:bulkPreview'
  | 'review:undo'
  | 'review:undoStack'
  | 'review:unlink'
  | 'review:candidateQueue'
  | 'review:candidates'
  | 'review:pick'
  | 'review:notInRegistry'
  | 'review:person'
  | 'review:dose'
  | 'review:overview'

export function reviewHandlers(s: Session): HandlerMap<ReviewChannel> {
  return {
    'review:page': (req) => gridPage(s.workspace, req),
    // Off the main process: at a million rows the recount and a bulk rule's count take seconds.
    'review:facets': ({ filter }) => s.queries.run({ kind: 'facets', filter }),
    'review:decide': (req) => decide(s.workspace, s.user, req),
    'review:bulkPreview': ({ filter, action }) => s.queries.run({ kind: 'bulk-preview', filter, action }),
    // Taking back a bulk decision rewrites as much as making it: in a worker, while this call waits.
    'review:undo': async () =>
      nextUndoScope(s.workspace.db, s.user) === 'bulk'
        ? ((await s.jobs.start(s.workspace.path, { kind: 'review-undo', userId: s.user.id }, s.workspace.key).result) as UndoEntry)
        : undoLast(s.workspace, s.user),
    'review:undoStack': () => ({ entries: undoStack(s.workspace, s.user) }),
    'review:unlink': (req) => unlink(s.workspace, s.user, req),
    'review:candidateQueue': (page) => candidateQueue(s.workspace, page),
    'review:candidates': (subject) => candidatesPanel(s.workspace, subject),
    'review:pick': (req) => pickCandidate(s.workspace, s.user, req),
    'review:notInRegistry': (req) => notInRegistry(s.workspace, s.user, req),
    'review:person': ({ personId }) => personPanel(s.workspace, personId),
    'review:dose': (req) => proposeDose(s.workspace, s.user, req),
    'review:overview': () => overview(s.workspace)
  }
}
