import type { Comparison } from './types.ts'

/** Administrative units by code: the finest unit both records know decides. */
export const location: Comparison = {
  name: 'location',
  field: 'admin_area',
  levels: ['same_ward', 'same_district', 'same_province', 'different'],
  compare(a, b) {
    if (a.ward && b.ward && a.ward === b.ward) return 0
    if (a.district && b.district) {
      if (a.district === b.district) return 1
      if (a.province && b.province && a.province === b.province) return 2
      return 3
    }
    if (a.province && b.province) return a.province === b.province ? 2 : 3
    return -1
  }
}
