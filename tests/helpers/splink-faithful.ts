import type { DuckDBConnection } from '@duckdb/node-api'
import { byName, compareInto } from '../../main/core/link/compare/index.ts'
import { loadPrepared } from '../../main/core/link/load.ts'
import { comparisonWeight, levelWeights, priorWeight, tfFrequency, type LinkModel } from '../../main/core/link/model/score.ts'
import { buildTermFrequencies } from '../../main/core/link/model/tf.ts'
import type { Prepared } from '../../main/core/link/prepare.ts'
import type { SplinkSettings } from '../../main/core/splink/settings.ts'
import type { Db } from '../../main/core/workspace/workspace.ts'

/**
 * VaxRecon's own levels and weights for the pairs Splink's SQL compared (table
 * `predictions`), from the exported m, u and λ and VaxRecon's own comparison and scoring code.
 */
export interface Faithfulness {
  pairs: number
  agreeing: number
  /** Pairs whose levels all agree and whose weights are within 0.01 bits. */
  weightsWithin: number
  /**
   * Largest |Splink weight − VaxRecon weight| over the pairs whose levels agree, with the
   * names read in written order; and over those with a name read reordered, where Splink's
   * term frequency is the written-order given name's (record-level), VaxRecon's the aligned one's.
   */
  maxWeightDiff: { written: number; reordered: number }
  /** "comparison vaxrecon_level→splink_level": pairs. */
  differing: Map<string, number>
}

/** VaxRecon's model with the exported m, u and λ (the levels in VaxRecon's order, the null level left out). */
export function linkModelOf(s: SplinkSettings, subjects: readonly Prepared[], registry: readonly Prepared[]): LinkModel {
  return {
    lambda: s.probability_two_random_records_match,
    comparisons: s.comparisons.map((c) => {
      const levels = c.comparison_levels.filter((l) => !l.is_null_level)
      return {
        comparison: byName(c.output_column_name),
        m: levels.map((l) => l.m_probability as number),
        u: levels.map((l) => l.u_probability as number)
      }
    }),
    tf: buildTermFrequencies([subjects, registry])
  }
}

export async function faithfulness(db: Db, con: DuckDBConnection, settings: SplinkSettings): Promise<Faithfulness> {
  const subjects = [...loadPrepared(db, 'site'), ...loadPrepared(db, 'complaint')]
  const registry = loadPrepared(db, 'registry')
  const model = linkModelOf(settings, subjects, registry)
  const byId = new Map([...subjects, ...registry].map((r) => [r.id, r]))
  const cs = model.comparisons.map((f) => f.comparison)
  const table = levelWeights(model)
  const gammas = cs.map((c) => `gamma_${c.name}`)
  const reader = await con.runAndReadAll(`SELECT unique_id_l, unique_id_r, ${gammas.join(', ')}, match_weight FROM predictions`)
  const levels = new Int8Array(cs.length)
  const out: Faithfulness = { pairs: 0, agreeing: 0, weightsWithin: 0, maxWeightDiff: { written: 0, reordered: 0 }, differing: new Map() }
  for (const row of reader.getRowsJS() as unknown[][]) {
    const a = byId.get(Number(row[0])) as Prepared
    const b = byId.get(Number(row[1])) as Prepared
    const scratch = compareInto(cs, a, b, levels)
    out.pairs++
    let agree = true
    let w = priorWeight(model.lambda)
    cs.forEach((c, i) => {
      const l = levels[i] as number
      const want = l < 0 ? -1 : c.levels.length - 1 - l
      const got = Number(row[2 + i])
      if (got !== want) {
        agree = false
        const gotLevel = got < 0 ? 'null' : (c.levels[c.levels.length - 1 - got] as string)
        const key = `${c.name} ${l < 0 ? 'null' : c.levels[l]}→${gotLevel}`
        out.differing.set(key, (out.differing.get(key) ?? 0) + 1)
      }
      if (l >= 0) w += comparisonWeight(model, table, i, l, tfFrequency(model, c, l, a, b, scratch))
    })
    if (!agree) continue
    out.agreeing++
    const diff = Math.abs(w - Number(row[2 + cs.length]))
    if (diff < 0.01) out.weightsWithin++
    const k = scratch.names?.swapped ? 'reordered' : 'written'
    out.maxWeightDiff[k] = Math.max(out.maxWeightDiff[k], diff)
  }
  return out
}
