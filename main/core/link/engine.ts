import type { JobContext } from '../base/job-context.ts'
import { ComparePool } from './compare-pool.ts'
import type { EngineInput, EngineOptions, EngineResult } from './engine-types.ts'
import { explain } from './model/score.ts'
import type { Prepared } from './prepare.ts'
import { anchorRows } from './stages/anchor.ts'
import { linkComplaints } from './stages/complaints.ts'
import { engineContext } from './stages/context.ts'
import { checkPersonDoses } from './stages/doses.ts'
import { groupPersons } from './stages/persons.ts'
import { linkToRegistry } from './stages/registry.ts'

/**
 * The whole linkage, in memory, as five stages over one context: link every site row and
 * complaint to the registry, anchor the rows that link confidently on their own, group
 * site rows into persons (one link each), link complaints to registry and person, check
 * each person's doses. Pure apart from progress and cancel; the job stores the result.
 * Pairs are compared on `opts.threads` threads, which hold the records as `subjects`
 * (site rows, then complaints: a site row's index is the same in both), `registry` and
 * `complaints`; a caller that sent them those sets already passes its pool as `threads`
 * (and closes it).
 */
export function runEngine(input: EngineInput, opts: EngineOptions, job: JobContext, threads?: ComparePool): EngineResult {
  const subjects = [...input.sites, ...input.complaints]
  const pool = threads ?? new ComparePool(opts.threads ?? 1)
  if (!threads) {
    pool.send('subjects', subjects)
    pool.send('registry', input.registry)
    pool.send('complaints', input.complaints)
  }
  pool.use({ subjects, registry: input.registry, complaints: input.complaints })
  try {
    const ec = engineContext(input, subjects, opts, job, pool)
    const reg = linkToRegistry(ec)
    const anchors = anchorRows(ec, reg)
    const grouped = groupPersons(ec, reg, anchors)
    const complaints = linkComplaints(ec, reg, grouped)
    const doseIssues = checkPersonDoses(ec, grouped)
    const model = reg.fit?.model
    return {
      persons: grouped.persons,
      complaints,
      doseIssues,
      explain: (p) => (model ? explain(model, subjects[p.subject] as Prepared, input.registry[p.target] as Prepared) : []),
      link: reg.fit?.summary ?? null,
      dedup: grouped.dedupSummary
    }
  } finally {
    if (!threads) pool.close()
  }
}
