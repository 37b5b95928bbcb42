import type { JobContext } from '../../base/job-context.ts'
import type { ComparePool } from '../compare-pool.ts'
import type { Thresholds } from '../decide.ts'
import type { EngineInput, EngineOptions, FrozenSubject } from '../engine-types.ts'
import type { Prepared } from '../prepare.ts'

/** What every stage of the engine reads: the records, the options, the job and the threads. */
export interface EngineContext {
  readonly sites: readonly Prepared[]
  readonly registry: readonly Prepared[]
  readonly complaints: readonly Prepared[]
  /** Site rows, then complaints: a site row's index is the same in `sites` and here. */
  readonly subjects: readonly Prepared[]
  readonly frozenPersons: readonly FrozenSubject[]
  readonly frozenComplaints: readonly FrozenSubject[]
  readonly opts: EngineOptions
  readonly thresholds: Thresholds
  readonly job: JobContext
  /** Compares pairs on the threads, which hold `subjects`, `registry` and `complaints`. */
  readonly pool: ComparePool
  /** records.id of a registry person → index into `registry`. */
  readonly regIndex: ReadonlyMap<number, number>
  /** records.id of a site row → index into `sites`. */
  readonly siteIndex: ReadonlyMap<number, number>
}

export function engineContext(
  input: EngineInput,
  subjects: readonly Prepared[],
  opts: EngineOptions,
  job: JobContext,
  pool: ComparePool
): EngineContext {
  return {
    sites: input.sites,
    registry: input.registry,
    complaints: input.complaints,
    subjects,
    frozenPersons: input.frozenPersons,
    frozenComplaints: input.frozenComplaints,
    opts,
    thresholds: opts.thresholds,
    job,
    pool,
    regIndex: new Map(input.registry.map((r, i) => [r.id, i])),
    siteIndex: new Map(input.sites.map((r, i) => [r.id, i]))
  }
}

/** Index into the registry of a registry records.id; -1 for none or one no longer there. */
export const regIdx = (ec: EngineContext, id: number | null): number => (id === null ? -1 : (ec.regIndex.get(id) ?? -1))

/** The site rows of records ids, in the order given. */
export const siteRows = (ec: EngineContext, ids: readonly number[]): Prepared[] =>
  ids.map((id) => ec.sites[ec.siteIndex.get(id) as number] as Prepared)
