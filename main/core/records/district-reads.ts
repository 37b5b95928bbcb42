import type { Db } from '../base/sqlite-driver.ts'

interface DistrictCount {
  code: string
}

/** The district most of the workspace's site records belong to (ties: the lowest code); null without any. */
export function commonestSiteDistrict(db: Db): string | null {
  const row = db
    .prepare(
      `SELECT district_code AS code FROM records WHERE kind = 'site' AND district_code IS NOT NULL
       GROUP BY district_code ORDER BY count(*) DESC, district_code LIMIT 1`
    )
    .get() as DistrictCount | undefined
  return row?.code ?? null
}
