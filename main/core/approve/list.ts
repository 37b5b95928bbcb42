import type { User } from '../users/users.ts'
import type { Workspace } from '../workspace/workspace.ts'
import { countProposals, selectProposals, toProposalRow, whereOf } from './proposal-query.ts'
import { ProposalFilter, ProposalStatus, type ProposalFilterInput, type ProposalPage } from './schema.ts'

/**
 * A page of proposals with facet counts. The status counts ignore the status filter, so
 * the tabs can show how many wait in each state while one is open.
 */
export function listProposals(
  ws: Workspace,
  viewer: User | null,
  input: ProposalFilterInput,
  page: { offset: number; limit: number }
): ProposalPage {
  const filter = ProposalFilter.parse(input)
  const where = whereOf(filter, viewer?.id ?? null)
  return {
    rows: selectProposals(ws, where, page).map(toProposalRow),
    total: countProposals(ws, where)['all'] ?? 0,
    counts: {
      byStatus: countProposals(ws, whereOf({ ...filter, status: ProposalStatus.options }, viewer?.id ?? null), 'p.status'),
      byKind: countProposals(ws, where, 'kind'),
      byField: countProposals(ws, where, 'p.field')
    }
  }
}
