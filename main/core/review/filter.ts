import { foldForMatch } from '../base/vn-text.ts'
import { classBit, fieldBit, maskOf } from './fields.ts'
import type { ReviewFilter } from './schemas.ts'

export interface Where {
  sql: string
  params: unknown[]
}

/**
 * review_rows as one sequential pass: no index covers what a filter reads (see
 * view-order.ts), and left to itself SQLite would rather walk the name index in sort order
 * and look every row up, which over a million rows is a million random reads.
 */
export function rowsScan(alias = 'review_rows'): string {
  return `review_rows ${alias === 'review_rows' ? '' : `${alias} `}NOT INDEXED`
}

export type FacetDimension = 'classes' | 'fields' | 'sites' | 'statuses' | 'bands' | 'kinds'

/**
 * The grid filter as SQL over review_rows. `omit` leaves one facet out, which is how each
 * facet counts what choosing one of its values would show (as OpenRefine's facets do).
 */
export function rowWhere(filter: ReviewFilter, alias = 'review_rows', omit?: FacetDimension): Where {
  const parts: string[] = []
  const params: unknown[] = []
  const inList = (col: string, values: readonly string[]): void => {
    if (values.length === 0) return
    parts.push(`${alias}.${col} IN (${values.map(() => '?').join(', ')})`)
    params.push(...values)
  }
  if (omit !== 'statuses') inList('status', filter.statuses)
  if (omit !== 'bands') inList('band', filter.bands)
  if (omit !== 'kinds') inList('subject_kind', filter.kinds)
  if (omit !== 'sites') inList('site_name', filter.sites)
  if (omit !== 'classes' && filter.classes.length > 0) {
    parts.push(`(${alias}.classes & ?) <> 0`)
    params.push(maskOf(filter.classes, classBit))
  }
  if (omit !== 'fields' && filter.fields.length > 0) {
    parts.push(`(${alias}.fields & ?) <> 0`)
    params.push(maskOf(filter.fields, fieldBit))
  }
  const search = foldForMatch(filter.search).trim()
  if (search !== '') {
    parts.push(`${alias}.name_key LIKE ? ESCAPE '\\'`)
    params.push(`%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`)
  }
  return { sql: parts.length === 0 ? '1' : parts.join(' AND '), params }
}
