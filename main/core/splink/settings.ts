import { z } from 'zod'
import { VaxError } from '../base/errors.ts'
import { TF_FLOOR } from '../link/model/tf.ts'
import type { Db } from '../workspace/workspace.ts'
import { BLOCKING_SQL } from './blocking-sql.ts'
import { COMPARISON_SQL, TF_COLUMNS } from './comparisons-sql.ts'

/**
 * The linkage model as the match stores it (match_runs.model_json, `link`: the site and
 * complaint rows against the registry). Only this public shape is read (names, level
 * codes, m, u, λ), so a change inside the engine needs at most a new entry in
 * comparisons-sql.ts.
 */
export const StoredModelSchema = z.object({
  lambda: z.number().gt(0).lt(1),
  comparisons: z.array(z.object({ name: z.string(), levels: z.array(z.string()), m: z.array(z.number()), u: z.array(z.number()) })).min(1)
})
export type StoredModel = z.infer<typeof StoredModelSchema>

export interface SplinkLevel {
  sql_condition: string
  label_for_charts: string
  is_null_level?: true
  m_probability?: number
  u_probability?: number
  fix_m_probability?: boolean
  fix_u_probability?: boolean
  tf_adjustment_column?: string
  tf_adjustment_weight?: number
  tf_minimum_u_value?: number
  disable_tf_exact_match_detection?: boolean
}

export interface SplinkComparison {
  output_column_name: string
  comparison_description: string
  comparison_levels: SplinkLevel[]
}

export interface SplinkSettings {
  link_type: 'link_only'
  probability_two_random_records_match: number
  sql_dialect: 'duckdb'
  unique_id_column_name: 'unique_id'
  source_dataset_column_name: 'source_dataset'
  retain_matching_columns: boolean
  retain_intermediate_calculation_columns: boolean
  additional_columns_to_retain: string[]
  em_convergence: number
  max_iterations: number
  match_weight_column_prefix: 'mw_'
  term_frequency_adjustment_column_prefix: 'tf_'
  comparison_vector_value_column_prefix: 'gamma_'
  blocking_rules_to_generate_predictions: { blocking_rule: string; sql_dialect: 'duckdb' }[]
  comparisons: SplinkComparison[]
}

const noModel = (): VaxError =>
  new VaxError('SPLINK_NO_MODEL', {
    vi: 'Chưa có mô hình liên kết: hãy chạy liên kết (vaxrecon match) trước.',
    en: 'There is no linkage model yet: run the match (vaxrecon match) first.'
  })

/** The model of the last finished match. */
export function lastModel(db: Db): StoredModel {
  const row = db.prepare('SELECT model_json FROM match_runs WHERE finished_at IS NOT NULL ORDER BY id DESC LIMIT 1').get() as
    { model_json: string | null } | undefined
  if (!row?.model_json) throw noModel()
  let link: unknown
  try {
    link = (JSON.parse(row.model_json) as { link?: unknown }).link
  } catch {
    link = undefined
  }
  if (link === null || link === undefined) throw noModel()
  const parsed = StoredModelSchema.safeParse(link)
  if (!parsed.success) {
    throw new VaxError('SPLINK_BAD_MODEL', {
      vi: 'Mô hình lưu trong không gian làm việc bị hỏng hoặc sai định dạng; hãy chạy lại liên kết.',
      en: 'The model stored in the workspace is damaged or in an unknown shape; run the match again.'
    })
  }
  return parsed.data
}

function unsupported(what: string): VaxError {
  return new VaxError('SPLINK_UNSUPPORTED', {
    vi: `Chưa xuất được so sánh ${what} sang Splink.`,
    en: `The comparison ${what} has no Splink translation yet.`
  })
}

function comparison(c: StoredModel['comparisons'][number], tfFloor: number): SplinkComparison {
  const build = COMPARISON_SQL[c.name]
  if (!build) throw unsupported(c.name)
  const sql = build()
  const tf = TF_COLUMNS[c.name]
  const levels: SplinkLevel[] = [
    { sql_condition: sql['null'] as string, label_for_charts: `${c.name}: missing on either side`, is_null_level: true }
  ]
  c.levels.forEach((code, i) => {
    const cond = sql[code]
    if (cond === undefined) throw unsupported(`${c.name}.${code}`)
    const last = i === c.levels.length - 1
    if (last !== (cond === 'ELSE')) throw unsupported(`${c.name}.${code}`)
    const level: SplinkLevel = {
      sql_condition: cond,
      label_for_charts: `${c.name}: ${code.replaceAll('_', ' ')}`,
      m_probability: c.m[i] as number,
      u_probability: c.u[i] as number,
      fix_m_probability: false,
      fix_u_probability: false
    }
    // Agreeing on a rare name says more (model/tf.ts): Splink then uses m / frequency, as VaxRecon does.
    if (tf && (code === 'exact' || code === 'no_diacritics')) {
      Object.assign(level, {
        tf_adjustment_column: tf,
        tf_adjustment_weight: 1.0,
        tf_minimum_u_value: tfFloor,
        disable_tf_exact_match_detection: true
      })
    }
    levels.push(level)
  })
  return { output_column_name: c.name, comparison_description: `VaxRecon ${c.name}`, comparison_levels: levels }
}

/**
 * The match stores m and u to four significant digits, so a level holding nearly all of
 * them (an ID agreeing in 99.998% of matches) reads 1, which Splink's log2(m/u) and the
 * (0, 1) range cannot take. Each row is a distribution: such a value is 1 minus the others.
 */
function unrounded(ps: readonly number[]): number[] {
  const total = ps.reduce((a, b) => a + b, 0)
  return ps.map((p) => (p >= 1 ? 1 - (total - p) : p))
}

/** The stored model as Splink settings, in Splink's DuckDB dialect. */
export function splinkSettings(stored: StoredModel): SplinkSettings {
  const model = { ...stored, comparisons: stored.comparisons.map((c) => ({ ...c, m: unrounded(c.m), u: unrounded(c.u) })) }
  for (const c of model.comparisons) {
    const ok = c.m.length === c.levels.length && c.u.length === c.levels.length && [...c.m, ...c.u].every((p) => p > 0 && p < 1)
    if (!ok) {
      throw new VaxError('SPLINK_BAD_MODEL', {
        vi: `Mô hình có xác suất m, u không hợp lệ ở so sánh ${c.name}; hãy chạy lại liên kết.`,
        en: `The model's m or u probabilities of ${c.name} are not in (0, 1); run the match again.`
      })
    }
  }
  return {
    link_type: 'link_only',
    probability_two_random_records_match: model.lambda,
    sql_dialect: 'duckdb',
    unique_id_column_name: 'unique_id',
    source_dataset_column_name: 'source_dataset',
    retain_matching_columns: true,
    retain_intermediate_calculation_columns: true,
    additional_columns_to_retain: ['record_kind', 'source_file', 'source_sheet', 'source_row'],
    em_convergence: 0.0001,
    max_iterations: 25,
    match_weight_column_prefix: 'mw_',
    term_frequency_adjustment_column_prefix: 'tf_',
    comparison_vector_value_column_prefix: 'gamma_',
    blocking_rules_to_generate_predictions: BLOCKING_SQL.map((b) => ({ blocking_rule: b.sql, sql_dialect: 'duckdb' })),
    comparisons: model.comparisons.map((c) => comparison(c, TF_FLOOR))
  }
}
