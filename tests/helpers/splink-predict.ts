import type { DuckDBConnection } from '@duckdb/node-api'
import { RECORD_COLUMNS } from '../../main/core/splink/record-columns.ts'
import type { SplinkLevel, SplinkSettings } from '../../main/core/splink/settings.ts'

/**
 * Splink's prediction on DuckDB, as Splink writes its SQL (splink/internals/predict.py,
 * comparison_level.py, term_frequencies.py): blocking rules unioned, term frequencies over
 * both inputs, each comparison's CASE of its levels (null level -1, the others counted down
 * to 0), log2(m/u) per level, and on tf levels w·(log2 u_exact − log2 max(tf_l, tf_r, min_u)).
 * Splink itself is Python and not installable here; this is the same arithmetic on the same
 * engine, so the exported settings are checked as Splink would run them.
 */
export interface PredictTiming {
  blockSeconds: number
  scoreSeconds: number
  pairs: number
}

const gammaCol = (name: string): string => `gamma_${name}`

/** Each level's Splink comparison vector value (null level −1; the rest from n−1 down to 0). */
export function gammaValues(levels: readonly SplinkLevel[]): number[] {
  let next = levels.filter((l) => !l.is_null_level).length - 1
  return levels.map((l) => (l.is_null_level ? -1 : next--))
}

function caseSql(levels: readonly SplinkLevel[]): string {
  const g = gammaValues(levels)
  const whens = levels.map((l, i) => (l.sql_condition === 'ELSE' ? `ELSE ${g[i]}` : `WHEN ${l.sql_condition} THEN ${g[i]}`))
  return `CASE ${whens.join(' ')} END`
}

const tfColumns = (s: SplinkSettings): string[] => [
  ...new Set(s.comparisons.flatMap((c) => c.comparison_levels.flatMap((l) => (l.tf_adjustment_column ? [l.tf_adjustment_column] : []))))
]

/**
 * Creates `predictions` (unique_id_l, unique_id_r, gamma_*, bf-free match_weight and
 * match_probability) from tables `l_table` and `r_table` in the export's columns.
 */
export async function splinkPredict(con: DuckDBConnection, s: SplinkSettings, lTable: string, rTable: string): Promise<PredictTiming> {
  // Past this DuckDB spills to disk instead of taking the shared machine's memory.
  await con.run(`SET memory_limit = '4GB'`)
  const t0 = performance.now()
  const tfs = tfColumns(s)
  for (const c of tfs) {
    await con.run(`CREATE OR REPLACE TABLE tf_${c} AS
      WITH concat AS (SELECT "${c}" AS v FROM ${lTable} UNION ALL SELECT "${c}" AS v FROM ${rTable})
      SELECT v, CAST(count(*) AS DOUBLE) / (SELECT count(v) FROM concat) AS tf FROM concat WHERE v IS NOT NULL GROUP BY v`)
  }
  const rules = s.blocking_rules_to_generate_predictions.map(
    (b) => `SELECT l.unique_id AS id_l, r.unique_id AS id_r FROM ${lTable} l JOIN ${rTable} r ON ${b.blocking_rule}`
  )
  await con.run(`CREATE OR REPLACE TABLE blocked AS ${rules.join(' UNION ')}`)
  const t1 = performance.now()
  // Only the columns the comparisons read, as Splink selects them.
  const read = new Set(['unique_id', ...[...JSON.stringify(s.comparisons).matchAll(/\\"([a-z_]+)_[lr]\\"/g)].map((m) => m[1] as string)])
  const cols = RECORD_COLUMNS.filter(([c]) => read.has(c)).flatMap(([c]) => [`l."${c}" AS "${c}_l"`, `r."${c}" AS "${c}_r"`])
  const tfJoins = tfs.map((c) => `LEFT JOIN tf_${c} tl_${c} ON tl_${c}.v = l."${c}" LEFT JOIN tf_${c} tr_${c} ON tr_${c}.v = r."${c}"`)
  const tfCols = tfs.flatMap((c) => [`tl_${c}.tf AS "tf_${c}_l"`, `tr_${c}.tf AS "tf_${c}_r"`])
  await con.run(`CREATE OR REPLACE TABLE compared AS
    SELECT ${[...cols, ...tfCols].join(', ')}
    FROM blocked b JOIN ${lTable} l ON l.unique_id = b.id_l JOIN ${rTable} r ON r.unique_id = b.id_r ${tfJoins.join(' ')}`)
  const gammas = s.comparisons.map((c) => `${caseSql(c.comparison_levels)} AS ${gammaCol(c.output_column_name)}`)
  await con.run(`CREATE OR REPLACE TABLE gammas AS SELECT *, ${gammas.join(', ')} FROM compared`)

  const prior = Math.log2(s.probability_two_random_records_match / (1 - s.probability_two_random_records_match))
  const terms = s.comparisons.map((c) => {
    const g = gammaValues(c.comparison_levels)
    const whens = c.comparison_levels.flatMap((l, i) => {
      if (l.is_null_level) return []
      const base = Math.log2((l.m_probability as number) / (l.u_probability as number))
      if (!l.tf_adjustment_column || !l.tf_adjustment_weight) return [`WHEN ${g[i]} THEN ${base}`]
      const tl = `"tf_${l.tf_adjustment_column}_l"`
      const tr = `"tf_${l.tf_adjustment_column}_r"`
      // disable_tf_exact_match_detection: the level's own u is the one the frequency replaces.
      const adj = `CASE WHEN coalesce(${tl}, ${tr}) IS NOT NULL THEN ${l.tf_adjustment_weight} * (${Math.log2(l.u_probability as number)} - log2(greatest(coalesce(${tl}, ${tr}), coalesce(${tr}, ${tl}), ${l.tf_minimum_u_value ?? 0}))) ELSE 0 END`
      return [`WHEN ${g[i]} THEN ${base} + ${adj}`]
    })
    return `(CASE ${gammaCol(c.output_column_name)} ${whens.join(' ')} ELSE 0 END)`
  })
  await con.run(`CREATE OR REPLACE TABLE predictions AS
    SELECT "unique_id_l", "unique_id_r", ${s.comparisons.map((c) => gammaCol(c.output_column_name)).join(', ')},
           ${prior} + ${terms.join(' + ')} AS match_weight
    FROM gammas`)
  await con.run('ALTER TABLE predictions ADD COLUMN match_probability DOUBLE')
  await con.run('UPDATE predictions SET match_probability = 1 / (1 + pow(2, -match_weight))')
  const pairs = Number((await con.runAndReadAll('SELECT count(*) AS n FROM predictions')).getRowObjects()[0]?.['n'])
  return { blockSeconds: (t1 - t0) / 1000, scoreSeconds: (performance.now() - t1) / 1000, pairs }
}
