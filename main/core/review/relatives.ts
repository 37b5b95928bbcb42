import { foldForMatch } from '../base/vn-text.ts'
import type { Db } from '../workspace/workspace.ts'
import type { IdentityColumns } from '../records/record-columns.ts'
import { registryBornOn, type IdentityRecord } from '../records/review-subject-reads.ts'

/**
 * Who a twin or namesake hold is about. Linkage holds a link for a clerk when the registry
 * has another person with the same birth date and name (a namesake) or the same birth date
 * and family name but another given name (a twin, as the registry records siblings). That
 * person may not be among the stored candidates (blocking or the top-N cut can leave them
 * out), yet the clerk must see both to choose: they are found here, by birth date.
 */
export type Relation = 'namesake' | 'twin'

const words = (name: string | null): string[] =>
  foldForMatch(name ?? '')
    .split(/\s+/)
    .filter(Boolean)

/** How registry person b relates to a: same name and birth date, or same family name and birth date. */
export function relationOf(a: Pick<IdentityColumns, 'full_name' | 'dob'>, b: Pick<IdentityColumns, 'full_name' | 'dob'>): Relation | null {
  if (!a.dob || a.dob !== b.dob) return null
  const [x, y] = [words(a.full_name), words(b.full_name)]
  if (x.length < 2 || y.length < 2) return null
  if (x.join(' ') === y.join(' ')) return 'namesake'
  return x[0] === y[0] && x[x.length - 1] !== y[y.length - 1] ? 'twin' : null
}

const MAX = 20

/** Registry rows that are a namesake or twin of `of`, other than those already listed. */
export function registryRelatives(db: Db, of: IdentityRecord, listed: ReadonlySet<number>): (IdentityRecord & { relation: Relation })[] {
  if (!of.dob) return []
  return registryBornOn(db, of.dob, of.id)
    .filter((r) => !listed.has(r.id))
    .flatMap((r) => {
      const relation = relationOf(of, r)
      return relation ? [{ ...r, relation }] : []
    })
    .slice(0, MAX)
}
