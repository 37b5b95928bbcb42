import type { JobContext } from '../base/job-context.ts'
import type { Workspace } from '../workspace/workspace.ts'
import { ComparePool, defaultThreads } from './compare-pool.ts'
import { runEngine } from './engine.ts'
import type { EngineResult } from './engine-types.ts'
import { loadFrozen, loadPrepared } from './load.ts'
import { RECORD_CHUNK } from './pool-records.ts'
import { getLinkSettings, saveLinkSettings, type LinkSettings } from './settings.ts'
import { auditRun, matchCounts, storeResult, type MatchCounts } from './store.ts'
import { now as clockNow, vnDateIso } from '../base/clock.ts'

export interface MatchParams {
  /** New thresholds or dose-check window to save and use; otherwise the workspace's. */
  settings?: Partial<LinkSettings>
  /** Who started the run, for the audit log. */
  actor?: string | null
  /** Threads comparing pairs (default: the cores there are); the links are the same whatever it is. */
  threads?: number
}

/**
 * Random pairs compared to estimate u, seconds of work. A level no random non-match
 * reaches (two strangers at one address) gets u ≈ 1/RANDOM_PAIRS, so this also caps what
 * strong agreement can weigh: about log2(m · 300,000) ≈ 17 bits at 300,000, which left
 * FEBRL4's matches with a replaced birth date and ID just short of the auto threshold.
 */
const RANDOM_PAIRS = 1_000_000
/** The same data always gives the same model. */
const SEED = 20210308

export interface MatchResult extends MatchCounts {
  seconds: number
}

/** A run computed but not yet stored: what `storeMatch` writes. */
export interface ComputedMatch {
  settings: LinkSettings
  result: EngineResult
  started: number
  startedAt: string
  actor: string | null
}

/**
 * The reading and computing half of `vaxrecon match`: links every site row and complaint
 * to the registry, groups site rows into persons and checks their doses, outside any write
 * transaction, so the workspace stays open to readers for the whole computation.
 */
export function computeMatch(ws: Workspace, params: MatchParams, ctx: JobContext): ComputedMatch {
  const started = Date.now()
  const startedAt = clockNow().toISOString()
  const db = ws.db
  const settings: LinkSettings = { ...getLinkSettings(db), ...params.settings }
  ctx.progress({ done: 0, total: null, stage: 'load' })
  // The threads take the records in while the rest are read; complaints follow the site
  // rows in `subjects`, as the engine numbers them.
  const pool = new ComparePool(params.threads ?? defaultThreads())
  try {
    const sites = loadPrepared(db, 'site', (rs) => pool.send('subjects', rs), RECORD_CHUNK)
    const registry = loadPrepared(db, 'registry', (rs) => pool.send('registry', rs), RECORD_CHUNK)
    const complaints = loadPrepared(
      db,
      'complaint',
      (rs) => {
        pool.send('subjects', rs)
        pool.send('complaints', rs)
      },
      RECORD_CHUNK
    )
    const frozen = loadFrozen(db)
    ctx.checkCancelled()

    const result: EngineResult = runEngine(
      { sites, registry, complaints, frozenPersons: frozen.persons, frozenComplaints: frozen.complaints },
      {
        thresholds: settings.thresholds,
        seed: SEED,
        maxRandomPairs: RANDOM_PAIRS,
        duplicateWindowDays: settings.duplicateWindowDays,
        today: vnDateIso(new Date(startedAt)),
        threads: pool.threads
      },
      ctx,
      pool
    )
    return { settings, result, started, startedAt, actor: params.actor ?? null }
  } finally {
    pool.close()
  }
}

/** The writing half: stores the run and its audit entry, inside the caller's transaction. */
export function storeMatch(ws: Workspace, run: ComputedMatch, ctx: JobContext): MatchCounts {
  const db = ws.db
  saveLinkSettings(db, run.settings, run.actor)
  const runId = storeResult(db, run.result, { params: { settings: run.settings }, startedAt: run.startedAt, actor: run.actor }, ctx)
  const c = matchCounts(db, runId)
  auditRun(db, run.actor, c, run.settings)
  return c
}
